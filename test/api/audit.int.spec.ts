import { beforeAll, describe, expect, it } from 'vitest';
import { leaksIn } from '../support/leaks';
import { token, useTestApp } from '../support/testService';
import { as, bodyOf, createWorkspace, expectProblem, fieldsOf, join } from '../support/workspaces';
import { countTurns } from '../support/eventLoopTurns';

type Entry = { position: string; type: string; actor: string; at: string; key: string | null; version: number | null; fingerprint: string | null; detail?: unknown };
type Page = { entries: Entry[]; nextCursor: string | null };

const START = Date.parse('2025-03-01T09:00:00.000Z');
const minute = (n: number) => new Date(START + n * 60_000).toISOString();
const V = { v1: 'audit-api-key-v1-3e8a', v2: 'audit-api-key-v2-71bd', other: 'audit-other-0c45', mine: 'audit-personal-d2f9', bobs: 'audit-bob-6a10' };
const NDJSON = 'application/x-ndjson';

/** Every field name in a JSON value, nested ones included. */
const fieldNames = (value: unknown): string[] =>
  value === null || typeof value !== 'object' ? [] : Object.entries(value).flatMap(([k, v]) => [...(Array.isArray(value) ? [] : [k]), ...fieldNames(v)]);

describe('The audit: GET /v1/workspaces/:ws/audit and /v1/me/audit (DESIGN §1, §3)', () => {
  let step = 0;
  const t = useTestApp({ clock: () => new Date(START + step * 60_000) });
  const call = t.call;
  let ws: string;
  let audit: string;
  const page = async (query: string, tokenOf = token('alice'), url = audit) => {
    const reply = await call('GET', `${url}?${query}`, { token: tokenOf });
    expect(reply.status, reply.text).toBe(200);
    return bodyOf<Page>(reply);
  };
  /** Every matching entry, page by page along nextCursor. */
  const all = async (query = '', tokenOf = token('alice'), url = audit, limit = 3) => {
    const entries: Entry[] = [];
    let cursor: string | null = null;
    do {
      const next: Page = await page(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, tokenOf, url);
      expect(next.entries.length).toBeLessThanOrEqual(limit);
      entries.push(...next.entries);
      cursor = next.nextCursor;
    } while (cursor !== null);
    return entries;
  };
  const summary = (entries: Entry[]) => entries.map((e) => [e.type, e.actor, e.at, e.key, e.version]);

  beforeAll(async () => {
    // Each step of the script happens one minute after the previous one.
    const script: Array<() => Promise<unknown>> = [
      async () => (ws = await createWorkspace(call, 'alice')),
      () => join(call, ws, 'alice', 'bob', 'write'), // invited and accepted in the same minute
      () => join(call, ws, 'alice', 'carol', 'read'),
      () => join(call, ws, 'alice', 'erin', 'read'),
      () => call('PATCH', `/v1/workspaces/${ws}/members/carol`, { ...as('alice'), body: { permission: 'write' } }),
      () => call('PUT', `/v1/workspaces/${ws}/secrets/API_KEY`, { ...as('bob'), body: { value: V.v1 } }),
      () => call('PUT', '/v1/me/secrets/MINE', { ...as('alice'), body: { value: V.mine } }),
      () => call('PUT', '/v1/me/secrets/BOBS', { ...as('bob'), body: { value: V.bobs } }),
      () => call('PUT', `/v1/workspaces/${ws}/secrets/API_KEY`, { ...as('bob'), body: { value: V.v2 } }),
      () => call('PATCH', `/v1/workspaces/${ws}/secrets`, { ...as('alice'), body: { set: { OTHER: V.other } } }),
      () => call('DELETE', `/v1/workspaces/${ws}/secrets/OTHER`, as('alice')),
      () => call('POST', `/v1/workspaces/${ws}/secrets/API_KEY/members`, { ...as('bob'), body: { email: 'carol@example.com', role: 'member' } }),
      () => call('POST', `/v1/workspaces/${ws}/secrets/API_KEY/reveal`, as('carol')),
      () => call('POST', '/v1/me/secrets/MINE/reveal', as('alice')),
      () => call('DELETE', `/v1/workspaces/${ws}/members/carol`, as('alice')),
    ];
    for (const action of script) {
      step += 1;
      const reply = (await action()) as { status?: number } | string;
      if (typeof reply === 'object') expect(reply.status).toBeLessThan(300);
    }
    audit = `/v1/workspaces/${ws}/audit`;
    await t.caughtUp();
  });

  it('returns exactly the scripted events, in order, with position, actor, at, type, key, version and fingerprint', async () => {
    const entries = await all();
    expect(summary(entries)).toEqual([
      ['WorkspaceCreated', 'alice', minute(1), null, null],
      ['MemberInvited', 'alice', minute(2), null, null],
      ['InvitationAccepted', 'bob', minute(2), null, null],
      ['MemberInvited', 'alice', minute(3), null, null],
      ['InvitationAccepted', 'carol', minute(3), null, null],
      ['MemberInvited', 'alice', minute(4), null, null],
      ['InvitationAccepted', 'erin', minute(4), null, null],
      ['MemberPermissionChanged', 'alice', minute(5), null, null],
      ['SecretSet', 'bob', minute(6), 'API_KEY', 1],
      ['SecretMemberAdded', 'bob', minute(6), 'API_KEY', null],
      ['SecretSet', 'bob', minute(9), 'API_KEY', 2],
      ['SecretSet', 'alice', minute(10), 'OTHER', 1],
      ['SecretMemberAdded', 'alice', minute(10), 'OTHER', null],
      ['SecretDeleted', 'alice', minute(11), 'OTHER', null],
      ['SecretMemberAdded', 'bob', minute(12), 'API_KEY', null],
      ['SecretRevealed', 'carol', minute(13), 'API_KEY', 2],
      ['MemberRemoved', 'alice', minute(15), null, null],
      ['SecretMemberRemoved', 'alice', minute(15), 'API_KEY', null],
    ]);
    const positions = entries.map((e) => BigInt(e.position));
    expect(positions.every((p, i) => i === 0 || p > positions[i - 1]!)).toBe(true);
    expect(entries.filter((e) => e.fingerprint !== null).map((e) => e.type)).toEqual(['SecretSet', 'SecretSet', 'SecretSet']);
    expect(new Set(entries.map((e) => e.fingerprint).filter(Boolean)).size).toBe(3);
  });

  it('holds no value, ciphertext or nonce', async () => {
    const reply = await call('GET', `${audit}?limit=1000`, as('alice'));
    expect(leaksIn(reply.text, Object.values(V))).toEqual([]);
    expect(fieldNames(reply.body).filter((name) => /^(ciphertext|nonce|value|dataKeyId)$/i.test(name))).toEqual([]);
  });

  it('filters by type, key, actor, from and to, alone and together', async () => {
    const entries = await all();
    const expected = (keep: (e: Entry) => boolean) => entries.filter(keep);
    expect(await all('type=SecretSet')).toEqual(expected((e) => e.type === 'SecretSet'));
    expect(await all('key=API_KEY')).toEqual(expected((e) => e.key === 'API_KEY'));
    expect(await all('actor=bob')).toEqual(expected((e) => e.actor === 'bob'));
    expect(await all(`from=${minute(6)}&to=${minute(11)}`)).toEqual(expected((e) => e.at >= minute(6) && e.at <= minute(11)));
    expect(await all(`actor=alice&type=SecretMemberAdded&from=${minute(7)}`)).toEqual(expected((e) => e.at === minute(10) && e.type === 'SecretMemberAdded'));
  });

  it('refuses an unknown event type or parameter with 400 (DESIGN §7)', async () => {
    expect(fieldsOf(await call('GET', `${audit}?type=NoSuchEvent`, as('alice')))).toEqual(['type.0']);
    expect(fieldsOf(await call('GET', `${audit}?type=SecretSet,Nope`, as('alice')))).toEqual(['type.1']);
    expect(fieldsOf(await call('GET', `${audit}?colour=red`, as('alice')))).toEqual(['colour']);
  });

  it('compares from and to as times, whatever their precision, bounds included', async () => {
    const wholeSeconds = (n: number) => minute(n).replace('.000Z', 'Z');
    const entries = await all();
    expect(await all(`from=${wholeSeconds(6)}&to=${wholeSeconds(9)}`)).toEqual(entries.filter((e) => e.at >= minute(6) && e.at <= minute(9)));
    // Finer than a millisecond: 09:06:00.0001 is after an event at 09:06:00.000; 09:09:00.0009 after one at 09:09:00.000.
    const finer = (n: number, digits: string) => minute(n).replace('.000Z', `.000${digits}Z`);
    expect(await all(`from=${finer(6, '1')}&to=${finer(9, '9')}`)).toEqual(entries.filter((e) => e.at > minute(6) && e.at <= minute(9)));
  });

  it('refuses malformed filters naming the field', async () => {
    expect(fieldsOf(await call('GET', `${audit}?from=yesterday`, as('alice')))).toEqual(['from']);
    expect(fieldsOf(await call('GET', `${audit}?limit=0`, as('alice')))).toEqual(['limit']);
    expect(fieldsOf(await call('GET', `${audit}?cursor=abc`, as('alice')))).toEqual(['cursor']);
  });

  it('pages with limit and nextCursor, every entry exactly once', async () => {
    const everything = await page('limit=1000');
    expect(everything.nextCursor).toBeNull();
    expect(new Set(everything.entries.map((e) => e.position)).size).toBe(18);
    for (const limit of [1, 2, 5, 17, 18, 19]) expect(await all('', token('alice'), audit, limit)).toEqual(everything.entries);
    const first = await page('limit=5');
    expect((await page(`limit=5&cursor=${first.nextCursor}`)).entries).toEqual(everything.entries.slice(5, 10));
  });

  it('streams every match as NDJSON, one entry per line, equal to the paged result just before, and records the export', async () => {
    for (const query of ['', 'type=SecretSet', 'key=API_KEY&actor=bob']) {
      const before = await all(query);
      const reply = await call('GET', `${audit}?${query}&limit=2`, { ...as('alice'), headers: { accept: NDJSON } });
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toContain(NDJSON);
      expect(reply.text.endsWith('\n')).toBe(true);
      const lines = reply.text.trimEnd().split('\n').map((line) => JSON.parse(line) as Entry);
      expect(lines).toEqual(before);
    }
    await t.caughtUp();
    const exports = await all('type=AuditExported');
    expect(exports.map((e) => e.detail)).toEqual([{ filters: { order: 'asc' } }, { filters: { type: ['SecretSet'], order: 'asc' } }, { filters: { key: 'API_KEY', actor: 'bob', order: 'asc' } }]);
  });

  it('is readable by workspace admins and audit:read tokens, a ws claim naming it included', async () => {
    const expected = await all();
    expect(await all('', token('reviewer', { scope: 'audit:read', email: null }))).toEqual(expected);
    expect(await all('', token('reviewer', { scope: 'audit:read', ws: [ws, 'another'] }))).toEqual(expected);
  });

  it('refuses a token whose ws claim excludes it (403), write and read members (403), non-members (404)', async () => {
    expectProblem(await call('GET', audit, { token: token('reviewer', { scope: 'audit:read', ws: ['another'] }) }), 403);
    expectProblem(await call('GET', audit, as('bob')), 403);
    expectProblem(await call('GET', audit, as('erin')), 403);
    expectProblem(await call('GET', audit, as('carol')), 404, 'workspace_not_found');
    expectProblem(await call('GET', audit, as('mallory')), 404, 'workspace_not_found');
    expectProblem(await call('GET', '/v1/workspaces/nosuchws/audit', { token: token('reviewer', { scope: 'audit:read' }) }), 404);
    expectProblem(await call('GET', audit, { token: token('executor', { scope: 'secrets:resolve' }) }), 404);
  });

  it("shows at /v1/me/audit the caller's personal-secret events only", async () => {
    expect(summary(await all('', token('alice'), '/v1/me/audit'))).toEqual([
      ['SecretSet', 'alice', minute(7), 'MINE', 1],
      ['SecretRevealed', 'alice', minute(14), 'MINE', 1],
    ]);
    expect(summary(await all('', token('bob'), '/v1/me/audit'))).toEqual([['SecretSet', 'bob', minute(8), 'BOBS', 1]]);
    expect(await all('', token('carol'), '/v1/me/audit')).toEqual([]);
    const streamed = await call('GET', '/v1/me/audit', { ...as('alice'), headers: { accept: NDJSON } });
    expect(streamed.text.trimEnd().split('\n')).toHaveLength(2);
    expect(leaksIn(streamed.text, Object.values(V))).toEqual([]);
    // The export goes on alice's own record once it ends.
    await t.caughtUp();
    expect(summary(await all('', token('alice'), '/v1/me/audit')).map(([type]) => type)).toEqual(['SecretSet', 'SecretRevealed', 'AuditExported']);
  });
});

