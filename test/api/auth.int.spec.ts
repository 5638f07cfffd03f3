import { createSigner } from 'fast-jwt';
import { describe, expect, it } from 'vitest';
import { TEST_JWT_SECRET, token, useTestApp } from '../support/testService';

describe('Authentication (DESIGN §3)', () => {
  const { call } = useTestApp();

  const status = async (authorization?: string) =>
    (await call('GET', '/v1/workspaces', { headers: authorization === undefined ? {} : { authorization } })).status;

  it('accepts a valid HS256 bearer token', async () => {
    expect(await status(`Bearer ${token('alice')}`)).toBe(200);
  });

  it('refuses a request without a token with 401 problem+json', async () => {
    const reply = await call('GET', '/v1/workspaces');
    expect(reply.status).toBe(401);
    expect(reply.headers['content-type']).toContain('application/problem+json');
    expect(reply.body).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('refuses other schemes and garbage', async () => {
    expect(await status(`Basic ${Buffer.from('a:b').toString('base64')}`)).toBe(401);
    expect(await status('Bearer not-a-jwt')).toBe(401);
  });

  it('refuses an expired token', async () => {
    const expired = createSigner({ key: TEST_JWT_SECRET, algorithm: 'HS256', clockTimestamp: Date.now() - 7_200_000, expiresIn: 60_000 });
    expect(await status(`Bearer ${expired({ sub: 'alice' })}`)).toBe(401);
  });

  it('refuses a token without exp', async () => {
    const noExp = createSigner({ key: TEST_JWT_SECRET, algorithm: 'HS256' });
    expect(await status(`Bearer ${noExp({ sub: 'alice' })}`)).toBe(401);
  });

  it('refuses a token without sub', async () => {
    const noSub = createSigner({ key: TEST_JWT_SECRET, algorithm: 'HS256', expiresIn: 60_000 });
    expect(await status(`Bearer ${noSub({ email: 'a@example.com' })}`)).toBe(401);
  });

  it('refuses a token signed with another secret', async () => {
    const other = createSigner({ key: 'another-secret-another-secret-another-secret', algorithm: 'HS256', expiresIn: 60_000 });
    expect(await status(`Bearer ${other({ sub: 'alice' })}`)).toBe(401);
  });

  it('refuses an unsigned token (alg none) and other algorithms', async () => {
    const none = createSigner({ algorithm: 'none', expiresIn: 60_000 });
    expect(await status(`Bearer ${none({ sub: 'alice' })}`)).toBe(401);
    const hs512 = createSigner({ key: TEST_JWT_SECRET, algorithm: 'HS512', expiresIn: 60_000 });
    expect(await status(`Bearer ${hs512({ sub: 'alice' })}`)).toBe(401);
  });

  it('reads the scheme case-insensitively (RFC 9110)', async () => {
    for (const scheme of ['bearer', 'BEARER', 'bEaReR']) expect(await status(`${scheme} ${token('alice')}`)).toBe(200);
    expect(await status(`Bearer  ${token('alice')}`)).toBe(200);
    expect(await status('Bearer')).toBe(401);
    expect(await status(`Bearerx ${token('alice')}`)).toBe(401);
  });

  it('refuses claims with ill-formed Unicode: two lone surrogates must never become one user', async () => {
    const sign = createSigner({ key: TEST_JWT_SECRET, algorithm: 'HS256', expiresIn: 60_000 });
    for (const claims of [{ sub: 'mallory\ud800' }, { sub: 'a\udfff' }, { sub: 'bob', email: 'b\ud800@example.com' }, { sub: 'bob', ws: ['w\ud83d'] }]) {
      const reply = await call('GET', '/v1/me/secrets', { headers: { authorization: `Bearer ${sign(claims)}` } });
      expect(reply.status, JSON.stringify(claims)).toBe(401);
      expect(reply.body).toMatchObject({ code: 'unauthorized' });
    }
    expect(await status(`Bearer ${sign({ sub: 'emoji\u{1F511}' })}`)).toBe(200);
  });

  it('refuses a sub starting with system, the actor reserved for the service itself (DESIGN §9), whatever its case', async () => {
    for (const sub of ['system', 'system:retention', 'systemd', 'SYSTEM', 'System_admin']) {
      const reply = await call('GET', '/v1/workspaces', { token: token(sub, { email: 'ops@example.com' }) });
      expect(reply.status, sub).toBe(401);
      expect(reply.body, sub).toMatchObject({ code: 'unauthorized', detail: expect.stringContaining('reserved') });
    }
    for (const sub of ['sys', 'my-system', 'ecosystem']) expect(await status(`Bearer ${token(sub)}`), sub).toBe(200);
  });

  it('leaves health and readiness open', async () => {
    expect((await call('GET', '/healthz')).status).toBe(200);
    expect((await call('GET', '/readyz')).status).toBe(200);
  });
});
