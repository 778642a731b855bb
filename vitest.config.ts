import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Rebuilds lib/ when it is stale, for the tests that run bin/bulletin.js (test/builtCli.ts).
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 30_000,
    // Two files at a time on a two-core machine (vitest's default there is one): the end-to-end files
    // mostly wait on Chrome, so the suite takes about 460 s instead of 620.
    maxWorkers: 2,
    hookTimeout: 180_000,
  },
});
