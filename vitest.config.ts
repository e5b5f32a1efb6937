import { defineConfig } from 'vitest/config';

// Unit and integration tests (npm test). End-to-end tests have their own config in test/e2e/.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
