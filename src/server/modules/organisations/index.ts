/** The organisations module's public face: agencies seeing their programs side by side (decision 027). */
export { organisationsRoutes } from './organisations.routes.js';
