import { beforeAll, describe, expect, it } from 'vitest';
import { token, useTestApp, type TestApp } from '../support/testService';
import { as, bodyOf, expectProblem, fieldsOf, setPersonalSecret, setWorkspaceSecret, workspaceWith } from '../support/workspaces';

type Entry = { type: string; actor: string; key: string | null; version: number | null };

const revealsIn = async (t: TestApp, url: string, user: string) => {
  await t.caughtUp();
  const reply = await t.call('GET', `${url}?type=SecretRevealed`, { token: token(user) });
  expect(reply.status).toBe(200);
  return bodyOf<{ entries: Entry[] }>(reply).entries.map(({ actor, key, version }) => ({ actor, key, version }));
};

describe('Bulk reveal: POST …/secrets/reveal {keys} (DESIGN §10)', () => {
  const t = useTestApp();
  let ws: string;
  let bulk: string;
  let audit: string;
  beforeAll(async () => {
    ws = await workspaceWith(t.call, 'alice', { bob: 'write', carol: 'read' });
    bulk = `/v1/workspaces/${ws}/secrets/reveal`;
    audit = `/v1/workspaces/${ws}/audit`;
    await setWorkspaceSecret(t.call, ws, 'alice', 'API_KEY', 'api-1');
    await setWorkspaceSecret(t.call, ws, 'alice', 'API_KEY', 'api-2');
    await setWorkspaceSecret(t.call, ws, 'alice', 'DB_URL', 'postgres://db');
    await setWorkspaceSecret(t.call, ws, 'bob', 'BOB_KEY', 'bobs');
  });

  it('answers each key with its value and version, in the order asked, with X-Position; each reveal is on the record', async () => {
    const reply = await t.call('POST', bulk, { ...as('alice'), body: { keys: ['DB_URL', 'API_KEY', 'BOB_KEY'] } });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toEqual({
      secrets: [
        { key: 'DB_URL', value: 'postgres://db', version: 1 },
        { key: 'API_KEY', value: 'api-2', version: 2 },
        { key: 'BOB_KEY', value: 'bobs', version: 1 },
      ],
    });
    expect(reply.headers['x-position']).toMatch(/^\d+$/);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(await revealsIn(t, audit, 'alice')).toEqual([
      { actor: 'alice', key: 'DB_URL', version: 1 },
      { actor: 'alice', key: 'API_KEY', version: 2 },
      { actor: 'alice', key: 'BOB_KEY', version: 1 },
    ]);
  });

  it('is all or nothing: every key the caller may not reveal is listed (403 if any is forbidden), no value leaves and nothing is recorded', async () => {
    const before = await revealsIn(t, audit, 'alice');
    const reply = await t.call('POST', bulk, { ...as('bob'), body: { keys: ['BOB_KEY', 'API_KEY', 'NOPE'] } });
    expectProblem(reply, 403, 'forbidden');
    expect(bodyOf<{ errors: unknown[] }>(reply).errors).toEqual([
      { field: 'keys.API_KEY', code: 'forbidden', message: 'Only the admins and members of API_KEY can reveal it' },
      { field: 'keys.NOPE', code: 'secret_not_found', message: 'Secret NOPE not found' },
    ]);
    expect(reply.text).not.toContain('bobs');
    expect(await revealsIn(t, audit, 'alice')).toEqual(before);
  });

  it('answers 404 with each unknown key when none is forbidden, and 404 to a non-member', async () => {
    const reply = await t.call('POST', bulk, { ...as('alice'), body: { keys: ['API_KEY', 'GONE_1', 'GONE_2'] } });
    expectProblem(reply, 404, 'secret_not_found');
    expect(fieldsOf(reply)).toEqual(['keys.GONE_1', 'keys.GONE_2']);
    expectProblem(await t.call('POST', bulk, { ...as('mallory'), body: { keys: ['API_KEY'] } }), 404, 'workspace_not_found');
  });

  it('refuses no keys, more than 100, a repeated key or an invalid one with a 400 naming the field', async () => {
    for (const keys of [[], Array.from({ length: 101 }, (_, i) => `K${i}`), ['API_KEY', 'DB_URL', 'API_KEY'], ['NOT-A-KEY']]) {
      const reply = await t.call('POST', bulk, { ...as('alice'), body: { keys } });
      expectProblem(reply, 400, 'validation_failed');
      expect(fieldsOf(reply)[0]).toMatch(/^keys/);
    }
    expectProblem(await t.call('POST', bulk, { ...as('alice'), body: { keys: ['API_KEY'], extra: 1 } }), 400, 'validation_failed');
  });

  it('reveals my personal secrets at /v1/me/secrets/reveal, recorded in my own record', async () => {
    await setPersonalSecret(t.call, 'dave', 'MINE', 'my-value');
    await setPersonalSecret(t.call, 'dave', 'ALSO_MINE', 'also');
    const reply = await t.call('POST', '/v1/me/secrets/reveal', { ...as('dave'), body: { keys: ['ALSO_MINE', 'MINE'] } });
    expect(reply.body).toEqual({ secrets: [{ key: 'ALSO_MINE', value: 'also', version: 1 }, { key: 'MINE', value: 'my-value', version: 1 }] });
    expect(await revealsIn(t, '/v1/me/audit', 'dave')).toEqual([
      { actor: 'dave', key: 'ALSO_MINE', version: 1 },
      { actor: 'dave', key: 'MINE', version: 1 },
    ]);
    const other = await t.call('POST', '/v1/me/secrets/reveal', { ...as('erin'), body: { keys: ['MINE'] } });
    expectProblem(other, 404, 'secret_not_found');
  });
});

