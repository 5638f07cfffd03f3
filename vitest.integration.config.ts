import { defineConfig } from 'vitest/config';

/** `npm run test:integration`: the suites that need EventStoreDB and MongoDB servers. */
export default defineConfig({
  test: {
    include: ['test/integration/**/*.spec.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One server for all files: suites must not see each other's appends.
    fileParallelism: false,
  },
});
