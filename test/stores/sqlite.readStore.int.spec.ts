import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { boundedPage } from '../../src/stores/readStore.port';
import { openDatabase, type SqliteDatabase } from '../../src/stores/sqlite/database';
import { SqliteReadStore } from '../../src/stores/sqlite/sqlite.readStore';
import { readStoreContract } from './readStore.contract';
import { commitAt, contractCollections, contractHistory, contractLists, item, type ContractDocs } from './readStoreSupport';

readStoreContract('SQLite in memory', async (spec, history, lists) => new SqliteReadStore(openDatabase(':memory:', { durable: false }), spec, history, lists));

const tempDirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'secrets-readstore-'));
  tempDirs.push(dir);
  return join(dir, 'views.sqlite');
};
const removeTempDirs = async () => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
};

readStoreContract('SQLite file', async (spec, history, lists) => new SqliteReadStore(openDatabase(tempFile(), { durable: false }), spec, history, lists), removeTempDirs);

/**
 * What `run` answers, and how SQLite runs the statement it prepared whose SQL contains `marker`
 * (EXPLAIN QUERY PLAN, with `values` bound), one step a line.
 */
async function planOf<T>(db: SqliteDatabase, run: () => Promise<T>, marker: string, values: readonly unknown[]): Promise<[T, string[]]> {
  const prepared: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    prepared.push(sql);
    return prepare(sql);
  }) as typeof db.prepare;
  try {
    const answer = await run();
    const sql = prepared.find((statement) => statement.includes(marker));
    if (sql === undefined) throw new Error(`no statement with ${marker} was prepared`);
    return [answer, prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all(...values).map((step) => step.detail)];
  } finally {
    db.prepare = prepare;
  }
}

describe('SqliteReadStore on a file', () => {
  afterEach(removeTempDirs);
  const open = (file: string) => new SqliteReadStore(openDatabase(file, { durable: false }), contractCollections, contractHistory, contractLists);

  it('keeps views, checkpoint and generation across a reopen, and after a swap-in', async () => {
    const file = tempFile();
    const first = open(file);
    await commitAt(first, [item('a', '18446744073709551000', { group: 'g' })], '18446744073709551000');
    const target = await first.startRebuild();
    await commitAt(target.store, [item('b', '7', { group: 'g' })], '7');
    await target.swapIn();
    const checkpoint = await first.checkpoint();
    await first.close();

    const second = open(file);
    try {
      expect(await second.checkpoint()).toEqual(checkpoint);
      expect((await second.find('items', 'group', 'g')).map((f) => f.id)).toEqual(['b']);
      expect(await second.get('items', 'a')).toBeUndefined();
    } finally {
      await second.close();
    }
  });

  it('has the same indexes after rebuilds and reopening as when it was made, none twice', async () => {
    const file = tempFile();
    let db = openDatabase(file, { durable: false });
    let store = new SqliteReadStore(db, contractCollections, contractHistory, contractLists);
    // What each index is, whatever its name: a rebuild names the indexes it builds after itself.
    const indexes = () =>
      db
        .prepare<[], { name: string; tbl_name: string; sql: string }>("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        .all()
        // (A renamed table's name is quoted in its indexes' SQL.)
        .map((index) => `${index.tbl_name}: ${index.sql.replace(index.name, '<name>').replaceAll('"', '')}`)
        .sort();
    const made = indexes();
    expect(made).toEqual(expect.arrayContaining(['view_items: CREATE INDEX <name> ON view_items (f_group, id) WHERE f_group IS NOT NULL']));
    for (let rebuild = 0; rebuild < 2; rebuild += 1) {
      const target = await store.startRebuild();
      await commitAt(target.store, [{ collection: 'versioned', id: 'v', doc: { scope: 's' }, position: '3', at: '2026-01-01T00:00:00.000Z' }], '3');
      await target.swapIn();
      expect(indexes()).toEqual(made);
      await store.close();
      db = openDatabase(file, { durable: false });
      store = new SqliteReadStore(db, contractCollections, contractHistory, contractLists);
      expect(indexes()).toEqual(made);
    }
    await store.close();
  });

  it('reads a bounded page through its first field\'s index within the scan\'s ids, probing a list field after it row by row, without sorting', async () => {
    const db = openDatabase(tempFile(), { durable: false });
    const store = new SqliteReadStore(db, contractCollections, contractHistory, contractLists);
    await commitAt(store, ['a', 'b', 'c'].map((id) => item(id, '1', { group: 'g', color: 'red', tags: ['x'] })), '1');
    const query = { where: { group: 'g', tags: 'x', color: 'red' }, afterId: 'a', limit: 10 };
    const [page, plan] = await planOf(db, () => boundedPage<ContractDocs, 'items'>(store, 'items', query, { rows: 1, step: 1 }, async () => true), 'EXISTS', ['g', 'x', 'red', 'a', 'b', 10]);
    expect(page).toMatchObject({ found: [{ id: 'b' }], nextAfterId: 'b' });
    // Through the first field's index, the one the scan counted along, within the scan's ids: not
    // the other field's, which SQLite picked before (an audit run's index reads every workspace's).
    expect(plan[0]).toMatch(/^SEARCH t USING INDEX ix_items_group \(f_group=\? AND id>\? AND id<\?\)/);
    expect(plan.join(' | ')).toMatch(/SEARCH view_list_items_tags (EXISTS )?USING PRIMARY KEY \(id=\? AND value=\?\)/);
    expect(plan.join(' | ')).not.toMatch(/TEMP B-TREE|LIST SUBQUERY/);
    await store.close();
  });

  it('builds the rebuilt views\' indexes before the swap takes the write lock, so the live views stay writable meanwhile', async () => {
    const file = tempFile();
    const db = openDatabase(file, { durable: false });
    const store = new SqliteReadStore(db, contractCollections, contractHistory, contractLists);
    const target = await store.startRebuild();
    await commitAt(target.store, [item('a', '1', { group: 'g' })], '1');
    // Every statement the swap runs, and whether a transaction was open when it ran.
    const statements: { sql: string; inTransaction: boolean }[] = [];
    const exec = db.exec.bind(db);
    db.exec = (sql: string) => {
      statements.push({ sql, inTransaction: db.inTransaction });
      return exec(sql);
    };
    await target.swapIn();
    db.exec = exec;
    const indexBuilds = statements.filter((s) => /CREATE (UNIQUE )?INDEX/.test(s.sql));
    expect(indexBuilds.length).toBeGreaterThan(0);
    expect(indexBuilds.every((s) => !s.inTransaction && /ON rebuild_/.test(s.sql))).toBe(true);
    expect((await store.find('items', 'group', 'g')).map((f) => f.id)).toEqual(['a']);
    await store.close();
  });
});
