import { defineConfig } from 'vitest/config';

/** `npm run test:reliability`: concurrency, crash, fuzz and leak runs, bounded in time. */
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.spec.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
