import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's chromium (.ci/run installs it where it is missing); playwright-core downloads no browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Tests reach only servers on this machine: every other host name (a provider page's web font)
  // resolves to nothing. Not request interception (page.route): with it, Playwright answers CORS
  // preflights itself, and the CORS tests would test Playwright.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

/**
 * Headless Chromium. Playwright starts it with a fresh temporary user-data-dir and deletes it
 * on close; each context is a separate session (its own sessionStorage), like another person.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 30_000 });
}

/** A context whose every action and wait gives up after `timeoutMs`. */
export async function newContext(browser: Browser, timeoutMs = 10_000): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  context.setDefaultTimeout(timeoutMs);
  context.setDefaultNavigationTimeout(timeoutMs);
  return context;
}
