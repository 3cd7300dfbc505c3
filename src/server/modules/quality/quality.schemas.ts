export * from '../../../shared/schemas/quality.js';
