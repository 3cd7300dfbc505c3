/** The countries module's public face: country packs (packs/XX), installed and used to start programs. */
export { createProgramFromPack, installPack, type PackPlan } from './countries.service.js';
export { countriesRoutes } from './countries.routes.js';
