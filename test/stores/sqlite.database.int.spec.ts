import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../src/stores/sqlite/database';

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
