import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, type Client } from '../support/client';
import { leaksIn } from '../support/leaks';
import { startServer, type ServerProcess } from '../support/serverProcess';
import { token } from '../support/testService';
import { launchChromium, newContext } from './support/chromium';
import { startOidcProvider, UI_CLIENT_ID, type OidcProvider } from './support/oidcProvider';
import { devLink, everythingOn, keys, paste, rowOf, screenshots, section, values, watchedPage, type Watched } from './support/page';

const WAIT = { timeout: 10_000, interval: 100 };
const secret = (name: string) => `${name}_${randomBytes(8).toString('hex')}`;

/**
 * The product page's story in headless Chromium against the real server (src/server.ts on
 * 127.0.0.1), by accessible names: sign in with the dev link, fill rows by typing and by
 * pasting .env text, Save, masks, Reveal, trash, Details (members, history), the {{ dropdown,
 * the audit, a read member refused on their row, a stale save reloaded without losing an edit.
 */
describe('The settings page (/ui) in Chromium', () => {
  let server: ServerProcess;
  let idp: OidcProvider;
  /** Alice signs in through the identity provider: her token is the one the page got, her id `acme:alice`. */
  let aliceToken: string;
  let api: Client;
  let browser: Browser;
  let alice: Watched;
  let page: Page;
  let ws: string;
  const contexts: BrowserContext[] = [];
  const shot = screenshots();
  const V = {
    api: secret('sk_live'),
    apiRotated: secret('sk_rotated'),
    db: secret('postgres_pw'),
    smtpHost: 'mail.example.com',
    smtpPassword: `${secret('smtp')} with spaces`,
    webhook: secret('whsec'),
    personal: secret('my_token'),
    stale: secret('stale_edit'),
    big: 'x'.repeat(64 * 1024 + 1),
  };
  const stored = [V.api, V.apiRotated, V.db, V.smtpPassword, V.webhook, V.personal, V.stale];

  /** Alice invites `user` (by email) as `permission`; they accept with a development token. */
  async function joinAs(user: string, permission: 'write' | 'read') {
    const invited = await api('POST', `/v1/workspaces/${ws}/invitations`, { token: aliceToken, body: { email: `${user}@example.com`, permission } });
    expect(invited.status, invited.text).toBe(201);
    const accepted = await api('POST', `/v1/invitations/${(invited.body as { id: string }).id}/accept`, { token: token(user) });
    expect(accepted.status, accepted.text).toBe(200);
  }

  beforeAll(async () => {
    // The provider's port first: the service must know its issuer, and the provider the page.
    idp = await startOidcProvider();
    server = await startServer({
      JWT_JWKS_URL: idp.jwksUrl,
      JWT_ISSUER: idp.issuer,
      JWT_AUDIENCE: UI_CLIENT_ID,
      JWT_ISSUER_ALIAS: 'acme',
      UI_OIDC_ISSUER: idp.issuer,
      UI_OIDC_CLIENT_ID: UI_CLIENT_ID,
    });
    idp.serve(`${server.baseUrl}/ui`);
    api = httpClient(server.baseUrl);
    browser = await launchChromium();
    const context = await newContext(browser);
    contexts.push(context);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    alice = await watchedPage(context);
    page = alice.page;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.stop();
    await idp?.close();
    if (server) rmSync(server.dataDir, { recursive: true, force: true });
  });

  it('signs in through the identity provider (OpenID Connect, code + PKCE): token in sessionStorage, code out of the address at once', async () => {
    await page.goto(`${server.baseUrl}/ui`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await shot(page, 'sign-in');
    const authorizeRequest = page.waitForRequest((request) => request.url().startsWith(`${idp.issuer}/auth`));
    await page.getByRole('button', { name: 'Sign in with single sign-on' }).click();
    const authorize = new URL((await authorizeRequest).url());
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('client_id')).toBe(UI_CLIENT_ID);
    // The provider's own (development) login and consent pages.
    await page.getByPlaceholder('Enter any login').fill('alice');
    await page.getByPlaceholder('and password').fill('any password');
    await shot(page, 'provider-login');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    const back = page.waitForRequest((request) => request.isNavigationRequest() && request.url().startsWith(`${server.baseUrl}/ui?`));
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(new URL((await back).url()).searchParams.has('code')).toBe(true);
    await page.getByRole('heading', { name: 'Secrets', exact: true }).waitFor();
    expect(page.url()).toBe(`${server.baseUrl}/ui`);
    aliceToken = (await page.evaluate(() => Object.values(sessionStorage).find((v) => v.split('.').length === 3)))!;
    expect(aliceToken).toBeTruthy();
    expect(JSON.parse(Buffer.from(aliceToken.split('.')[1]!, 'base64url').toString())).toMatchObject({ iss: idp.issuer, aud: UI_CLIENT_ID, sub: 'alice', email_verified: true });
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await page.getByText('alice@example.com').waitFor();
    await page.getByRole('heading', { name: 'Personal', exact: true }).waitFor();
    await shot(page, 'signed-in-no-workspace');
  });

  it('refuses a sign-in it did not start (a forged code and state): says so, and the address is clean at once', async () => {
    const context = await newContext(browser);
    contexts.push(context);
    const stranger = await watchedPage(context);
    await stranger.page.goto(`${server.baseUrl}/ui?code=forged-code&state=forged-state&iss=${encodeURIComponent(idp.issuer)}`);
    await stranger.page.getByText('That sign-in was not started here').waitFor();
    expect(stranger.page.url()).toBe(`${server.baseUrl}/ui`);
    expect(await stranger.page.evaluate(() => sessionStorage.length)).toBe(0);
    await stranger.page.getByRole('button', { name: 'Sign in with single sign-on' }).waitFor();
    expect(stranger.problems).toEqual([]);
    await context.close();
  });

  it('creates a workspace, then shows its Workspace section', async () => {
    await page.getByLabel('Workspace name').fill('Acme');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByRole('heading', { name: 'Workspace', exact: true }).waitFor();
    const list = await api('GET', '/v1/workspaces', { token: aliceToken });
    ws = (list.body as { workspaces: { id: string; name: string }[] }).workspaces.find((w) => w.name === 'Acme')!.id;
    expect(ws).toBeTruthy();
  });

  it('adds secrets by typing in the last row: a new empty row appears', async () => {
    const region = section(page, 'Workspace');
    await expect.poll(() => keys(region).count(), WAIT).toBe(1);
    await keys(region).last().fill('API_KEY');
    await expect.poll(() => keys(region).count(), WAIT).toBe(2);
    await values(region).nth(0).fill(V.api);
    await keys(region).last().fill('DB_PASSWORD');
    await values(region).nth(1).fill(V.db);
    await expect.poll(() => keys(region).count(), WAIT).toBe(3);
    expect(await keys(region).last().inputValue()).toBe('');
  });

  it('flags an invalid key on its row as it is typed', async () => {
    const region = section(page, 'Workspace');
    await keys(region).last().fill('NOT-VALID');
    const row = rowOf(region, 'NOT-VALID');
    await row.getByText('Use only letters, digits and underscores').waitFor();
    expect(await row.getByRole('textbox', { name: 'Key' }).getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'invalid-key');
    await row.getByRole('button', { name: 'Delete NOT-VALID' }).click();
    await expect.poll(() => keys(region).count(), WAIT).toBe(3);
  });

  it('fills rows from a multi-line .env block pasted into a value cell', async () => {
    const region = section(page, 'Workspace');
    const dotenv = [
      '# pasted from .env',
      `SMTP_HOST=${V.smtpHost}`,
      `export SMTP_PASSWORD="${V.smtpPassword}"`,
      `WEBHOOK_SECRET=${V.webhook} # the signing secret`,
      '',
    ].join('\n');
    await paste(values(region).last(), dotenv);
    await expect.poll(() => keys(region).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)), WAIT).toEqual([
      'API_KEY',
      'DB_PASSWORD',
      'SMTP_HOST',
      'SMTP_PASSWORD',
      'WEBHOOK_SECRET',
      '',
    ]);
    expect(await values(region).evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value))).toEqual([
      V.api,
      V.db,
      V.smtpHost,
      V.smtpPassword,
      V.webhook,
      '',
    ]);
    await shot(page, 'rows-filled');
  });

  it('saves every row as one batch with If-Match, then shows every value masked: none is on the page', async () => {
    const region = section(page, 'Workspace');
    const before = alice.saves.length;
    await region.getByRole('button', { name: 'Save', exact: true }).click();
    await region.getByText('Saved.').waitFor();
    expect(alice.saves.length - before).toBe(1);
    const save = alice.saves[alice.saves.length - 1]!;
    expect(save.ifMatch).toBe('"0"');
    expect(save.body).toEqual({
      set: { API_KEY: V.api, DB_PASSWORD: V.db, SMTP_HOST: V.smtpHost, SMTP_PASSWORD: V.smtpPassword, WEBHOOK_SECRET: V.webhook },
      delete: [],
    });
    await expect.poll(() => values(region).evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value)), WAIT).toEqual(['', '', '', '', '', '']);
    expect(await values(region).first().getAttribute('placeholder')).toBe('••••••••');
    expect(leaksIn(await everythingOn(page), stored)).toEqual([]);
    expect(leaksIn((await alice.apiAnswers()).join('\n'), stored)).toEqual([]);
    await shot(page, 'saved-masked');
  });

  it('reveals one value on its row only, and the reveal is recorded', async () => {
    const region = section(page, 'Workspace');
    const row = rowOf(region, 'API_KEY');
    await row.getByRole('button', { name: 'Reveal' }).click();
    await expect.poll(() => row.getByRole('textbox', { name: 'Value' }).inputValue(), WAIT).toBe(V.api);
    expect(leaksIn(await everythingOn(page), stored)).toEqual([V.api]);
    const audit = await api('GET', `/v1/workspaces/${ws}/audit?limit=1000`, { token: aliceToken });
    expect((audit.body as { entries: { type: string; key: string | null }[] }).entries).toContainEqual(
      expect.objectContaining({ type: 'SecretRevealed', key: 'API_KEY' }),
    );
    await shot(page, 'revealed');
    await row.getByRole('button', { name: 'Hide' }).click();
    await expect.poll(() => row.getByRole('textbox', { name: 'Value' }).inputValue(), WAIT).toBe('');
  });

  it('deletes a key with its trash icon and Save', async () => {
    const region = section(page, 'Workspace');
    await region.getByRole('button', { name: 'Delete DB_PASSWORD', exact: true }).click();
    await region.getByRole('button', { name: 'Save', exact: true }).click();
    await region.getByText('Saved.').waitFor();
    expect(alice.saves[alice.saves.length - 1]!.body).toEqual({ set: {}, delete: ['DB_PASSWORD'] });
    await expect.poll(() => rowOf(region, 'DB_PASSWORD').count(), WAIT).toBe(0);
    const list = await api('GET', `/v1/workspaces/${ws}/secrets`, { token: aliceToken });
    expect((list.body as { secrets: { key: string }[] }).secrets.map((s) => s.key)).toEqual(['API_KEY', 'SMTP_HOST', 'SMTP_PASSWORD', 'WEBHOOK_SECRET']);
  });

  it('changes a value by typing over its mask (a new version)', async () => {
    const region = section(page, 'Workspace');
    await rowOf(region, 'API_KEY').getByRole('textbox', { name: 'Value' }).fill(V.apiRotated);
    await region.getByRole('button', { name: 'Save', exact: true }).click();
    await region.getByText('Saved.').waitFor();
    expect(alice.saves[alice.saves.length - 1]!.body).toEqual({ set: { API_KEY: V.apiRotated }, delete: [] });
  });

  it('Details: display name, description, a member added by email as Member, Save, history, Back', async () => {
    await joinAs('bob', 'write');
    await rowOf(section(page, 'Workspace'), 'API_KEY').getByRole('button', { name: 'Details' }).click();
    const screen = page.getByRole('region', { name: 'API_KEY', exact: true });
    await screen.getByRole('heading', { name: 'API_KEY', exact: true }).waitFor();
    expect(await section(page, 'Workspace').isVisible()).toBe(false);
    await screen.getByLabel('Display name').fill('Payments API');
    await screen.getByLabel('Description').fill('Live key for the payments provider');
    await screen.getByRole('button', { name: 'Save', exact: true }).click();
    await screen.getByText('Saved.').waitFor();

    await screen.getByLabel('Email').fill('bob@example.com');
    await screen.getByLabel('Role', { exact: true }).selectOption({ label: 'Member' });
    await screen.getByRole('button', { name: 'Invite' }).click();
    await screen.getByText('bob@example.com is now a Member of API_KEY.').waitFor();
    const bobsRole = screen.getByRole('combobox', { name: 'Role of bob@example.com' });
    await bobsRole.waitFor();
    expect(await bobsRole.inputValue()).toBe('member');

    const history = screen.getByRole('region', { name: 'History' });
    await expect.poll(() => history.getByRole('row').count(), WAIT).toBe(3);
    expect(await history.getByRole('row').nth(1).textContent()).toMatch(/^2.*alice/);
    await shot(page, 'details');

    const details = await api('GET', `/v1/workspaces/${ws}/secrets/API_KEY`, { token: aliceToken });
    expect(details.body).toMatchObject({ displayName: 'Payments API', description: 'Live key for the payments provider' });
    const members = await api('GET', `/v1/workspaces/${ws}/secrets/API_KEY/members`, { token: aliceToken });
    expect((members.body as { members: unknown[] }).members).toContainEqual({ userId: 'bob', email: 'bob@example.com', role: 'member', source: 'explicit' });

    await page.getByRole('button', { name: 'Back' }).click();
    await section(page, 'Workspace').waitFor();
    expect(await page.getByRole('heading', { name: 'API_KEY', exact: true }).count()).toBe(0);
  });

  it('adds a personal secret in the Personal section', async () => {
    const region = section(page, 'Personal');
    await keys(region).last().fill('MY_TOKEN');
    await values(region).first().fill(V.personal);
    await region.getByRole('button', { name: 'Save', exact: true }).click();
    await region.getByText('Saved.').waitFor();
    expect(alice.saves[alice.saves.length - 1]).toMatchObject({ url: `${server.baseUrl}/v1/me/secrets`, ifMatch: '"0"' });
  });

  it('opens the variables dropdown on {{, Workspace then Personal, and writes the picked reference', async () => {
    const field = page.getByRole('combobox', { name: 'Workflow field' });
    await field.pressSequentially('Bearer {{');
    const list = page.getByRole('listbox');
    await list.getByRole('option', { name: 'MY_TOKEN' }).waitFor();
    const groups = await list.getByRole('group').evaluateAll((els) => els.map((e) => document.getElementById(e.getAttribute('aria-labelledby')!)?.textContent));
    expect(groups).toEqual(['Workspace', 'Personal']);
    expect(await list.getByRole('group', { name: 'Workspace' }).getByRole('option').allTextContents()).toEqual([
      'API_KEY',
      'SMTP_HOST',
      'SMTP_PASSWORD',
      'WEBHOOK_SECRET',
    ]);
    await shot(page, 'variables-dropdown');
    await list.getByRole('option', { name: 'API_KEY' }).click();
    expect(await field.inputValue()).toBe('Bearer {{API_KEY}}');
    expect(await list.isVisible()).toBe(false);
    await field.pressSequentially(' {{MY');
    await list.getByRole('option', { name: 'MY_TOKEN' }).waitFor();
    expect(await list.getByRole('option').count()).toBe(1);
    await field.press('Enter');
    expect(await field.inputValue()).toBe('Bearer {{API_KEY}} {{MY_TOKEN}}');
  });

  it('shows the audit to a workspace admin', async () => {
    await page.getByRole('button', { name: 'Audit' }).click();
    await page.getByRole('heading', { name: 'Audit', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'SecretRevealed' }).first().waitFor();
    await shot(page, 'audit');
    await page.getByRole('button', { name: 'Back' }).click();
    await section(page, 'Workspace').waitFor();
  });

  it("places a value the service refuses (errors[] naming set.KEY) on that key's row", async () => {
    const region = section(page, 'Workspace');
    await keys(region).last().fill('TOO_BIG');
    await rowOf(region, 'TOO_BIG').getByRole('textbox', { name: 'Value' }).fill(V.big);
    await region.getByRole('button', { name: 'Save', exact: true }).click();
    await rowOf(region, 'TOO_BIG').getByText(/at most 65536 bytes/).waitFor();
    await region.getByText('Nothing was saved.').waitFor();
    await region.getByRole('button', { name: 'Delete TOO_BIG', exact: true }).click();
  });

  it("shows a read member's refused edit on its row, and no value before Reveal", async () => {
    await joinAs('carol', 'read');
    const context = await newContext(browser);
    contexts.push(context);
    const carol = await watchedPage(context);
    // Carol signs in with the development link (npm run token -- --ui): it works beside the provider.
    const link = await devLink(server.baseUrl, 'carol');
    expect(link).toMatch(new RegExp(`^${server.baseUrl}/ui#token=`));
    await carol.page.goto(link);
    await carol.page.getByRole('heading', { name: 'Secrets', exact: true }).waitFor();
    expect(carol.page.url()).toBe(`${server.baseUrl}/ui`);
    const region = section(carol.page, 'Workspace');
    await rowOf(region, 'SMTP_HOST').waitFor();
    expect(leaksIn(await everythingOn(carol.page), stored)).toEqual([]);
    // Carol holds no role on any secret: nothing to reveal.
    expect(await region.getByRole('button', { name: 'Reveal' }).count()).toBe(0);
    await rowOf(region, 'SMTP_HOST').getByRole('textbox', { name: 'Value' }).fill('smtp.attacker.example');
    await region.getByRole('button', { name: 'Save', exact: true }).click();
    await rowOf(region, 'SMTP_HOST').getByText("Only the secret's admins can change or delete SMTP_HOST").waitFor();
    await region.getByText('Nothing was saved.').waitFor();
    await shot(carol.page, 'read-member-refused');
    expect(leaksIn((await carol.apiAnswers()).join('\n'), stored)).toEqual([]);
    expect(carol.problems).toEqual([]);
  });

  it('shows a save made stale by someone else as such; Reload keeps the unsaved edit and the next Save lands', async () => {
    const region = section(page, 'Workspace');
    await rowOf(region, 'SMTP_PASSWORD').getByRole('textbox', { name: 'Value' }).fill(V.stale);
    // Someone else saves the scope between this page's load and its save.
    const other = await api('PATCH', `/v1/workspaces/${ws}/secrets`, { token: token('bob'), body: { set: { ADDED_BY_BOB: 'bobs-value' } } });
    expect(other.status).toBe(200);
    await region.getByRole('button', { name: 'Save', exact: true }).click();
    await region.getByText('Stale:').waitFor();
    expect(await region.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    await shot(page, 'stale-save');

    await region.getByRole('button', { name: 'Reload' }).click();
    await rowOf(region, 'ADDED_BY_BOB').waitFor();
    expect(await rowOf(region, 'SMTP_PASSWORD').getByRole('textbox', { name: 'Value' }).inputValue()).toBe(V.stale);
    await region.getByText('your unsaved edits are back').waitFor();
    await region.getByRole('button', { name: 'Save', exact: true }).click();
    await region.getByText('Saved.').waitFor();
    expect(alice.saves[alice.saves.length - 1]!.body).toEqual({ set: { SMTP_PASSWORD: V.stale }, delete: [] });
    const revealed = await api('POST', `/v1/workspaces/${ws}/secrets/SMTP_PASSWORD/reveal`, { token: aliceToken });
    expect(revealed.body).toMatchObject({ value: V.stale });
    await shot(page, 'after-stale-reload');
  });

  it("pages a long history: the newest 100 versions, then Older versions for the rest", async () => {
    // bob sets his key 101 times more (102 versions); each value differs, or no version is made.
    for (let n = 2; n <= 102; n += 1) {
      const set = await api('PUT', `/v1/workspaces/${ws}/secrets/ADDED_BY_BOB`, { token: token('bob'), body: { value: `bobs-value-${n}` } });
      expect(set.status, set.text).toBe(200);
    }
    await rowOf(section(page, 'Workspace'), 'ADDED_BY_BOB').getByRole('button', { name: 'Details' }).click();
    const history = page.getByRole('region', { name: 'History' });
    await expect.poll(() => history.getByRole('row').count(), WAIT).toBe(101);
    const versionIn = (row: ReturnType<Page['getByRole']>) => row.getByRole('cell').first().textContent();
    expect(await versionIn(history.getByRole('row').nth(1))).toBe('102');
    // A double click loads the next page once.
    await history.getByRole('button', { name: 'Older versions' }).dblclick();
    await expect.poll(() => history.getByRole('row').count(), WAIT).toBe(103);
    expect(await versionIn(history.getByRole('row').last())).toBe('1');
    expect(await history.getByRole('button', { name: 'Older versions' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Back' }).click();
    await section(page, 'Workspace').waitFor();
  });

  it('pages the audit: a double click on Load more loads the next page once', async () => {
    // The history test above made more than 100 entries: two pages of 50 and more after them.
    await page.getByRole('button', { name: 'Audit' }).click();
    const audit = page.getByRole('region', { name: 'Audit' });
    await expect.poll(() => audit.getByRole('row').count(), WAIT).toBe(51);
    await audit.getByRole('button', { name: 'Load more' }).dblclick();
    await audit.getByRole('button', { name: 'Load more' }).waitFor();
    // Both clicks' answers, had both been asked for, are in by now.
    await page.waitForTimeout(500);
    // A page loaded twice would make 151 rows. (Rows' texts may repeat: two like entries in one second.)
    expect(await audit.getByRole('row').count()).toBe(101);
    await page.getByRole('button', { name: 'Back' }).click();
    await section(page, 'Workspace').waitFor();
  });

  it('ran without a script error or a Content-Security-Policy refusal, and logged no value', () => {
    expect(alice.problems).toEqual([]);
    expect(leaksIn(server.output(), [...stored, V.smtpHost])).toEqual([]);
  });
});
