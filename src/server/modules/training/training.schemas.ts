export * from '../../../shared/schemas/training.js';
