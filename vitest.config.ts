import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    pool: 'forks',
    // Two files at a time: each has its own database, and a file spends much of its time waiting on
    // PostgreSQL or a child process (vitest's default on two cores is one).
    maxWorkers: 2,
    globalSetup: ['test/template-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
