import { createHmac, createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeySet } from '../../src/api/tokens/keySet';
import { jwksUrlSource, pemFileSource } from '../../src/api/tokens/keySources';
import { jwkThumbprint } from '../../src/api/tokens/verifyingKey';
import type { IdentityProvider } from '../../src/api/tokens/tokenVerifier';
import type { Client } from '../support/client';
import { providerKey, providerToken, startJwksServer, type JwksServer, type ProviderTokenOptions } from '../support/identityProvider';
import { token, useTestApp } from '../support/testService';
import { bodyOf, createWorkspace, expectProblem, must } from '../support/workspaces';

const ISSUER = 'https://id.example.com/realms/acme';
const AUDIENCE = 'secrets-service';
const ALIAS = 'acme';
const FLOOR_MS = 30_000;

/** A clock the key set reads, so the 30 s refetch floor is crossed without waiting. */
function testClock() {
  let now = Date.UTC(2030, 0, 1);
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** An identity provider served from `jwks`, read lazily: the server starts after the app is described. */
function providerOf(jwks: () => JwksServer, clock: ReturnType<typeof testClock>): IdentityProvider {
  const keys = new KeySet(() => jwksUrlSource(jwks().url)(), { refetchFloorMs: FLOOR_MS, now: clock.now });
  return { issuer: ISSUER, audiences: [AUDIENCE, 'another-audience'], alias: ALIAS, keys };
}

const valid: ProviderTokenOptions = { issuer: ISSUER, audience: AUDIENCE };
const bearer = (jwt: string) => ({ token: jwt });

/** Whom the service took a token for: the id it records as the creator of a workspace. */
async function principalOf(call: Client, jwt: string): Promise<string> {
  const { id } = await must<{ id: string }>(call, 'POST', '/v1/workspaces', { ...bearer(jwt), body: { name: 'Whoami' } });
  const members = await must<{ members: { userId: string }[] }>(call, 'GET', `/v1/workspaces/${id}/members`, bearer(jwt));
  return members.members[0]!.userId;
}

describe('Tokens from an identity provider (DESIGN §10)', () => {
  const keys = { rsa: providerKey('RS256', 'rsa-1'), ec: providerKey('ES256', 'ec-1'), ed: providerKey('EdDSA', 'ed-1') };
  let jwks: JwksServer;
  const clock = testClock();
  const t = useTestApp({ identityProvider: providerOf(() => jwks, clock) });

  beforeAll(async () => {
    jwks = await startJwksServer(Object.values(keys));
  });
  afterAll(async () => jwks?.close());

  it.each(Object.entries(keys))('accepts a %s-signed token as <alias>:<sub>', async (_name, key) => {
    expect(await principalOf(t.call, providerToken(key, `user-${key.kid}`, valid))).toBe(`acme:user-${key.kid}`);
  });

  it('takes any audience of JWT_AUDIENCE, in `aud` as a string or among a list', async () => {
    expect((await t.call('GET', '/v1/workspaces', bearer(providerToken(keys.ec, 'aud1', { ...valid, audience: 'another-audience' })))).status).toBe(200);
    expect((await t.call('GET', '/v1/workspaces', bearer(providerToken(keys.ec, 'aud2', { ...valid, audience: ['x', AUDIENCE] })))).status).toBe(200);
  });

  it('accepts a provider user whose sub is `system`: the principal is <alias>:system, not the reserved actor', async () => {
    expect(await principalOf(t.call, providerToken(keys.ec, 'system', valid))).toBe('acme:system');
  });

  it('keeps accepting HS256 tokens signed with the service secret, whose principals are plain `sub`', async () => {
    expect(await principalOf(t.call, token('plain-alice'))).toBe('plain-alice');
  });

  const refusals: Array<[string, () => string]> = [
    ['another issuer', () => providerToken(keys.rsa, 'alice', { ...valid, issuer: 'https://evil.example.com' })],
    ['another audience', () => providerToken(keys.rsa, 'alice', { ...valid, audience: 'someone-else' })],
    ['an expired token', () => providerToken(keys.rsa, 'alice', { ...valid, expiresInMs: -60_000 })],
    ['no kid', () => providerToken(keys.rsa, 'alice', { ...valid, kid: null })],
    ['a kid the provider does not publish', () => providerToken(keys.rsa, 'alice', { ...valid, kid: 'nobody-knows' })],
    ['an ES256 signature under the kid of an RSA key (the key decides the algorithm)', () => providerToken(keys.ec, 'alice', { ...valid, kid: keys.rsa.kid })],
    ['an EdDSA signature under the kid of an EC key', () => providerToken(keys.ed, 'alice', { ...valid, kid: keys.ec.kid })],
    ['a jwk header (its own key)', () => providerToken(keys.rsa, 'alice', { ...valid, header: { jwk: keys.rsa.jwk } })],
    ['a jku header', () => providerToken(keys.rsa, 'alice', { ...valid, header: { jku: 'https://evil.example.com/jwks' } })],
    ['an x5u header', () => providerToken(keys.ec, 'alice', { ...valid, header: { x5u: 'https://evil.example.com/cert' } })],
    ['an x5c header', () => providerToken(keys.ed, 'alice', { ...valid, header: { x5c: ['MIIB'] } })],
    ['a signature by a key that is not the provider\'s, under its kid', () => providerToken(providerKey('RS256', 'rsa-1'), 'alice', valid)],
    ['no sub', () => providerToken(keys.ec, '', valid)],
    ['a sub too long for a user id once prefixed', () => providerToken(keys.ec, 'x'.repeat(252), valid)],
    ['ill-formed Unicode in sub', () => providerToken(keys.ec, 'mallory\ud800', valid)],
    ['an unsigned token (alg none) naming a kid', () => `${b64({ alg: 'none', kid: keys.rsa.kid })}.${b64({ sub: 'alice', iss: ISSUER, aud: AUDIENCE, exp: 4e9 })}.`],
    ['an RS512 token under an RSA kid', () => rawToken({ alg: 'RS512', kid: keys.rsa.kid }, { sub: 'alice', iss: ISSUER, aud: AUDIENCE, exp: 4e9 })],
    ['a truncated token', () => providerToken(keys.rsa, 'alice', valid).split('.').slice(0, 2).join('.')],
    ['a header that is not JSON', () => `bm90LWpzb24.${b64({ sub: 'alice' })}.c2ln`],
  ];

  it.each(refusals)('refuses %s with a 401 problem', async (_label, make) => {
    const reply = await t.call('GET', '/v1/workspaces', bearer(make()));
    expectProblem(reply, 401, 'unauthorized');
  });

  it('ignores `oct` keys: an HS256 token signed with a published secret under its kid is refused', async () => {
    const secret = Buffer.from('a-shared-secret-a-shared-secret-0123').toString('base64url');
    jwks.keys = [...jwks.keys, { kty: 'oct', k: secret, kid: 'hmac-1', alg: 'HS256' }];
    const header = { alg: 'HS256', kid: 'hmac-1', typ: 'JWT' };
    const payload = { sub: 'alice', iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 };
    const input = `${b64(header)}.${b64(payload)}`;
    const forged = `${input}.${createHmac('sha256', Buffer.from(secret, 'base64url')).update(input).digest('base64url')}`;
    expectProblem(await t.call('GET', '/v1/workspaces', bearer(forged)), 401, 'unauthorized');
    const asRs = rawToken({ alg: 'RS256', kid: 'hmac-1' }, payload);
    expectProblem(await t.call('GET', '/v1/workspaces', bearer(asRs)), 401, 'unauthorized');
  });

  it('refuses an HS256 token whose sub poses as one of the provider\'s users', async () => {
    expectProblem(await t.call('GET', '/v1/workspaces', bearer(token('acme:alice'))), 401, 'unauthorized');
  });

  it('honours secrets:resolve and audit:read only from JWT_SERVICE_ISSUERS (by default HS256 alone)', async () => {
    const ws = await createWorkspace(t.call, 'scoped-admin');
    const body = { workspaceId: ws, trigger: 'manual', triggeredBy: 'scoped-admin', input: 'x' };
    const fromProvider = providerToken(keys.rsa, 'runner', { ...valid, claims: { scope: 'secrets:resolve audit:read' } });
    expectProblem(await t.call('POST', '/v1/resolve', { ...bearer(fromProvider), body }), 403);
    expect((await t.call('GET', `/v1/workspaces/${ws}/audit`, bearer(fromProvider))).status).toBe(404);
    expect((await t.call('POST', '/v1/resolve', { token: token('runner', { scope: 'secrets:resolve' }), body })).status).toBe(200);
  });

  it('lets a provider user accept an invitation only with email_verified: true', async () => {
    const ws = await createWorkspace(t.call, 'inviter');
    await must(t.call, 'POST', `/v1/workspaces/${ws}/invitations`, { token: token('inviter'), body: { email: 'Dana@Example.com', permission: 'write' } });
    const unverified = [undefined, false, 'true'].map((flag) =>
      providerToken(keys.ed, 'dana', { ...valid, claims: { email: 'dana@example.com', ...(flag === undefined ? {} : { email_verified: flag }) } }),
    );
    const invitationId = (await t.service.deps.views.invitationsFor('dana@example.com')).invitations[0]!.invitationId;
    for (const jwt of unverified) {
      expect(bodyOf<{ invitations: unknown[] }>(await t.call('GET', '/v1/me/invitations', bearer(jwt))).invitations).toEqual([]);
      expectProblem(await t.call('POST', `/v1/invitations/${invitationId}/accept`, bearer(jwt)), 403, 'email_not_verified');
    }
    const verified = providerToken(keys.ed, 'dana', { ...valid, claims: { email: 'dana@example.com', email_verified: true } });
    expect(bodyOf<{ invitations: unknown[] }>(await t.call('GET', '/v1/me/invitations', bearer(verified))).invitations).toHaveLength(1);
    expect((await t.call('POST', `/v1/invitations/${invitationId}/accept`, bearer(verified))).status).toBe(200);
    const members = await must<{ members: { userId: string; email: string }[] }>(t.call, 'GET', `/v1/workspaces/${ws}/members`, bearer(verified));
    expect(members.members).toContainEqual(expect.objectContaining({ userId: 'acme:dana', email: 'dana@example.com' }));
  });
});

describe('Provider keys rotating: the refetch floor and eviction (DESIGN §10)', () => {
  const first = providerKey('RS256', 'k1');
  const second = providerKey('ES256', 'k2');
  let jwks: JwksServer;
  const clock = testClock();
  const t = useTestApp({ identityProvider: providerOf(() => jwks, clock) });

  beforeAll(async () => {
    jwks = await startJwksServer([first]);
  });
  afterAll(async () => jwks?.close());

  it('fetches the keys once for many tokens, and an unknown kid at most once per 30 s whoever sends it', async () => {
    const status = async (jwt: string) => (await t.call('GET', '/v1/workspaces', bearer(jwt))).status;
    for (let i = 0; i < 5; i += 1) expect(await status(providerToken(first, `u${i}`, valid))).toBe(200);
    expect(jwks.fetches).toBe(1);
    // Within 30 s of that fetch, an unknown kid fetches nothing.
    expect(await status(providerToken(first, 'w', { ...valid, kid: 'unknown-w' }))).toBe(401);
    expect(jwks.fetches).toBe(1);
    clock.advance(FLOOR_MS);
    for (let i = 0; i < 20; i += 1) expect(await status(providerToken(first, `x${i}`, { ...valid, kid: `unknown-${i}` }))).toBe(401);
    expect(jwks.fetches).toBe(2);
    clock.advance(FLOOR_MS - 1);
    expect(await status(providerToken(first, 'y', { ...valid, kid: 'unknown-y' }))).toBe(401);
    expect(jwks.fetches).toBe(2);
    clock.advance(1);
    expect(await status(providerToken(first, 'z', { ...valid, kid: 'unknown-z' }))).toBe(401);
    expect(jwks.fetches).toBe(3);
  });

  it('takes a new kid once the floor allows a refetch, and evicts the principals verified with a kid that refetch dropped', async () => {
    const before = providerToken(first, 'rotating', valid);
    expect((await t.call('GET', '/v1/workspaces', bearer(before))).status).toBe(200);
    jwks.keys = [second.jwk];
    clock.advance(FLOOR_MS);
    const fetches = jwks.fetches;
    const after = providerToken(second, 'rotating', valid);
    expect((await t.call('GET', '/v1/workspaces', bearer(after))).status).toBe(200);
    expect(jwks.fetches).toBe(fetches + 1);
    // The token verified with k1 a moment ago was cached until its exp: the refetch dropped k1, so it is refused now.
    expectProblem(await t.call('GET', '/v1/workspaces', bearer(before)), 401, 'unauthorized');
    expect(jwks.fetches).toBe(fetches + 1);
  });

  it('refuses with a 401, never a 500, while the provider is down or publishes garbage, and keeps the keys it had', async () => {
    const known = providerToken(second, 'steady', valid);
    for (const breakIt of [() => (jwks.failWith = 503), () => ((jwks.failWith = null), (jwks.keys = [{ kty: 'RSA', kid: 'bad', n: '!!', e: 'AQAB' }, { nonsense: true }]))]) {
      breakIt();
      clock.advance(FLOOR_MS);
      expectProblem(await t.call('GET', '/v1/workspaces', bearer(providerToken(second, 'u', { ...valid, kid: 'k3' }))), 401, 'unauthorized');
    }
    jwks.keys = [second.jwk];
    clock.advance(FLOOR_MS);
    expect((await t.call('GET', '/v1/workspaces', bearer(known))).status).toBe(200);
  });
});

describe('Provider scopes honoured when JWT_SERVICE_ISSUERS names the provider', () => {
  const key = providerKey('EdDSA', 'svc');
  let jwks: JwksServer;
  const t = useTestApp({ identityProvider: providerOf(() => jwks, testClock()), serviceIssuers: ['local', ALIAS] });

  beforeAll(async () => {
    jwks = await startJwksServer([key]);
  });
  afterAll(async () => jwks?.close());

  it('lets a provider token with secrets:resolve resolve', async () => {
    const ws = await createWorkspace(t.call, 'svc-admin');
    const runner = providerToken(key, 'runner', { ...valid, claims: { scope: 'secrets:resolve' } });
    const reply = await t.call('POST', '/v1/resolve', { ...bearer(runner), body: { workspaceId: ws, trigger: 'manual', triggeredBy: 'svc-admin', input: 'x' } });
    expect(reply.status).toBe(200);
  });
});

describe('HS256 off: only the provider signs (production without JWT_SECRET)', () => {
  const key = providerKey('ES256', 'only');
  let jwks: JwksServer;
  const t = useTestApp({ jwtSecret: null, identityProvider: providerOf(() => jwks, testClock()) });

  beforeAll(async () => {
    jwks = await startJwksServer([key]);
  });
  afterAll(async () => jwks?.close());

  it('refuses HS256 tokens with a 401 and accepts the provider\'s', async () => {
    expectProblem(await t.call('GET', '/v1/workspaces', bearer(token('alice'))), 401, 'unauthorized');
    expect((await t.call('GET', '/v1/workspaces', bearer(providerToken(key, 'alice', valid)))).status).toBe(200);
  });
});

describe('Provider keys from a PEM file (JWT_PUBLIC_KEY_FILE)', () => {
  const key = providerKey('EdDSA', 'unused');
  const dir = mkdtempSync(join(tmpdir(), 'pem-keys-'));
  const file = join(dir, 'idp.pem');
  writeFileSync(file, createPublicKey(key.privatePem).export({ type: 'spki', format: 'pem' }).toString());
  const kid = jwkThumbprint(key.jwk);
  const t = useTestApp({ identityProvider: { issuer: ISSUER, audiences: [AUDIENCE], alias: ALIAS, keys: new KeySet(pemFileSource(file)) } });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names each key by its RFC 7638 thumbprint: a token must carry it as kid', async () => {
    expect((await t.call('GET', '/v1/workspaces', bearer(providerToken(key, 'pem-user', { ...valid, kid })))).status).toBe(200);
    expectProblem(await t.call('GET', '/v1/workspaces', bearer(providerToken(key, 'pem-user', valid))), 401, 'unauthorized');
  });
});

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A token with any header, signed with nothing that verifies (for algorithms the service never uses). */
function rawToken(header: Record<string, unknown>, payload: Record<string, unknown>): string {
  return `${b64(header)}.${b64(payload)}.${Buffer.from('not-a-signature').toString('base64url')}`;
}

