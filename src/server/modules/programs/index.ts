/** The programs module's public face. */
export { programsRoutes } from './programs.routes.js';
export { createProgram, getProgram, grantRole } from './programs.service.js';
export { programsRepository } from './programs.repository.js';