describe('Bulk reveal against the value-oracle limits (DESIGN §6, §10)', () => {
  const t = useTestApp({ settings: { rateLimits: { oracleMax: 5, oraclePerSecretMax: 3 } } });
  let ws: string;
  beforeAll(async () => {
    ws = await workspaceWith(t.call, 'alice', { zed: 'admin', yan: 'admin', xia: 'admin', wes: 'admin' });
    for (const key of ['A', 'B', 'C', 'D']) await setWorkspaceSecret(t.call, ws, 'alice', key, `value-${key}`);
  });

  it("counts once per key against the principal's budget: 3 keys, then 3 more is over 5", async () => {
    const url = `/v1/workspaces/${ws}/secrets/reveal`;
    expect((await t.call('POST', url, { ...as('alice'), body: { keys: ['A', 'B', 'C'] } })).status).toBe(200);
    const over = await t.call('POST', url, { ...as('alice'), body: { keys: ['A', 'B', 'D'] } });
    expectProblem(over, 429, 'rate_limited');
    expect(over.headers['retry-after']).toBeDefined();
  });

  it("counts once per key against each secret's budget (3), whoever asks, single reveals included", async () => {
    const url = `/v1/workspaces/${ws}/secrets/reveal`;
    expect((await t.call('POST', url, { ...as('zed'), body: { keys: ['D'] } })).status).toBe(200);
    expect((await t.call('POST', `/v1/workspaces/${ws}/secrets/D/reveal`, as('yan'))).status).toBe(200);
    expect((await t.call('POST', url, { ...as('xia'), body: { keys: ['C', 'D'] } })).status).toBe(200);
    expectProblem(await t.call('POST', url, { ...as('wes'), body: { keys: ['D'] } }), 429, 'rate_limited');
    expectProblem(await t.call('POST', `/v1/workspaces/${ws}/secrets/D/reveal`, as('wes')), 429, 'rate_limited');
  });

  it('counts a body without a list of keys once, as a refused request', async () => {
    const url = `/v1/workspaces/${ws}/secrets/reveal`;
    for (let i = 0; i < 5; i += 1) expectProblem(await t.call('POST', url, { ...as('quinn'), body: { nothing: true } }), 400);
    expectProblem(await t.call('POST', url, { ...as('quinn'), body: { nothing: true } }), 429, 'rate_limited');
  });
});

describe('Bulk reveal with reveal turned off (REVEAL_ENABLED=false)', () => {
  const t = useTestApp({ settings: { revealEnabled: false } });

  it('answers 403 reveal_disabled', async () => {
    await setPersonalSecret(t.call, 'alice', 'MINE', 'v');
    expectProblem(await t.call('POST', '/v1/me/secrets/reveal', { ...as('alice'), body: { keys: ['MINE'] } }), 403, 'reveal_disabled');
  });
});
