import { defineConfig } from 'vitest/config';

// End-to-end tests (npm run test:e2e): browser mode driven in Debian's Chromium by playwright-core.
// One file at a time: each test starts its own backend and browser, and the machine has 2 cores.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
