/** The market module's public face: the public catalog (buyers, inquiries and orders come later). */
export { marketRoutes } from './market.routes.js';
export { getCatalogProduct, searchCatalog } from './catalog.service.js';
