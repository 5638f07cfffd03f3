import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { makePrivateDir, makePrivateFile, narrowIfPresent } from '../../dataFiles';

export type SqliteDatabase = Database.Database;

/**
 * Opens one SQLite file in WAL mode. `durable` files (the event log and the key store: primary
 * data) sync on every commit; the views, which a rebuild can recreate, sync less.
 * `:memory:` opens a private in-memory database (tests).
 *
 * Files are 0600 in a 0700 directory. SQLite gives the -wal and -shm files it makes the
 * database file's mode, so the database file is made 0600 before SQLite opens it; WAL files an
 * older version left behind (0644) are narrowed once open.
 */
export function openDatabase(file: string, options: { durable: boolean }): SqliteDatabase {
  const onDisk = file !== ':memory:';
  if (onDisk) {
    makePrivateDir(dirname(file));
    makePrivateFile(file);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  if (onDisk) for (const suffix of ['-wal', '-shm']) narrowIfPresent(`${file}${suffix}`);
  db.pragma(`synchronous = ${options.durable ? 'FULL' : 'NORMAL'}`);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return db;
}
