import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, type Client } from '../support/client';
import { startServer, type ServerProcess } from '../support/serverProcess';
import { token } from '../support/testService';
import { launchChromium, newContext } from './support/chromium';

/** A page of someone else's on another origin of this machine: an empty document to run fetch from. */
async function otherOrigin(): Promise<{ origin: string; server: Server }> {
  const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>elsewhere</title>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

type Outcome = { blocked: true } | { blocked: false; status: number; etag: string | null; position: string | null; requestId: string | null; body: unknown };

/** What a script on `page` sees of a call to the API: the answer and the headers it may read, or that the browser blocked it. */
async function callFrom(page: Page, url: string, init: { method: string; token: string; body?: unknown; ifMatch?: string }): Promise<Outcome> {
  return page.evaluate(async ({ url, init }) => {
    const headers: Record<string, string> = { authorization: `Bearer ${init.token}`, 'x-request-id': 'from-the-other-page' };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.ifMatch) headers['if-match'] = init.ifMatch;
    try {
      const response = await fetch(url, { method: init.method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), credentials: 'omit' });
      const text = await response.text();
      return {
        blocked: false as const,
        status: response.status,
        etag: response.headers.get('etag'),
        position: response.headers.get('x-position'),
        requestId: response.headers.get('x-request-id'),
        body: text === '' ? null : (JSON.parse(text) as unknown),
      };
    } catch {
      return { blocked: true as const };
    }
  }, { url, init });
}

/** DESIGN §10: a page on a listed origin calls the API from a browser; a page elsewhere cannot. */
describe('CORS in Chromium: a page on another origin calling the API', () => {
  let server: ServerProcess;
  let api: Client;
  let browser: Browser;
  let context: BrowserContext;
  let listed: Awaited<ReturnType<typeof otherOrigin>>;
  let unlisted: Awaited<ReturnType<typeof otherOrigin>>;
  let ws: string;
  const alice = token('alice');

  beforeAll(async () => {
    listed = await otherOrigin();
    unlisted = await otherOrigin();
    server = await startServer({ CORS_ORIGINS: listed.origin });
    api = httpClient(server.baseUrl);
    const created = await api('POST', '/v1/workspaces', { token: alice, body: { name: 'Cors' } });
    ws = (created.body as { id: string }).id;
    browser = await launchChromium();
    context = await newContext(browser);
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.stop();
    if (server) rmSync(server.dataDir, { recursive: true, force: true });
    for (const other of [listed, unlisted]) other?.server.close();
  });

  it('lets a page on a listed origin list, save with If-Match and read ETag, X-Position and X-Request-Id', async () => {
    const page = await context.newPage();
    await page.goto(`${listed.origin}/`);
    const list = await callFrom(page, `${server.baseUrl}/v1/workspaces/${ws}/secrets`, { method: 'GET', token: alice });
    expect(list).toMatchObject({ blocked: false, status: 200, etag: '"0"' });
    const saved = await callFrom(page, `${server.baseUrl}/v1/workspaces/${ws}/secrets`, {
      method: 'PATCH',
      token: alice,
      ifMatch: '"0"',
      body: { set: { FROM_ELSEWHERE: 'value' } },
    });
    expect(saved).toMatchObject({ blocked: false, status: 200, etag: '"2"' });
    if (saved.blocked) throw new Error('blocked');
    expect(saved.position).toMatch(/^\d+$/);
    expect(saved.requestId).toBeTruthy();
    const stale = await callFrom(page, `${server.baseUrl}/v1/workspaces/${ws}/secrets`, { method: 'PATCH', token: alice, ifMatch: '"0"', body: { set: { AGAIN: 'v' } } });
    expect(stale).toMatchObject({ blocked: false, status: 412, body: { code: 'stale_revision' } });
    await page.close();
  });

  it('blocks a page on an origin that is not listed: it reads nothing and its save never reaches the service', async () => {
    const page = await context.newPage();
    await page.goto(`${unlisted.origin}/`);
    expect(await callFrom(page, `${server.baseUrl}/v1/workspaces/${ws}/secrets`, { method: 'GET', token: alice })).toEqual({ blocked: true });
    const save = await callFrom(page, `${server.baseUrl}/v1/workspaces/${ws}/secrets`, { method: 'PATCH', token: alice, body: { set: { FROM_EVIL: 'value' } } });
    expect(save).toEqual({ blocked: true });
    const keys = await api('GET', `/v1/workspaces/${ws}/secrets`, { token: alice });
    expect((keys.body as { secrets: { key: string }[] }).secrets.map((s) => s.key)).toEqual(['FROM_ELSEWHERE']);
    await page.close();
  });
});
