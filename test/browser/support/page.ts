import { execFile } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { TEST_JWT_SECRET } from '../../support/testService';

export const SCREENSHOTS = join('test-artifacts', 'screenshots');

/** A fresh folder for this run's screenshots, and a function that keeps one per screen. */
export function screenshots(): (page: Page, name: string) => Promise<void> {
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  let n = 0;
  return async (page, name) => {
    n += 1;
    await page.screenshot({ path: join(SCREENSHOTS, `${String(n).padStart(2, '0')}-${name}.png`), fullPage: true });
  };
}

/** `npm run token -- --ui` as a developer runs it, for the server at `baseUrl`. */
export async function devLink(baseUrl: string, sub: string): Promise<string> {
  const { port } = new URL(baseUrl);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'src/cli/token.ts', '--ui', '--sub', sub, '--email', `${sub}@example.com`],
    { env: { ...process.env, HOST: '127.0.0.1', PORT: port, JWT_SECRET: TEST_JWT_SECRET }, timeout: 30_000 },
  );
  return stdout.trim();
}

export type Watched = Readonly<{
  page: Page;
  /** Script errors and Content-Security-Policy refusals seen so far. */
  problems: string[];
  /** Every /v1 answer the page received, reveals aside (they are the one answer that holds a value). */
  apiAnswers(): Promise<string[]>;
  /** The PATCH …/secrets requests the page sent: their If-Match and body. */
  saves: { url: string; ifMatch: string | undefined; body: unknown }[];
}>;

/** A page whose errors, CSP refusals, API answers and batch saves are recorded. */
export async function watchedPage(context: BrowserContext): Promise<Watched> {
  const page = await context.newPage();
  const problems: string[] = [];
  const answers: Promise<string>[] = [];
  const saves: Watched['saves'] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    // Refused requests are logged by Chromium as "Failed to load resource"; the tests expect some.
    if (/Content Security Policy/i.test(text) || (message.type() === 'error' && !text.startsWith('Failed to load resource'))) {
      problems.push(`console ${message.type()}: ${text}`);
    }
  });
  page.on('request', (request) => {
    if (request.method() === 'PATCH' && /\/secrets$/.test(new URL(request.url()).pathname)) {
      saves.push({ url: request.url(), ifMatch: request.headers()['if-match'], body: request.postDataJSON() });
    }
  });
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith('/v1/') && !path.endsWith('/reveal')) answers.push(response.text().catch(() => ''));
  });
  return { page, problems, saves, apiAnswers: () => Promise.all(answers) };
}

/** Everything a value could be read from on the page: its HTML, every field's value, its storage. */
export async function everythingOn(page: Page): Promise<string> {
  const html = await page.content();
  const fields = await page.$$eval('input, textarea, select', (elements) => elements.map((e) => (e as HTMLInputElement).value));
  const storage = await page.evaluate(() => JSON.stringify({ session: { ...sessionStorage }, local: { ...localStorage } }));
  return [html, ...fields, storage].join('\n');
}

/** A real paste (Ctrl+V) of `text` into a field, through the clipboard. */
export async function paste(field: Locator, text: string): Promise<void> {
  await field.page().evaluate((t) => navigator.clipboard.writeText(t), text);
  await field.focus();
  await field.page().keyboard.press('ControlOrMeta+V');
}

/** A section of the list (the region named by its heading). */
export const section = (page: Page, name: 'Workspace' | 'Personal') => page.getByRole('region', { name, exact: true });

/** The row of a key in a section, found by its trash icon ("Delete KEY"). */
export const rowOf = (region: Locator, key: string) =>
  region.getByRole('row').filter({ has: region.page().getByRole('button', { name: `Delete ${key}`, exact: true }) });

/** The Key and Value fields of a section, in row order. */
export const keys = (region: Locator) => region.getByRole('textbox', { name: 'Key', exact: true });
export const values = (region: Locator) => region.getByRole('textbox', { name: 'Value', exact: true });
