import { describe, it } from 'vitest';

/**
 * Runs `suites` against a real server when its connection string is set; otherwise reports, in
 * the test output, one skipped test that names the missing server.
 */
export function withServer(variable: 'EVENTSTORE_URL' | 'MONGODB_URL', server: string, suites: (url: string) => void): void {
  const url = process.env[variable];
  if (url) {
    suites(url);
    return;
  }
  describe(`${server} (needs ${variable})`, () => {
    it.skip(`SKIPPED: ${variable} is not set, so no ${server} server was given (docker compose up, then set it)`, () => {});
  });
}
