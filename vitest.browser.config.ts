import { defineConfig } from 'vitest/config';

/** `npm run test:browser`: the settings page in headless Chromium against a real server. */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.spec.ts'],
    // The page is built from its sources first, so the tests never run against an old build.
    globalSetup: ['test/browser/support/buildPage.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // One browser and one server at a time: the machine has two cores.
    fileParallelism: false,
  },
});
