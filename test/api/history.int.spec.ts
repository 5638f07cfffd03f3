import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_MATCHES_SHOWN } from '../../src/commands/secretAccess.handlers';
import { HISTORY_PAGE_MAX } from '../../src/projections/queries';
import { leaksIn } from '../support/leaks';
import { token, useTestApp } from '../support/testService';
import { as, bodyOf, expectProblem, fieldsOf, setPersonalSecret, setWorkspaceSecret, workspaceWith } from '../support/workspaces';

type Version = { version: number; at: string; actor: string; fingerprint: string };
type Matches = { key: string; matches: { version: number; at: string; actor: string }[]; matchCount: number };

const ONE = 'history-value-one-5f1c';
const TWO = 'history-value-two-9a7e';
const auditor = token('reviewer', { scope: 'audit:read', email: null });

describe('History and fingerprint checks: /v1/workspaces/:ws/secrets/:key/history and …/fingerprint-check', () => {
  const t = useTestApp();
  const call = t.call;
  let ws: string;
  let secrets: string;
  const history = async (user = 'carol') => {
    const reply = await call('GET', `${secrets}/KEY/history`, as(user));
    expect(reply.status).toBe(200);
    return reply;
  };
  const check = (value: string, tokenOf: string) => call('POST', `${secrets}/KEY/fingerprint-check`, { token: tokenOf, body: { value } });
  const matched = async (value: string, tokenOf = token('alice')) => {
    const reply = await check(value, tokenOf);
    expect(reply.status, reply.text).toBe(200);
    return bodyOf<Matches>(reply).matches.map((m) => m.version);
  };

  beforeAll(async () => {
    ws = await workspaceWith(call, 'alice', { bob: 'write', carol: 'read' });
    secrets = `/v1/workspaces/${ws}/secrets`;
    const put = (user: string, value: string) => setWorkspaceSecret(call, ws, user, 'KEY', value);
    await put('alice', ONE);
    expect((await call('POST', `${secrets}/KEY/members`, { ...as('alice'), body: { email: 'bob@example.com', role: 'admin' } })).status).toBe(201);
    await put('bob', TWO);
    await put('bob', ONE);
    expect((await call('DELETE', `${secrets}/KEY`, as('alice'))).status).toBe(204);
    await put('alice', ONE);
  });

  it('lists every version with who, when and fingerprint, versions before a delete and re-set included', async () => {
    const { versions, key } = bodyOf<{ key: string; versions: Version[] }>(await history());
    expect(key).toBe('KEY');
    expect(versions.map((v) => [v.version, v.actor])).toEqual([[1, 'alice'], [2, 'bob'], [3, 'bob'], [4, 'alice']]);
    for (const v of versions) {
      expect(Object.keys(v).sort()).toEqual(['actor', 'at', 'destroyed', 'fingerprint', 'rollbackOf', 'version']);
      expect(v).toMatchObject({ destroyed: false, rollbackOf: null });
      expect(new Date(v.at).toISOString()).toBe(v.at);
      expect(v.fingerprint).toMatch(/^[A-Za-z0-9+/_=-]{16,}$/);
    }
    expect([...versions].sort((a, b) => a.at.localeCompare(b.at))).toEqual(versions);
    // Same value under the same data key: same fingerprint. After a delete, a new data key: a new one.
    const [v1, v2, v3, v4] = versions.map((v) => v.fingerprint);
    expect(v3).toBe(v1);
    expect(v2).not.toBe(v1);
    expect(v4).not.toBe(v1);
  });

  it("shows each version as it was set: later changes to it, and its restore, neither add an entry nor change who set it and when", async () => {
    const other = await workspaceWith(call, 'alice', { bob: 'write', carol: 'read' });
    const url = `/v1/workspaces/${other}/secrets/K`;
    await setWorkspaceSecret(call, other, 'bob', 'K', ONE);
    const [asSet] = bodyOf<{ versions: Version[] }>(await call('GET', `${url}/history`, as('alice'))).versions;
    expect(asSet).toMatchObject({ version: 1, actor: 'bob' });
    expect((await call('PATCH', url, { ...as('alice'), body: { displayName: 'Renamed' } })).status).toBe(200);
    const added = await call('POST', `${url}/members`, { ...as('alice'), body: { email: 'carol@example.com', role: 'member' } });
    expect(added.status, added.text).toBe(201);
    expect((await call('DELETE', url, as('alice'))).status).toBe(204);
    expect((await call('POST', `${url}/restore`, as('alice'))).status).toBe(200);
    await setWorkspaceSecret(call, other, 'alice', 'K', TWO);
    const { versions } = bodyOf<{ versions: Version[] }>(await call('GET', `${url}/history`, as('alice')));
    expect(versions.map((v) => [v.version, v.actor])).toEqual([[1, 'bob'], [2, 'alice']]);
    expect(versions[0]).toEqual(asSet);
    expect(bodyOf<{ value: string }>(await call('POST', `${url}/reveal`, { ...as('alice'), body: { version: 1 } })).value).toBe(ONE);
  });

  it('never shows a value or a ciphertext', async () => {
    const reply = await history('alice');
    expect(leaksIn(reply.text, [ONE, TWO])).toEqual([]);
    expect(reply.text).not.toMatch(/ciphertext|nonce|"value"|dataKey/i);
  });

  it('agrees with the audit about every SecretSet', async () => {
    const { versions } = bodyOf<{ versions: Version[] }>(await history());
    const audit = await call('GET', `/v1/workspaces/${ws}/audit?type=SecretSet&key=KEY`, as('alice'));
    const sets = bodyOf<{ entries: (Version & { type: string })[] }>(audit).entries;
    expect(sets.map(({ version, at, actor, fingerprint }) => ({ version, at, actor, fingerprint }))).toEqual(
      versions.map(({ version, at, actor, fingerprint }) => ({ version, at, actor, fingerprint })),
    );
  });

  // A page is read 100 versions at a time (the process turning between reads): pages that end
  // on, just before and just after those parts, either way, still hold every version once.
  it('pages a long history the same across the parts it is read in', async () => {
    const ws2 = await workspaceWith(call, 'alice', {});
    for (let i = 1; i <= 250; i += 1) await t.service.deps.secrets.saveWorkspace({ userId: 'alice', email: 'alice@example.com' }, ws2, { set: { LONG: `v-${i}` }, delete: [] });
    const follow = async (query: string) => {
      const pages: number[][] = [];
      let cursor: string | null = null;
      do {
        const reply = await call('GET', `/v1/workspaces/${ws2}/secrets/LONG/history?${query}${cursor === null ? '' : `&cursor=${cursor}`}`, as('alice'));
        const next = bodyOf<{ versions: Version[]; nextCursor: string | null }>(reply);
        pages.push(next.versions.map((v) => v.version));
        cursor = next.nextCursor;
      } while (cursor !== null);
      return pages;
    };
    const upTo = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    expect(await follow('limit=1000')).toEqual([upTo(1, 250)]);
    expect(await follow('limit=100')).toEqual([upTo(1, 100), upTo(101, 200), upTo(201, 250)]);
    expect(await follow('limit=101')).toEqual([upTo(1, 101), upTo(102, 202), upTo(203, 250)]);
    expect(await follow('limit=250')).toEqual([upTo(1, 250)]);
    expect(await follow('limit=249&order=desc')).toEqual([upTo(2, 250).reverse(), [1]]);
  });

  it('is readable by every member, 404 for non-members and unknown keys', async () => {
    for (const user of ['alice', 'bob', 'carol']) expect((await call('GET', `${secrets}/KEY/history`, as(user))).status).toBe(200);
    expectProblem(await call('GET', `${secrets}/KEY/history`, as('dave')), 404, 'workspace_not_found');
    expectProblem(await call('GET', `${secrets}/NO_SUCH_KEY/history`, as('alice')), 404, 'secret_not_found');
  });

  it('pages by version: limit, cursor and order, each page saying where to go on', async () => {
    type Page = { versions: Version[]; nextCursor: string | null };
    const page = async (query: string) => bodyOf<Page>(await call('GET', `${secrets}/KEY/history?${query}`, as('carol')));
    const follow = async (query: string) => {
      const pages: number[][] = [];
      let cursor: string | null = null;
      do {
        const next: Page = await page(cursor === null ? query : `${query}&cursor=${cursor}`);
        pages.push(next.versions.map((v) => v.version));
        cursor = next.nextCursor;
      } while (cursor !== null);
      return pages;
    };
    expect(await follow('limit=1')).toEqual([[1], [2], [3], [4]]);
    expect(await follow('limit=3&order=desc')).toEqual([[4, 3, 2], [1]]);
    expect(await follow('limit=4')).toEqual([[1, 2, 3, 4]]);
    expect(bodyOf<Page>(await history()).nextCursor).toBeNull();
    // After the last version: an empty page of a secret that exists, not a 404.
    expect(await page('cursor=4')).toEqual({ key: 'KEY', versions: [], nextCursor: null });
    expect(await page('cursor=1&order=desc&limit=5')).toEqual({ key: 'KEY', versions: [], nextCursor: null });
    expectProblem(await call('GET', `${secrets}/NO_SUCH_KEY/history?cursor=1`, as('alice')), 404, 'secret_not_found');
    // Read-your-writes: a page takes minPosition like any query.
    expect((await page('limit=2&minPosition=1')).versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it('refuses a malformed page query, naming the field', async () => {
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=1001', 'limit'],
      ['limit=two', 'limit'],
      ['cursor=-1', 'cursor'],
      ['cursor=1e3', 'cursor'],
      ['cursor=12345678901', 'cursor'],
      ['order=sideways', 'order'],
      ['page=2', 'page'],
    ]) {
      const reply = await call('GET', `${secrets}/KEY/history?${query}`, as('carol'));
      expect(reply.status, query).toBe(400);
      expect(fieldsOf(reply), query).toEqual([field]);
    }
  });

  it('answers exactly the versions whose value matches, across the delete', async () => {
    expect(await matched(ONE)).toEqual([1, 3, 4]);
    expect(await matched(TWO)).toEqual([2]);
    expect(await matched('a-value-never-set')).toEqual([]);
    const reply = await check(TWO, token('alice'));
    expect(reply.body).toMatchObject({ key: 'KEY', matches: [{ version: 2, actor: 'bob', at: expect.any(String) }] });
    expect(leaksIn(reply.text, [ONE, TWO])).toEqual([]);
  });

  it('works for an audit:read token, also one whose ws claim names the workspace', async () => {
    expect(await matched(ONE, auditor)).toEqual([1, 3, 4]);
    expect(await matched(TWO, token('reviewer', { scope: 'audit:read', ws: [ws] }))).toEqual([2]);
  });

  it('refuses an audit:read token whose ws claim leaves the workspace out (403, as the audit does)', async () => {
    expectProblem(await check(ONE, token('reviewer', { scope: 'audit:read', ws: ['ws_other'] })), 403);
  });

  it('answers with the position of its record', async () => {
    expect((await check(ONE, token('alice'))).headers['x-position']).toMatch(/^[0-9]+$/);
  });

  it('is forbidden to members who may not reveal it, and hidden from non-members', async () => {
    // Deleting the key dropped bob's role: he is a write member without one now; carol reads.
    expectProblem(await check(ONE, token('bob')), 403);
    expectProblem(await check(ONE, token('carol')), 403);
    expectProblem(await check(ONE, token('dave')), 404, 'workspace_not_found');
    expectProblem(await call('POST', `${secrets}/NOPE/fingerprint-check`, { ...as('alice'), body: { value: ONE } }), 404, 'secret_not_found');
  });

  it('refuses a malformed body naming the field', async () => {
    expect(fieldsOf(await check('', token('alice')))).toEqual(['value']);
    const unknown = await call('POST', `${secrets}/KEY/fingerprint-check`, { ...as('alice'), body: { value: ONE, versions: [1] } });
    expect(fieldsOf(unknown)).toEqual(['versions']);
  });

  it('records every check in the audit as FingerprintChecked, with the matched versions and never the value', async () => {
    const before = bodyOf<{ entries: unknown[] }>(await call('GET', `/v1/workspaces/${ws}/audit?type=FingerprintChecked`, as('alice'))).entries.length;
    await matched(ONE, auditor);
    await t.caughtUp();
    const reply = await call('GET', `/v1/workspaces/${ws}/audit?type=FingerprintChecked`, as('alice'));
    const entries = bodyOf<{ entries: { actor: string; key: string; detail: unknown }[] }>(reply).entries;
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({ actor: 'reviewer', key: 'KEY', detail: { matchedVersions: [1, 3, 4], matchCount: 3 } });
    expect(leaksIn(reply.text, [ONE, TWO])).toEqual([]);
  });
});

describe('Personal history and fingerprint checks: /v1/me/secrets/:key/…', () => {
  const t = useTestApp();
  const call = t.call;
  const alice = as('alice');

  beforeAll(async () => {
    for (const value of [ONE, TWO]) await setPersonalSecret(call, 'alice', 'MINE', value);
    expect((await call('DELETE', '/v1/me/secrets/MINE', alice)).status).toBe(204);
    expect((await call('PUT', '/v1/me/secrets/MINE', { ...alice, body: { value: ONE } })).status).toBe(201);
  });

  it('lists every version of my secret, before the delete too, and matches values', async () => {
    const reply = await call('GET', '/v1/me/secrets/MINE/history', alice);
    expect(bodyOf<{ versions: Version[] }>(reply).versions.map((v) => [v.version, v.actor])).toEqual([[1, 'alice'], [2, 'alice'], [3, 'alice']]);
    expect(leaksIn(reply.text, [ONE, TWO])).toEqual([]);
    const checked = await call('POST', '/v1/me/secrets/MINE/fingerprint-check', { ...alice, body: { value: ONE } });
    expect(bodyOf<Matches>(checked).matches.map((m) => m.version)).toEqual([1, 3]);
    await t.caughtUp();
    const audit = bodyOf<{ entries: { type: string }[] }>(await call('GET', '/v1/me/audit?type=FingerprintChecked', alice)).entries;
    expect(audit).toHaveLength(1);
  });

  it("shows nobody else my secret's history", async () => {
    expectProblem(await call('GET', '/v1/me/secrets/MINE/history', { token: token('bob') }), 404);
    expectProblem(await call('POST', '/v1/me/secrets/MINE/fingerprint-check', { token: token('bob'), body: { value: ONE } }), 404);
  });
});

describe('A secret with more versions than one page', () => {
  const t = useTestApp();
  const call = t.call;
  const VERSIONS = HISTORY_PAGE_MAX + 2;
  let secrets: string;

  beforeAll(async () => {
    const ws = await workspaceWith(call, 'alice', {});
    secrets = `/v1/workspaces/${ws}/secrets`;
    // ONE as every seventh version from the first to the last (matches on both sides of a page's
    // end, more than a check shows); a value set again unchanged makes no version, so every
    // other version has its own.
    const valueOf = (version: number) => (version % 7 === 1 ? ONE : `filler-${version}`);
    for (let version = 1; version <= VERSIONS; version += 1) await setWorkspaceSecret(call, ws, 'alice', 'KEY', valueOf(version));
  }, 120_000);

  it('answers the whole history in pages of at most the largest limit', async () => {
    const first = bodyOf<{ versions: Version[]; nextCursor: string | null }>(await call('GET', `${secrets}/KEY/history`, as('alice')));
    expect(first.versions).toHaveLength(HISTORY_PAGE_MAX);
    expect(first.nextCursor).toBe(String(HISTORY_PAGE_MAX));
    const rest = bodyOf<{ versions: Version[]; nextCursor: string | null }>(await call('GET', `${secrets}/KEY/history?cursor=${first.nextCursor}`, as('alice')));
    expect(rest.versions.map((v) => v.version)).toEqual([HISTORY_PAGE_MAX + 1, HISTORY_PAGE_MAX + 2]);
    expect(rest.nextCursor).toBeNull();
  });

  it('checks a fingerprint against every version, past the first page, and shows the newest 100 matches', async () => {
    expect(VERSIONS % 7).toBe(1);
    const reply = await call('POST', `${secrets}/KEY/fingerprint-check`, { ...as('alice'), body: { value: ONE } });
    expect(reply.status, reply.text).toBe(200);
    const newest = Array.from({ length: MAX_MATCHES_SHOWN }, (_, i) => VERSIONS - 7 * (MAX_MATCHES_SHOWN - 1 - i));
    expect(bodyOf<Matches>(reply).matches.map((m) => m.version)).toEqual(newest);
    expect(bodyOf<Matches>(reply).matchCount).toBe((VERSIONS - 1) / 7 + 1);
  });
});
