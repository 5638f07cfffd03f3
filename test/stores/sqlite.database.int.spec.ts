import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { viewCollections, viewHistory, viewLists } from '../../src/projections/views';
import { openDatabase, type SqliteDatabase } from '../../src/stores/sqlite/database';
import { openSqliteStores } from '../../src/stores/sqlite/openSqliteStores';

describe('SQLite page caches', () => {
  const opened: SqliteDatabase[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'secrets-cache-'));
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cacheKiB = (db: SqliteDatabase) => -(db.pragma('cache_size', { simple: true }) as number);

  it('are 2 MiB for the durable files (the log, the key store), which are mostly appended to', () => {
    const db = openDatabase(join(dir, 'events.sqlite'), { durable: true });
    opened.push(db);
    expect(cacheKiB(db)).toBe(2048);
  });

  it("stay at better-sqlite3's default (16,000 KiB in its build) for the views, which every query reads", () => {
    const db = openDatabase(join(dir, 'views.sqlite'), { durable: false });
    const library = new Database(':memory:');
    opened.push(db, library);
    expect(cacheKiB(db)).toBe(cacheKiB(library));
    expect(cacheKiB(db)).toBeGreaterThan(2048);
  });
});

describe('SQLite page sizes', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const pageSize = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.pragma('page_size', { simple: true });
    } finally {
      db.close();
    }
  };

  it('are 8 KiB in a views file the service makes, and stay 4 KiB in the log and the key store', async () => {
    dir = mkdtempSync(join(tmpdir(), 'secrets-pages-'));
    const { eventStore, keyStore, readStore } = openSqliteStores(dir, viewCollections, viewHistory, viewLists);
    await Promise.all([eventStore.close(), keyStore.close(), readStore.close()]);
    expect(pageSize(join(dir, 'views.sqlite'))).toBe(8192);
    expect(pageSize(join(dir, 'events.sqlite'))).toBe(4096);
    expect(pageSize(join(dir, 'keys.sqlite'))).toBe(4096);
  });

  it('stay as they were in a views file an earlier version made (SQLite fixes them when a file is made)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'secrets-pages-'));
    const earlier = new Database(join(dir, 'views.sqlite'));
    earlier.pragma('journal_mode = WAL');
    earlier.exec('CREATE TABLE earlier (id TEXT PRIMARY KEY) STRICT');
    earlier.close();
    const { eventStore, keyStore, readStore } = openSqliteStores(dir, viewCollections, viewHistory, viewLists);
    expect(await readStore.checkpoint()).toMatchObject({ position: null });
    await Promise.all([eventStore.close(), keyStore.close(), readStore.close()]);
    expect(pageSize(join(dir, 'views.sqlite'))).toBe(4096);
  });
});
