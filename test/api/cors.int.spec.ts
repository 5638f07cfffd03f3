import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import type { Reply } from '../support/client';
import { token, useTestApp } from '../support/testService';
import { createWorkspace } from '../support/workspaces';

const LISTED = 'https://settings.example.com';
const ALSO_LISTED = 'http://127.0.0.1:8080';
const UNLISTED = 'https://evil.example.com';

const preflight = (origin: string | undefined, method = 'PATCH', headers = 'authorization, content-type, if-match') => ({
  ...(origin === undefined ? {} : { origin }),
  'access-control-request-method': method,
  'access-control-request-headers': headers,
});

const varies = (reply: Reply) => (reply.headers.vary ?? '').split(',').map((v) => v.trim().toLowerCase());

describe('CORS (DESIGN §10) for the origins of CORS_ORIGINS', () => {
  const t = useTestApp({ settings: { rateLimits: { settingsMax: 3 } } }, { corsOrigins: [LISTED, ALSO_LISTED] });

  it('answers a preflight from a listed origin before authentication: that origin, the allowed headers, no credentials', async () => {
    const reply = await t.call('OPTIONS', '/v1/workspaces/w1/secrets', { headers: preflight(LISTED) });
    expect(reply.status).toBe(204);
    expect(reply.headers['access-control-allow-origin']).toBe(LISTED);
    expect(reply.headers['access-control-allow-headers']).toBe('Authorization, Content-Type, If-Match, X-Min-Position, X-Request-Id');
    expect(reply.headers['access-control-allow-methods']).toContain('PATCH');
    expect(reply.headers['access-control-allow-credentials']).toBeUndefined();
    expect(varies(reply)).toContain('origin');
  });

  it('answers each listed origin with itself, never * or another', async () => {
    const reply = await t.call('OPTIONS', '/v1/resolve', { headers: preflight(ALSO_LISTED, 'POST') });
    expect(reply.headers['access-control-allow-origin']).toBe(ALSO_LISTED);
  });

  it('does not count preflights against the rate limits (answered before them)', async () => {
    const user = token('preflighter');
    for (let i = 0; i < 6; i += 1) expect((await t.call('OPTIONS', '/v1/workspaces', { headers: preflight(LISTED, 'GET') })).status).toBe(204);
    expect((await t.call('GET', '/v1/workspaces', { token: user })).status).toBe(200);
  });

  it('lets a listed origin read ETag, X-Position and X-Request-Id of an answer', async () => {
    const alice = token('corsalice');
    const ws = await createWorkspace(t.call, 'corsalice');
    const write = await t.call('PATCH', `/v1/workspaces/${ws}/secrets`, { token: alice, headers: { origin: LISTED }, body: { set: { CORS_KEY: 'v' } } });
    expect(write.status).toBe(200);
    expect(write.headers['access-control-allow-origin']).toBe(LISTED);
    expect(write.headers['access-control-expose-headers']).toBe('ETag, X-Position, X-Request-Id');
    expect(write.headers['access-control-allow-credentials']).toBeUndefined();
    expect(write.headers.etag).toBeDefined();
    expect(write.headers['x-position']).toBeDefined();
    expect(varies(write)).toContain('origin');
  });

  it('lets a listed origin read a refusal too (a 401 problem), so the page can say why', async () => {
    const reply = await t.call('GET', '/v1/workspaces', { headers: { origin: LISTED } });
    expect(reply.status).toBe(401);
    expect(reply.headers['access-control-allow-origin']).toBe(LISTED);
    expect(reply.headers['content-type']).toContain('application/problem+json');
  });

  it('gives an unlisted origin, a `null` origin and a look-alike nothing to go on, with Vary: Origin', async () => {
    const origins = [UNLISTED, 'null', `${LISTED}.evil.example`, 'https://SETTINGS.example.com', `${LISTED}:443`];
    for (const [i, origin] of origins.entries()) {
      const pre = await t.call('OPTIONS', '/v1/workspaces', { headers: preflight(origin, 'GET') });
      expect(pre.headers['access-control-allow-origin'], origin).toBeUndefined();
      expect(varies(pre), origin).toContain('origin');
      const get = await t.call('GET', '/v1/workspaces', { token: token(`visitor${i}`), headers: { origin } });
      expect(get.status).toBe(200);
      expect(get.headers['access-control-allow-origin'], origin).toBeUndefined();
      expect(varies(get)).toContain('origin');
    }
  });

  it('answers an OPTIONS request that is no preflight (no Access-Control-Request-Method) without an error', async () => {
    const reply = await t.call('OPTIONS', '/v1/workspaces', { headers: { origin: LISTED } });
    expect(reply.status).toBe(204);
  });
});

describe('CORS without CORS_ORIGINS (the default)', () => {
  const t = useTestApp();

  it('answers a preflight as an unknown route (404 problem), with no CORS header', async () => {
    const reply = await t.call('OPTIONS', '/v1/workspaces', { headers: preflight(LISTED, 'GET') });
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toContain('application/problem+json');
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    const get = await t.call('GET', '/v1/workspaces', { token: token('alice'), headers: { origin: LISTED } });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS_ORIGINS', () => {
  it('is none by default and takes a comma-separated list of exact origins', () => {
    expect(loadConfig({}).CORS_ORIGINS).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: `${LISTED}, ${ALSO_LISTED}` }).CORS_ORIGINS).toEqual([LISTED, ALSO_LISTED]);
  });

  it('refuses *, null, paths, other schemes and anything that is not an exact origin, naming the variable', () => {
    for (const bad of ['*', 'null', `${LISTED}/`, `${LISTED}/ui`, 'settings.example.com', 'ftp://a.example', `${LISTED}:443`, 'https://user@a.example']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad }), bad).toThrow(/CORS_ORIGINS/);
    }
  });
});
