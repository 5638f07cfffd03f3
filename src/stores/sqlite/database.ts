import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type SqliteDatabase = Database.Database;

/**
 * Opens one SQLite file in WAL mode. `durable` files (the event log and the key store: primary
 * data) sync on every commit; the views, which a rebuild can recreate, sync less.
 * `:memory:` opens a private in-memory database (tests).
 */
export function openDatabase(file: string, options: { durable: boolean }): SqliteDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.durable ? 'FULL' : 'NORMAL'}`);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return db;
}
