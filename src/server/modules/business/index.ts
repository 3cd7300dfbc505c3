/** The business module's public face: a producer group's books, cost of production, batches. */
export { businessRoutes } from './business.routes.js';
export { recordSale, recordTransaction } from './journal.service.js';
export { closePeriod as closeBooksThrough } from './closing.service.js';
export { postDepreciation } from './assets.service.js';
export { payFinalTax, setBooksSettings } from './final-tax.service.js';
export { batchesRoutes } from './batches.routes.js';
export { reserveStock, releaseStock, sellStock } from './batches.service.js';
export { createBatch } from './batches.service.js';

/** What waits in the books for the caller, for the home screen. */
export { businessTasks } from './tasks.service.js';
export { rebuildSalesSummary } from './sales-summary.js';
