import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppendTicket } from '../../src/stores/eventStore.port';
import { leaksIn } from '../support/leaks';
import { openTestStores, startTestApp, token, useTestApp } from '../support/testService';
import { bodyOf, expectProblem, workspaceWith } from '../support/workspaces';

type Entry = {
  position: string;
  type: string;
  actor: string;
  key: string | null;
  runId: string | null;
  detail: Record<string, unknown> | null;
  request: { requestId: string; clientRequestId?: string; clientAddress?: string; peerAddress?: string } | null;
};

const V = { shared: 'records-shared-41a', bobPersonal: 'records-bob-personal-9c2', big: 'records-other-77d' };
const runner = () => token('runner', { scope: 'secrets:resolve' });
const auditor = (ws?: string[]) => token('reviewer', { scope: 'audit:read', email: null, ...(ws ? { ws } : {}) });

/** Every use of a value on the record, and an audit a reviewer can query (DESIGN §7). */
describe('Records and the audit', () => {
  const t = useTestApp();
  const { call } = t;
  let ws: string;
  let other: string;
  const audit = async (query = '', who = token('alice'), url = `/v1/workspaces/${ws}/audit`) => {
    await t.caughtUp();
    const reply = await call('GET', `${url}?limit=1000${query ? `&${query}` : ''}`, { token: who });
    expect(reply.status, reply.text).toBe(200);
    return bodyOf<{ entries: Entry[] }>(reply).entries;
  };
  const resolve = (body: object, headers: Record<string, string> = {}) =>
    call('POST', '/v1/resolve', { token: runner(), body: { workspaceId: ws, ...body }, headers });

  beforeAll(async () => {
    ws = await workspaceWith(call, 'alice', { bob: 'write' });
    other = await workspaceWith(call, 'carol', {});
    await call('PUT', `/v1/workspaces/${ws}/secrets/SHARED`, { token: token('alice'), body: { value: V.shared } });
    await call('PUT', '/v1/me/secrets/BOB_ONLY', { token: token('bob'), body: { value: V.bobPersonal } });
    await call('PUT', `/v1/workspaces/${other}/secrets/OTHER`, { token: token('carol'), body: { value: V.big } });
  });

  describe('resolutions', () => {
    it('records a resolution with its run, the versions it used by fingerprint, and the request, before the value leaves', async () => {
      const run = { id: 'run_1', workflowId: 'wf.deploy', blockId: 'block:3' };
      const reply = await resolve({ trigger: 'schedule', workflowOwnerId: 'alice', run, input: { a: '{{SHARED}}' } }, { 'x-request-id': 'client-req-7' });
      expect(reply.status).toBe(200);
      const [record] = await audit('type=SecretsResolved&runId=run_1');
      const history = bodyOf<{ versions: { fingerprint: string }[] }>(await call('GET', `/v1/workspaces/${ws}/secrets/SHARED/history`, { token: token('alice') }));
      expect(record).toMatchObject({
        type: 'SecretsResolved',
        actor: 'runner',
        key: 'SHARED',
        runId: 'run_1',
        detail: { trigger: 'schedule', workflowOwnerId: 'alice', run, outcome: 'resolved', references: [{ key: 'SHARED', version: 1, fingerprint: history.versions[0]!.fingerprint }], personal: null, missing: [] },
        request: { requestId: reply.headers['x-request-id'], clientRequestId: 'client-req-7', clientAddress: '127.0.0.1' },
      });
    });

    it("puts personal key names only in their owner's record, and the workspace's record only counts them", async () => {
      const reply = await resolve({ trigger: 'manual', triggeredBy: 'bob', run: { id: 'run_2' }, input: '{{SHARED}} {{BOB_ONLY}}' });
      expect(reply.status).toBe(200);
      const [record] = await audit('runId=run_2');
      expect(record!.detail).toMatchObject({ triggeredBy: 'bob', references: [{ key: 'SHARED', version: 1 }], personal: { owner: 'bob', count: 1 } });
      expect(JSON.stringify(await audit())).not.toContain('BOB_ONLY');
      const [mine] = await audit('type=SecretsResolved', token('bob'), '/v1/me/audit');
      expect(mine).toMatchObject({ actor: 'runner', key: 'BOB_ONLY', runId: 'run_2', detail: { workspaceId: ws, trigger: 'manual', references: [{ key: 'BOB_ONLY', version: 1 }] } });
    });

    it('records a resolution that misses keys, whether it fails or keeps them', async () => {
      expectProblem(await resolve({ trigger: 'manual', triggeredBy: 'alice', run: { id: 'run_3' }, input: '{{SHARED}} {{GONE}} {{ALSO_GONE}}' }), 422, 'missing_references');
      expect((await resolve({ trigger: 'manual', triggeredBy: 'alice', run: { id: 'run_4' }, input: '{{GONE}}', onMissing: 'keep' })).status).toBe(200);
      const [failed] = await audit('runId=run_3');
      expect(failed!.detail).toMatchObject({ outcome: 'missing', missing: ['GONE', 'ALSO_GONE'], references: [{ key: 'SHARED' }] });
      const [kept] = await audit('runId=run_4');
      expect(kept!.detail).toMatchObject({ outcome: 'missing', missing: ['GONE'], references: [] });
    });

    it('finds the runs that used a key, or missed it, by the key filter; newest first when asked', async () => {
      const used = await audit('key=SHARED&type=SecretsResolved');
      expect(used.map((e) => e.runId)).toEqual(['run_1', 'run_2', 'run_3']);
      expect((await audit('key=GONE')).map((e) => e.runId)).toEqual(['run_3', 'run_4']);
      expect((await audit('key=SHARED&type=SecretsResolved&order=desc')).map((e) => e.runId)).toEqual(['run_3', 'run_2', 'run_1']);
      const newest = await audit('order=desc');
      expect(newest.map((e) => Number(e.position))).toEqual([...newest.map((e) => Number(e.position))].sort((a, b) => b - a));
    });

    it("never moves a scope's revision", async () => {
      const etag = async () => (await call('GET', `/v1/workspaces/${ws}/secrets`, { token: token('alice') })).headers.etag;
      const before = await etag();
      await resolve({ trigger: 'manual', triggeredBy: 'alice', input: '{{SHARED}}' });
      await call('POST', `/v1/workspaces/${ws}/secrets/SHARED/reveal`, { token: token('alice') });
      expect(await etag()).toBe(before);
    });

    it('keeps no value in any record or audit answer', async () => {
      expect(leaksIn(JSON.stringify(await audit()), Object.values(V))).toEqual([]);
      expect(leaksIn(JSON.stringify(await audit('', token('bob'), '/v1/me/audit')), Object.values(V))).toEqual([]);
    });

    it('refuses a malformed run naming the field', async () => {
      const reply = await resolve({ trigger: 'manual', triggeredBy: 'alice', run: { id: 'has space' }, input: 'x' });
      expectProblem(reply, 400, 'validation_failed');
      expect(reply.body).toMatchObject({ errors: [{ field: 'run.id' }] });
    });
  });

  describe('refusals', () => {
    it('merges the refusals of a principal per workspace, route and reason per minute, once the answers went out', async () => {
      for (let i = 0; i < 3; i += 1) expectProblem(await call('POST', `/v1/workspaces/${ws}/secrets/SHARED/reveal`, { token: token('mallory') }), 404);
      expectProblem(await call('POST', `/v1/workspaces/${ws}/secrets/NOPE/reveal`, { token: token('alice') }), 404, 'secret_not_found');
      expectProblem(await call('POST', `/v1/workspaces/${ws}/secrets/SHARED/reveal`, { token: token('alice', { ws: [other] }) }), 403, 'ws_claim');
      expectProblem(await resolve({ trigger: 'manual', triggeredBy: 'mallory', input: '{{SHARED}}' }), 403);
      // A workspace that does not exist is nobody's record.
      expectProblem(await call('POST', '/v1/workspaces/ws_nope/secrets/SHARED/reveal', { token: token('mallory') }), 404);
      await t.service.refusals.flush(true);
      const refused = (await audit('type=AccessRefused')).map((e) => [e.actor, e.key, e.detail?.route, e.detail?.reason, e.detail?.count]);
      expect(refused).toEqual([
        ['mallory', 'SHARED', 'reveal', 'not_member', 3],
        ['alice', 'NOPE', 'reveal', 'unknown_key', 1],
        ['alice', 'SHARED', 'reveal', 'ws_claim', 1],
        ['runner', null, 'resolve', 'not_member', 1],
      ]);
    });
  });

  describe('audit:read tokens', () => {
    it('read the audit of every workspace they cover at /v1/audit, and list those workspaces', async () => {
      const everything = await audit('', auditor(), '/v1/audit');
      expect(new Set(everything.map((e) => e.type))).toEqual(expect.objectContaining({}));
      expect(everything.some((e) => e.key === 'OTHER')).toBe(true);
      expect(everything.some((e) => e.key === 'SHARED')).toBe(true);
      // Personal streams are nobody's to review.
      expect(everything.some((e) => e.key === 'BOB_ONLY')).toBe(false);
      const claimed = await audit('', auditor([other]), '/v1/audit');
      expect(claimed.length).toBeGreaterThan(0);
      expect(claimed.every((e) => !JSON.stringify(e).includes('SHARED'))).toBe(true);
      const listed = bodyOf<{ workspaces: { id: string }[] }>(await call('GET', '/v1/audit/workspaces', { token: auditor() }));
      expect(listed.workspaces.map((w) => w.id).sort()).toEqual([ws, other].sort());
      const one = bodyOf<{ workspaces: { id: string }[]; nextCursor: string | null }>(await call('GET', '/v1/audit/workspaces?limit=1', { token: auditor() }));
      expect(one.workspaces).toHaveLength(1);
      const rest = bodyOf<{ workspaces: { id: string }[] }>(await call('GET', `/v1/audit/workspaces?limit=1&cursor=${one.nextCursor}`, { token: auditor() }));
      expect([...one.workspaces, ...rest.workspaces].map((w) => w.id).sort()).toEqual([ws, other].sort());
      expect(bodyOf<{ workspaces: { id: string }[] }>(await call('GET', '/v1/audit/workspaces', { token: auditor([other, 'ws_nope']) })).workspaces.map((w) => w.id)).toEqual([other]);
    });

    it('are refused /v1/audit without the scope', async () => {
      expectProblem(await call('GET', '/v1/audit', { token: token('alice') }), 403);
    });

    it('read members, secret lists, details and history of what they cover, never a value, never a write', async () => {
      for (const path of ['members', 'secrets', 'secrets/SHARED', 'secrets/SHARED/members', 'secrets/SHARED/history']) {
        expect((await call('GET', `/v1/workspaces/${ws}/${path}`, { token: auditor() })).status, path).toBe(200);
      }
      expect(bodyOf<{ secrets: { myRole: unknown }[] }>(await call('GET', `/v1/workspaces/${ws}/secrets`, { token: auditor() })).secrets[0]!.myRole).toBeNull();
      expectProblem(await call('POST', `/v1/workspaces/${ws}/secrets/SHARED/reveal`, { token: auditor() }), 404);
      expectProblem(await call('PUT', `/v1/workspaces/${ws}/secrets/SHARED`, { token: auditor(), body: { value: 'x' } }), 404);
      expectProblem(await call('GET', `/v1/workspaces/${ws}/secrets`, { token: auditor([other]) }), 403, 'ws_claim');
    });
  });

  describe('queries', () => {
    it('takes RFC 3339 times with any offset', async () => {
      const all = await audit();
      const farPast = '2000-01-01T02:00:00+02:00';
      const farFuture = '2999-01-01T00:00:00-05:30';
      expect(await audit(`from=${encodeURIComponent(farPast)}&to=${encodeURIComponent(farFuture)}`)).toEqual(all);
      expect(await audit(`to=${encodeURIComponent(farPast)}`)).toEqual([]);
    });
  });
});

