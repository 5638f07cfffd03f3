import { execFileSync } from 'node:child_process';

/** vitest globalSetup: the browser tests run against the page as the sources are now (npm run prepare). */
export default function buildPage() {
  execFileSync(process.execPath, ['--import', 'tsx', 'ui/build.ts'], { stdio: 'inherit', timeout: 120_000 });
}
