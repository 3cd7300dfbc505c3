/** The Cache API store of the signed-in user's GET answers (service worker, NetworkFirst). */
export const API_CACHE = 'ovop-api';
