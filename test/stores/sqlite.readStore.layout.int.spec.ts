import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { viewCollections, viewHistory, viewLists } from '../../src/projections/views';
import { openDatabase } from '../../src/stores/sqlite/database';
import { SqliteReadStore } from '../../src/stores/sqlite/sqlite.readStore';
import { injectClient } from '../support/client';
import { startTestApp, testMasterKeys, token } from '../support/testService';

/** The views of version 1: documents indexed by json_extract expressions, no field columns. */
function makeLayoutOne(file: string) {
  const db = openDatabase(file, { durable: false });
  for (const [collection, fields] of Object.entries(viewCollections)) {
    db.exec(`DROP TABLE IF EXISTS view_${collection}`);
    db.exec(`CREATE TABLE view_${collection} (id TEXT PRIMARY KEY, position TEXT NOT NULL, doc TEXT) STRICT`);
    for (const field of fields) db.exec(`CREATE INDEX ix_${collection}_${field} ON view_${collection} (json_extract(doc, '$.${field}'), id)`);
  }
  db.exec('DROP TABLE IF EXISTS checkpoints');
  db.exec('CREATE TABLE checkpoints (name TEXT PRIMARY KEY, position TEXT, generation TEXT NOT NULL) STRICT');
  db.exec("INSERT INTO checkpoints VALUES ('view_', '00000000000000000000000000000000000000099', 'old')");
  db.pragma('user_version = 0');
  db.close();
}

