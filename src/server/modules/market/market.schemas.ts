/** The market's request and response schemas live in src/shared so the web validates and types with them. */
export * from '../../../shared/schemas/market.js';
