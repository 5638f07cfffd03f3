import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every spec builds its own service and app, and none keeps state in a module that a test could
    // see (the random pool, src/crypto/randomPool.ts, only hands out bytes): so the files of a
    // worker share its loaded modules (isolate: false) instead of loading them again, file after
    // file. On two cores that halves the wall time of the suite.
    pool: 'threads',
    isolate: false,
    include: ['test/**/*.spec.ts'],
    exclude: ['test/integration/**', 'test/reliability/**', 'test/browser/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
