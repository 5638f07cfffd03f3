import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client';
import { filesUnder } from '../support/leaks';
import { startTestApp, testMasterKeys, useTestApp } from '../support/testService';
import { liveAndRebuiltViews } from '../support/viewsCheck';
import { as, bodyOf, expectProblem, must, setWorkspaceSecret, workspaceWith } from '../support/workspaces';

type History = { versions: Array<{ version: number; fingerprint: string; destroyed: boolean; rollbackOf: number | null }> };

const alice = as('alice');
const url = (ws: string, key: string, action = '') => `/v1/workspaces/${ws}/secrets/${key}${action}`;
const reveal = (call: Client, ws: string, key: string, version?: number, who = alice) =>
  call('POST', url(ws, key, '/reveal'), { ...who, ...(version === undefined ? {} : { body: { version } }) });
const history = async (call: Client, ws: string, key: string) => (await must<History>(call, 'GET', url(ws, key, '/history'), alice)).versions;

describe("A secret's whole life (DESIGN §9)", () => {
  const { call } = useTestApp();

  it('reveals a past version and rolls back to it: a new version with its value and fingerprint, on the record', async () => {
    const ws = await workspaceWith(call, 'alice', { bob: 'write' });
    for (const value of ['one', 'two', 'three']) await setWorkspaceSecret(call, ws, 'alice', 'K', value);
    expect(bodyOf<{ value: string }>(await reveal(call, ws, 'K', 1)).value).toBe('one');
    const rolled = await must<{ version: number }>(call, 'POST', url(ws, 'K', '/rollback'), { ...alice, body: { version: 1 } });
    expect(rolled.version).toBe(4);
    expect(bodyOf<{ value: string; version: number }>(await reveal(call, ws, 'K'))).toEqual({ value: 'one', version: 4 });
    const versions = await history(call, ws, 'K');
    expect(versions[3]).toMatchObject({ version: 4, rollbackOf: 1, fingerprint: versions[0]!.fingerprint, destroyed: false });
    // Deleted and restored, the rollback is still the version it was, and no version is added.
    await must(call, 'DELETE', url(ws, 'K'), alice);
    await must(call, 'POST', url(ws, 'K', '/restore'), alice);
    expect(await history(call, ws, 'K')).toEqual(versions);
    // bob is a write member, not the secret's Admin.
    expectProblem(await call('POST', url(ws, 'K', '/rollback'), { ...as('bob'), body: { version: 2 } }), 403);
    expectProblem(await call('POST', url(ws, 'K', '/rollback'), { ...alice, body: { version: 9 } }), 404, 'version_not_found');
  });

  it('lists deleted keys to admins and restores one with its details and members, not over a key that exists again', async () => {
    const ws = await workspaceWith(call, 'alice', { bob: 'write', carol: 'read' });
    await setWorkspaceSecret(call, ws, 'bob', 'K', 'v0');
    await setWorkspaceSecret(call, ws, 'bob', 'K', 'v1');
    await must(call, 'PATCH', url(ws, 'K'), { ...as('bob'), body: { displayName: 'Kept' } });
    await must(call, 'POST', url(ws, 'K', '/members'), { ...as('bob'), body: { email: 'carol@example.com', role: 'member' } });
    await must(call, 'DELETE', url(ws, 'K'), as('bob'));
    const deleted = await must<{ deleted: unknown[] }>(call, 'GET', `/v1/workspaces/${ws}/secrets?deleted=true`, alice);
    expect(deleted.deleted).toEqual([{ key: 'K', lastVersion: 2, deletedAt: expect.any(String), deletedBy: 'bob' }]);
    expectProblem(await call('GET', `/v1/workspaces/${ws}/secrets?deleted=true`, as('bob')), 403);
    expectProblem(await call('POST', url(ws, 'K', '/restore'), as('bob')), 403);
    expect(await must<{ version: number }>(call, 'POST', url(ws, 'K', '/restore'), alice)).toMatchObject({ key: 'K', version: 2 });
    expect(await must(call, 'GET', url(ws, 'K'), alice)).toMatchObject({ displayName: 'Kept', version: 2 });
    expect(bodyOf<{ value: string }>(await reveal(call, ws, 'K', undefined, as('carol'))).value).toBe('v1');
    expect((await must<{ deleted: unknown[] }>(call, 'GET', `/v1/workspaces/${ws}/secrets?deleted=true`, alice)).deleted).toEqual([]);
    await must(call, 'DELETE', url(ws, 'K'), alice);
    await setWorkspaceSecret(call, ws, 'alice', 'K', 'again');
    expectProblem(await call('POST', url(ws, 'K', '/restore'), alice), 409, 'secret_exists');
  });

  it('pages the deleted keys by key, live keys left out; cursor and limit only with deleted=true', async () => {
    const ws = await workspaceWith(call, 'alice', {});
    const keys = ['A', 'B', 'C', 'D', 'E'];
    await must(call, 'PATCH', `/v1/workspaces/${ws}/secrets`, { ...alice, body: { set: Object.fromEntries([...keys, 'LIVE'].map((k) => [k, `v-${k}`])), delete: [] } });
    await must(call, 'PATCH', `/v1/workspaces/${ws}/secrets`, { ...alice, body: { set: {}, delete: keys } });
    type Page = { deleted: Array<{ key: string }>; nextCursor: string | null };
    const page = (query: string) => must<Page>(call, 'GET', `/v1/workspaces/${ws}/secrets?deleted=true${query}`, alice);
    const pages: string[][] = [];
    for (let cursor: string | null = null; ; ) {
      const next: Page = await page(`&limit=2${cursor === null ? '' : `&cursor=${cursor}`}`);
      pages.push(next.deleted.map((d) => d.key));
      if (next.nextCursor === null) break;
      cursor = next.nextCursor;
    }
    expect(pages).toEqual([['A', 'B'], ['C', 'D'], ['E']]);
    expect(await page('')).toMatchObject({ deleted: keys.map((key) => ({ key })), nextCursor: null });
    expect(await page('&cursor=E')).toEqual({ deleted: [], nextCursor: null });
    for (const [query, field] of [
      ['?deleted=true&limit=0', 'limit'],
      ['?deleted=true&limit=1001', 'limit'],
      ['?deleted=true&cursor=not%20a%20key', 'cursor'],
      ['?limit=2', 'limit'],
      ['?cursor=A', 'cursor'],
    ]) {
      const reply = await call('GET', `/v1/workspaces/${ws}/secrets${query}`, alice);
      expect(reply.status, query).toBe(400);
      expect(bodyOf<{ errors: Array<{ field: string }> }>(reply).errors.map((e) => e.field), query).toEqual([field]);
    }
  });

  it('reveals a version of a lifetime before the deletion to workspace admins only', async () => {
    const ws = await workspaceWith(call, 'alice', { bob: 'write' });
    await setWorkspaceSecret(call, ws, 'alice', 'K', 'first life');
    await must(call, 'DELETE', url(ws, 'K'), alice);
    await setWorkspaceSecret(call, ws, 'bob', 'K', 'second life');
    expect(bodyOf<{ value: string }>(await reveal(call, ws, 'K', 1)).value).toBe('first life');
    expectProblem(await reveal(call, ws, 'K', 1, as('bob')), 403);
    expect(bodyOf<{ value: string }>(await reveal(call, ws, 'K', 2, as('bob'))).value).toBe('second life');
    expectProblem(await call('POST', url(ws, 'K', '/rollback'), { ...as('bob'), body: { version: 1 } }), 409, 'other_lifetime');
  });

  it('destroys: 410 for what was destroyed, history and audit kept, the key set again as a new lifetime', async () => {
    const ws = await workspaceWith(call, 'alice', { bob: 'write' });
    await setWorkspaceSecret(call, ws, 'bob', 'K', 'doomed-1');
    await setWorkspaceSecret(call, ws, 'bob', 'K', 'doomed-2');
    expectProblem(await call('POST', url(ws, 'K', '/destroy'), { ...as('bob'), body: { confirm: 'k' } }), 400);
    await must(call, 'POST', url(ws, 'K', '/destroy'), { ...as('bob'), body: { confirm: 'K' } });
    expectProblem(await reveal(call, ws, 'K', 2), 410, 'destroyed');
    expectProblem(await call('POST', url(ws, 'K', '/restore'), alice), 410, 'destroyed');
    expectProblem(await call('POST', url(ws, 'K', '/fingerprint-check'), { ...alice, body: { value: 'doomed-2' } }), 410, 'destroyed');
    expectProblem(await call('POST', url(ws, 'K', '/destroy'), { ...alice, body: { confirm: 'K' } }), 410, 'destroyed');
    expect((await history(call, ws, 'K')).map((v) => [v.version, v.destroyed])).toEqual([[1, true], [2, true]]);
    const audit = await must<{ entries: Array<{ type: string }> }>(call, 'GET', `/v1/workspaces/${ws}/audit?key=K`, alice);
    expect(audit.entries.map((e) => e.type)).toContain('SecretDestroyed');
    await setWorkspaceSecret(call, ws, 'alice', 'K', 'reborn');
    expect(bodyOf<{ value: string; version: number }>(await reveal(call, ws, 'K'))).toEqual({ value: 'reborn', version: 3 });
    expect((await history(call, ws, 'K')).map((v) => [v.version, v.destroyed])).toEqual([[1, true], [2, true], [3, false]]);
  });

  it('keeps a live key when an earlier lifetime is destroyed, and destroys them all with `all` (workspace admins)', async () => {
    const ws = await workspaceWith(call, 'alice', { bob: 'write' });
    await setWorkspaceSecret(call, ws, 'bob', 'K', 'old');
    await must(call, 'DELETE', url(ws, 'K'), as('bob'));
    await setWorkspaceSecret(call, ws, 'bob', 'K', 'new');
    expectProblem(await call('POST', url(ws, 'K', '/destroy'), { ...as('bob'), body: { confirm: 'K', all: true } }), 403);
    await must(call, 'POST', url(ws, 'K', '/destroy'), { ...alice, body: { confirm: 'K', all: true } });
    expect((await history(call, ws, 'K')).every((v) => v.destroyed)).toBe(true);
    expectProblem(await reveal(call, ws, 'K'), 404);
  });

  it('does all of it for personal secrets, for their owner', async () => {
    const me = as('pat');
    const p = (action = '') => `/v1/me/secrets/P${action}`;
    await must(call, 'PUT', p(), { ...me, body: { value: 'p1' } });
    await must(call, 'PUT', p(), { ...me, body: { value: 'p2' } });
    expect(await must(call, 'POST', p('/rollback'), { ...me, body: { version: 1 } })).toMatchObject({ version: 3 });
    await must(call, 'DELETE', p(), me);
    expect((await must<{ deleted: unknown[] }>(call, 'GET', '/v1/me/secrets?deleted=true', me)).deleted).toHaveLength(1);
    await must(call, 'POST', p('/restore'), me);
    expect(bodyOf<{ value: string }>(await call('POST', p('/reveal'), me)).value).toBe('p1');
    await must(call, 'POST', p('/destroy'), { ...me, body: { confirm: 'P' } });
    expectProblem(await call('POST', p('/reveal'), { ...me, body: { version: 1 } }), 410, 'destroyed');
  });
});

