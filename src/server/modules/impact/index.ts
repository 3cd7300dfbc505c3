/** The impact module's public face: indicators computed from what the other modules publish. */
export { impactRoutes } from './impact.routes.js';
export { dhis2Routes } from './dhis2.routes.js';
export { rebuildSummaries } from './rebuild.js';
export { listIndicators, periodRange, publicImpactValues } from './impact.service.js';
