export * from '../../../shared/schemas/market.js';