describe('Destroy on disk: the wrapped key is gone from every file, and stays gone', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('leaves the wrapped key bytes in no file of the data directory (-wal included), rebuilds, and deletes a key a backup brought back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'destroy-'));
    dirs.push(dir);
    const masterKeys = testMasterKeys();
    const app = await startTestApp(dir, { masterKeys });
    const ws = await workspaceWith(app.call, 'alice', {});
    await setWorkspaceSecret(app.call, ws, 'alice', 'K', 'shred me');
    const { versions } = await must<{ versions: Array<{ version: number }> }>(app.call, 'GET', url(ws, 'K', '/history'), alice);
    expect(versions).toHaveLength(1);
    const dataKeyId = (await app.service.deps.views.historyVersion(`workspace:${ws}`, 'K', 1))!.value.dataKeyId;
    const [wrapping] = await app.stores.keyStore.get(dataKeyId);
    const forms = [wrapping!.wrapped, Buffer.from(wrapping!.wrapped, 'base64').toString('hex')].map((text) => Buffer.from(text));
    const raw = Buffer.from(wrapping!.wrapped, 'base64');
    const present = () => filesUnder(dir).filter((file) => [...forms, raw].some((form) => readFileSync(file).includes(form)));
    expect(present().length).toBeGreaterThan(0);

    await must(app.call, 'POST', url(ws, 'K', '/destroy'), { ...alice, body: { confirm: 'K' } });
    expect(await app.stores.keyStore.get(dataKeyId)).toEqual([]);
    expect(present()).toEqual([]);

    await app.close();
    // The views rebuild from the log with the destroy in it, to what they were.
    const { live, rebuilt } = await liveAndRebuiltViews(dir);
    expect(rebuilt).toEqual(live);

    // A key store restored from before the destroy: the next start deletes the key again.
    const again = await startTestApp(dir, { masterKeys });
    await again.stores.keyStore.insert(wrapping!);
    await again.close();
    const third = await startTestApp(dir, { masterKeys });
    expect(await third.stores.keyStore.get(dataKeyId)).toEqual([]);
    expectProblem(await reveal(third.call, ws, 'K', 1), 410, 'destroyed');
  });
});
