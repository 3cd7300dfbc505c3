/** The market module's public face: the public catalog, buyers, inquiries and orders. */
export { marketRoutes } from './market.routes.js';
export { tradeRoutes } from './orders.routes.js';
export { CatalogAnswers } from './catalog-answers.js';
export { searchCatalog } from './catalog.service.js';
/** The public catalog read into memory now (the benchmark; servers read it themselves, OVOP_CATALOG_IN_MEMORY). */
export { holdCatalog } from './catalog-held.js';
export { registerBuyer } from './buyers.service.js';
export { sendInquiry, sendQuote } from './inquiries.service.js';

/** What waits in the market for the caller, for the home screen. */
export { marketTasks } from './tasks.service.js';

/** The catalog's forgiving search words and tiers, for other searches that work the same way. */
export { EXACT_RANK, isVariable, nearTiers, searchWords, type SearchTier, type WordLookup } from './catalog-search.js';
