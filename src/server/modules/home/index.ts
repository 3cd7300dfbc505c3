/** The home module's public face: the signed-in user's summary of what waits, composed from every module. */
export { homeRoutes } from './home.routes.js';
