/** The quality module's public face: rating schemes, assessments, certifications, export readiness. */
export { qualityRoutes } from './quality.routes.js';
export { exportReadiness, MARKETS, type MarketReadiness } from './export-readiness.js';
export { SCHEME_TEMPLATES } from './scheme-templates.js';
