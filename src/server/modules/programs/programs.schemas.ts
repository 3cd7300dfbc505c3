export * from '../../../shared/schemas/programs.js';
