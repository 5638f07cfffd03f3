import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.spec.ts'],
    exclude: ['test/integration/**', 'test/reliability/**', 'test/browser/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
