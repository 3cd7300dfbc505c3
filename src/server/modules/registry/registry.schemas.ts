export * from '../../../shared/schemas/registry.js';
