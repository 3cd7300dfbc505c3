import { defineConfig } from 'vitest/config';

/** Browser journeys: the built app in Debian's Chromium, one file at a time. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // A busy machine (CI shares its cores) can take seconds to render an upload: polls wait for the
    // condition up to 30 s instead of vitest's 1 s, and return as soon as it holds.
    expect: { poll: { timeout: 30_000 } },
  },
});