describe('The audit export beyond one internal page', () => {
  const { call } = useTestApp();

  it('streams all of 1,200+ entries once, in order, equal to paging through them', async () => {
    const ws = await createWorkspace(call, 'alice');
    const set = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`KEY_${i}`, `bulk-value-${i}`]));
    expect((await call('PATCH', `/v1/workspaces/${ws}/secrets`, { token: token('alice'), body: { set } })).status).toBe(200);
    const paged: Entry[] = [];
    let cursor: string | null = null;
    do {
      const next: Page = bodyOf(await call('GET', `/v1/workspaces/${ws}/audit?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, { token: token('alice') }));
      paged.push(...next.entries);
      cursor = next.nextCursor;
    } while (cursor !== null);
    expect(paged).toHaveLength(1 + 600 * 2);
    const streamed = await call('GET', `/v1/workspaces/${ws}/audit`, { token: token('alice'), headers: { accept: NDJSON } });
    expect(streamed.text.trimEnd().split('\n').map((line) => JSON.parse(line) as Entry)).toEqual(paged);
  });
});

describe('An audit page examines a bounded number of rows (AUDIT_SCAN_ROWS)', () => {
  // Five here; 20,000 as shipped. A filter that matches few rows cannot make one query read them all.
  const t = useTestApp({ settings: { auditScan: { rows: 5, step: 5 } } });
  const call = t.call;
  let audit: string;
  let others: string[];
  const pageOf = async (query: string, url = audit, tokenOf = token('alice')) => bodyOf<Page>(await call('GET', `${url}?${query}`, { token: tokenOf }));
  /** Every page along nextCursor. */
  const pages = async (query: string, url = audit, tokenOf = token('alice')) => {
    const found: Page[] = [];
    let cursor: string | null = null;
    do {
      const next = await pageOf(`${query}${cursor ? `&cursor=${cursor}` : ''}`, url, tokenOf);
      found.push(next);
      cursor = next.nextCursor;
    } while (cursor !== null);
    return found;
  };

  beforeAll(async () => {
    const ws = await createWorkspace(call, 'alice');
    audit = `/v1/workspaces/${ws}/audit`;
    const set = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`KEY_${i}`, `bounded-value-${i}`]));
    expect((await call('PATCH', `/v1/workspaces/${ws}/secrets`, { token: token('alice'), body: { set } })).status).toBe(200);
    for (const key of ['KEY_2', 'KEY_9']) expect((await call('POST', `${audit.replace('/audit', '')}/secrets/${key}/reveal`, as('alice'))).status).toBe(200);
    others = [await createWorkspace(call, 'bob'), await createWorkspace(call, 'carol')];
    for (const other of others) expect((await call('PUT', `/v1/workspaces/${other}/secrets/ONE`, { ...as(other === others[0] ? 'bob' : 'carol'), body: { value: 'other-value' } })).status).toBeLessThan(300);
    await t.caughtUp();
  });

  it('answers a page that stopped at its bound with fewer entries, even none, and a cursor that goes on to every match exactly once', async () => {
    const everything = (await pages('limit=1000')).flatMap((p) => p.entries);
    expect(everything).toHaveLength(1 + 12 * 2 + 2);
    const reveals = everything.filter((e) => e.type === 'SecretRevealed');
    expect(reveals.map((e) => e.key)).toEqual(['KEY_2', 'KEY_9']);

    const first = await pageOf('type=SecretRevealed&limit=10');
    expect(first.entries).toEqual([]);
    expect(first.nextCursor).not.toBeNull();
    const paged = await pages('type=SecretRevealed&limit=10');
    expect(paged.length).toBeGreaterThan(3);
    expect(paged.flatMap((p) => p.entries)).toEqual(reveals);
    expect(paged.at(-1)!.nextCursor).toBeNull();
    expect((await pages('type=SecretRevealed&limit=10&order=desc')).flatMap((p) => p.entries)).toEqual([...reveals].reverse());
    // By key too: looked up row by row among the workspace's own rows.
    expect((await pages('key=KEY_9&type=SecretRevealed&limit=10')).flatMap((p) => p.entries)).toEqual([reveals[1]]);
  });

  it('shares the bound among several workspaces (an audit:read token naming them), every match once, in log order', async () => {
    const reviewer = token('reviewer', { scope: 'audit:read', email: null, ws: [audit.split('/')[3]!, ...others] });
    const everything = (await pages('limit=1000', '/v1/audit', reviewer)).flatMap((p) => p.entries);
    const sets = everything.filter((e) => e.type === 'SecretSet');
    expect(sets).toHaveLength(12 + 2);
    const paged = await pages('type=SecretSet&limit=4', '/v1/audit', reviewer);
    expect(paged.flatMap((p) => p.entries)).toEqual(sets);
    expect(paged.every((p) => p.entries.length <= 4)).toBe(true);
  });

  it('streams every match as NDJSON across bounded pages, letting the process serve others between two pages', async () => {
    const paged = await pages('type=SecretRevealed&limit=10');
    // Turns of the event loop while the export runs: each page (most of them match nothing) is
    // read synchronously, so without a turn between them the export would hold the process.
    const loop = countTurns();
    const streamed = await call('GET', `${audit}?type=SecretRevealed`, { token: token('alice'), headers: { accept: NDJSON } });
    loop.stop();
    expect(streamed.text.trimEnd().split('\n').map((line) => JSON.parse(line) as Entry)).toEqual(paged.flatMap((p) => p.entries));
    expect(loop.turns).toBeGreaterThanOrEqual(paged.length);
  });

  it("never answers a cursor that names another workspace's row, whatever key is asked for", async () => {
    for (let i = 0; i < 6; i += 1) expect((await call('PUT', `${audit.replace('/audit', '')}/secrets/KEY_2`, { ...as('alice'), body: { value: `again-${i}` } })).status).toBeLessThan(300);
    await t.caughtUp();
    const bobs = `/v1/workspaces/${others[0]}/audit`;
    const own = new Set((await pages('limit=1000', bobs, token('bob'))).flatMap((p) => p.entries.map((e) => e.position)));
    // Bob's workspace never had a KEY_2; Alice's has more rows about it than a page examines.
    const paged = await pages('key=KEY_2&limit=10', bobs, token('bob'));
    expect(paged.flatMap((p) => p.entries)).toEqual([]);
    for (const { nextCursor } of paged) if (nextCursor !== null) expect(own).toContain(nextCursor);
  });
});
