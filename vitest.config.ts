import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const include = ['src/**/*.test.ts', 'test/**/*.test.ts'];
const exclude = ['test/e2e/**', 'node_modules/**'];

/**
 * The files that replace a module with `vi.mock`: a mock takes effect only where the module is
 * imported afresh, so these run each in a fresh module graph. Every other file shares its worker's
 * modules with the files before it (`isolate: false`): importing the app again for each of 150 files
 * took about 260 s of a run's 1,070 on PGlite.
 */
const mocking = ['src', 'test']
  .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => join(dir, file)))
  .filter((file) => file.endsWith('.test.ts') && !file.startsWith(join('test', 'e2e')))
  .filter((file) => /\bvi\.mock\(/.test(readFileSync(file, 'utf8')));

export default defineConfig({
  test: {
    pool: 'forks',
    // Two files at a time: each has its own database, and a file spends much of its time waiting on
    // PostgreSQL or a child process (vitest's default on two cores is one).
    maxWorkers: 2,
    globalSetup: ['test/template-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'shared', include, exclude: [...exclude, ...mocking], isolate: false } },
      { extends: true, test: { name: 'isolated', include: mocking, exclude, isolate: true } },
    ],
  },
});
