import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { makePrivateDir, makePrivateFile, narrowIfPresent } from '../../dataFiles';

export type SqliteDatabase = Database.Database;

/**
 * The page cache of the log and the key store, in KiB (better-sqlite3's build sets 16,000 KiB a
 * connection). Both are mostly appended to; what is read back comes from memory above them
 * (the log's recent appends, record heads, stream states, data keys) or from the OS's file
 * cache. Measured: RSS after 8 s of resolutions 244–249 → 225–238 MiB, CPU per resolution and
 * per batch save within the noise (−2%, −3%; `npm run bench:compare`, 6 rounds).
 */
const DURABLE_CACHE_KIB = 2048;

/**
 * Opens one SQLite file in WAL mode. `durable` files (the event log and the key store: primary
 * data) sync on every commit; the views file, whose views a rebuild can recreate, syncs less.
 * `:memory:` opens a private in-memory database (tests).
 *
 * Files are 0600 in a 0700 directory. SQLite gives the -wal and -shm files it makes the
 * database file's mode, so the database file is made 0600 before SQLite opens it; WAL files an
 * older version left behind (0644) are narrowed once open.
 */
export function openDatabase(file: string, options: { durable: boolean; /** Bytes per page of a file this makes (SQLite keeps an existing file's). */ pageSize?: number }): SqliteDatabase {
  const onDisk = file !== ':memory:';
  if (onDisk) {
    makePrivateDir(dirname(file));
    makePrivateFile(file);
  }
  const db = new Database(file);
  // Before WAL mode: switching an empty file to WAL writes its header, which fixes the page size.
  // On a file that already holds a database this does nothing (README, "The views file's pages").
  if (options.pageSize !== undefined) db.pragma(`page_size = ${options.pageSize}`);
  db.pragma('journal_mode = WAL');
  if (onDisk) for (const suffix of ['-wal', '-shm']) narrowIfPresent(`${file}${suffix}`);
  db.pragma(`synchronous = ${options.durable ? 'FULL' : 'NORMAL'}`);
  if (options.durable) db.pragma(`cache_size = -${DURABLE_CACHE_KIB}`);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return db;
}