describe('Records that cannot be written', () => {
  it('answer a resolution with 503 and no value', async () => {
    const stores = openTestStores(':memory:');
    const append = stores.eventStore.append.bind(stores.eventStore);
    stores.eventStore.append = (streamId, events, options) =>
      streamId.startsWith('workspaceRecords-') ? (Promise.reject(new Error('disk full')) as AppendTicket) : append(streamId, events, options);
    const t = await startTestApp(':memory:', stores);
    const { call } = t;
    const ws = await workspaceWith(call, 'alice', {});
    await call('PUT', `/v1/workspaces/${ws}/secrets/K`, { token: token('alice'), body: { value: 'unrecorded-value-5e1' } });
    const reply = await call('POST', '/v1/resolve', { token: runner(), body: { workspaceId: ws, trigger: 'manual', triggeredBy: 'alice', input: '{{K}}' } });
    await t.close();
    expectProblem(reply, 503, 'records_unavailable');
    expect(reply.text).not.toContain('unrecorded-value-5e1');
  });
});

describe('Request context and AUDIT_SINK', () => {
  const dir = mkdtempSync(join(tmpdir(), 'secrets-sink-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('believes X-Forwarded-For only from TRUST_PROXY, keeps the peer, and writes every audit row to the sink', async () => {
    const sink = join(dir, 'audit.ndjson');
    const t = await startTestApp(':memory:', { auditSink: sink }, { trustProxy: ['127.0.0.1/32'] });
    const { call } = t;
    const created = await call('POST', '/v1/workspaces', { token: token('alice'), body: { name: 'Proxied' }, headers: { 'x-forwarded-for': '203.0.113.9', 'x-request-id': 'bad id with spaces' } });
    const ws = bodyOf<{ id: string }>(created).id;
    await t.caughtUp();
    const [row] = bodyOf<{ entries: Entry[] }>(await call('GET', `/v1/workspaces/${ws}/audit`, { token: token('alice') })).entries;
    expect(row!.request).toEqual({ requestId: created.headers['x-request-id'], clientAddress: '203.0.113.9', peerAddress: '127.0.0.1' });
    await t.close();
    const lines = readFileSync(sink, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Entry & { owner: string });
    expect(lines.map((l) => [l.type, l.owner])).toEqual([['WorkspaceCreated', `workspace:${ws}`]]);
  });

  it('does not believe X-Forwarded-For without TRUST_PROXY, and echoes its request id on errors too', async () => {
    const { call, caughtUp } = await startTestApp();
    const created = await call('POST', '/v1/workspaces', { token: token('alice'), body: { name: 'Direct' }, headers: { 'x-forwarded-for': '203.0.113.9' } });
    await caughtUp();
    const ws = bodyOf<{ id: string }>(created).id;
    const [row] = bodyOf<{ entries: Entry[] }>(await call('GET', `/v1/workspaces/${ws}/audit`, { token: token('alice') })).entries;
    expect(row!.request).toEqual({ requestId: created.headers['x-request-id'], clientAddress: '127.0.0.1' });
    const refused = await call('GET', '/v1/workspaces');
    expect(refused.status).toBe(401);
    expect(refused.headers['x-request-id']).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(refused.headers['x-request-id']).not.toBe(created.headers['x-request-id']);
  });
});