describe('SQLite views of an older layout', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'secrets-layout-'));
    dirs.push(dir);
    return dir;
  };

  it('are dropped on open, with their checkpoint, and the store works', async () => {
    const file = join(tempDir(), 'views.sqlite');
    makeLayoutOne(file);
    const store = new SqliteReadStore(openDatabase(file, { durable: false }), viewCollections, {}, viewLists);
    const checkpoint = await store.checkpoint();
    expect(checkpoint.position).toBeNull();
    const member = { workspaceId: 'w', userId: 'u', email: null, permission: 'read', external: false, joinedAt: '2025-01-01T00:00:00.000Z' } as const;
    expect(await store.commit([{ collection: 'members', id: 'w/u', doc: member, position: '5' }], '5', checkpoint.generation)).toBe(true);
    expect((await store.find('members', 'userId', 'u')).map((f) => f.id)).toEqual(['w/u']);
    await store.close();
  });

  it('of version 3 (versions keyed by id and position, nulls indexed) are replaced by appended versions and partial indexes', async () => {
    const file = join(tempDir(), 'views.sqlite');
    makeLayoutOne(file);
    const old = openDatabase(file, { durable: false });
    old.pragma('user_version = 3');
    old.close();
    const db = openDatabase(file, { durable: false });
    const store = new SqliteReadStore(db, viewCollections, viewHistory, viewLists);
    const sqlOf = (name: string) => db.prepare<[string], { sql: string }>('SELECT sql FROM sqlite_master WHERE name = ?').get(name)?.sql;
    expect(sqlOf('view_hist_workspaceSecrets')).not.toMatch(/WITHOUT ROWID/);
    expect(sqlOf('view_hist_workspaceSecrets_version')).toMatch(/^CREATE UNIQUE INDEX/);
    expect(sqlOf('ix_audit_runId')).toMatch(/WHERE f_runId IS NOT NULL$/);
    expect((await store.checkpoint()).position).toBeNull();
    await store.close();
  });

  it('of versions 4 and 5 (a collection of rows by key, indexed by stream) are replaced by a list table of the audit rows\' keys', async () => {
    const file = join(tempDir(), 'views.sqlite');
    const old = openDatabase(file, { durable: false });
    // The collections of then: key rows of their own, and the audit and key rows indexed by stream.
    const layoutFour = { ...viewCollections, audit: ['owner', 'scope', 'runId', 'stream'], auditKeys: ['key', 'stream'] } as unknown as typeof viewCollections;
    await new SqliteReadStore(old, layoutFour, viewHistory, {}).close();
    const reopened = openDatabase(file, { durable: false });
    reopened.pragma('user_version = 4');
    reopened.close();
    const db = openDatabase(file, { durable: false });
    const store = new SqliteReadStore(db, viewCollections, viewHistory, viewLists);
    const names = (type: string) => db.prepare<[string], { name: string }>("SELECT name FROM sqlite_master WHERE type = ? AND name GLOB '*audit*' AND sql IS NOT NULL ORDER BY name").all(type).map((row) => row.name);
    expect(names('index')).toEqual(['ix_audit_owner', 'ix_audit_runId', 'ix_audit_scope']);
    expect(names('table')).toEqual(['view_audit', 'view_list_audit_keys']);
    expect((await store.checkpoint()).position).toBeNull();
    await store.close();
  });

  it('of version 6 (positions and audit ids zero-padded to 40 digits) are rebuilt in the shorter form', async () => {
    const dir = tempDir();
    const alice = token('alice');
    // The same master keys for both runs: the audit opens the requests' sealed addresses.
    const masterKeys = testMasterKeys();
    const first = await startTestApp(dir, { masterKeys });
    const ws = ((await injectClient(first.app)('POST', '/v1/workspaces', { token: alice, body: { name: 'Acme' } })).body as { id: string }).id;
    for (const value of ['v1', 'v2', 'v3']) await injectClient(first.app)('PUT', `/v1/workspaces/${ws}/secrets/KEY`, { token: alice, body: { value } });
    await first.caughtUp();
    await first.close();
    // What layout 6 stored: every position, and an audit row's id, as 40 zero-padded digits.
    const old = openDatabase(join(dir, 'views.sqlite'), { durable: false });
    const pad = (column: string) => `substr('${'0'.repeat(40)}' || substr(${column}, 3), -40)`;
    old.exec(`UPDATE view_audit SET id = ${pad('id')}, position = ${pad('position')}; UPDATE checkpoints SET position = ${pad('position')}`);
    old.pragma('user_version = 6');
    old.close();

    const second = await startTestApp(dir, { masterKeys });
    try {
      await second.caughtUp();
      const db = openDatabase(join(dir, 'views.sqlite'), { durable: false });
      const ids = db.prepare<[], string>('SELECT id FROM view_audit ORDER BY id').pluck().all();
      db.close();
      expect(ids.length).toBeGreaterThan(3);
      for (const id of ids) expect(Number(id.slice(0, 2))).toBe(id.length - 2);
      const call = injectClient(second.app);
      const page = async (cursor?: string) =>
        (await call('GET', `/v1/workspaces/${ws}/audit?type=SecretSet&limit=2${cursor === undefined ? '' : `&cursor=${cursor}`}`, { token: alice })).body as { entries: { version: number }[]; nextCursor: string | null };
      const first2 = await page();
      expect(first2.entries.map((e) => e.version)).toEqual([1, 2]);
      expect((await page(first2.nextCursor!)).entries.map((e) => e.version)).toEqual([3]);
    } finally {
      await second.close();
    }
  });

  it('are rebuilt from the log when the service starts on them', async () => {
    const dir = tempDir();
    const alice = token('alice');
    const first = await startTestApp(dir);
    const ws = ((await injectClient(first.app)('POST', '/v1/workspaces', { token: alice, body: { name: 'Acme' } })).body as { id: string }).id;
    await injectClient(first.app)('PUT', `/v1/workspaces/${ws}/secrets/KEY`, { token: alice, body: { value: 'v' } });
    await first.close();
    makeLayoutOne(join(dir, 'views.sqlite'));

    const second = await startTestApp(dir);
    try {
      await second.caughtUp();
      const list = await injectClient(second.app)('GET', `/v1/workspaces/${ws}/secrets`, { token: alice });
      expect(list.status).toBe(200);
      expect((list.body as { secrets: { key: string }[] }).secrets.map((s) => s.key)).toEqual(['KEY']);
    } finally {
      await second.close();
    }
  });
});
