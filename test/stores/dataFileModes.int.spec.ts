import Database from 'better-sqlite3';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateDevMasterKeys } from '../../src/crypto/masterKeys';
import { loadOrCreateDevJwtSecret } from '../../src/devSecrets';
import { viewCollections, viewHistory, viewLists } from '../../src/projections/views';
import { openSqliteStores } from '../../src/stores/sqlite/openSqliteStores';

/** The service's SQLite stores in a data directory. */
const openStoresIn = (dataDir: string) => openSqliteStores(dataDir, viewCollections, viewHistory, viewLists);
const modeOf = (path: string) => statSync(path).mode & 0o777;
const octal = (mode: number) => mode.toString(8);
const modesIn = (dir: string) => Object.fromEntries(readdirSync(dir).map((name) => [name, octal(modeOf(join(dir, name)))]));

/** DESIGN: data files (log, views, key store, keys) are mode 0600 in a 0700 directory. */
describe('Data file modes', () => {
  let parent: string;
  let dataDir: string;
  let opened: ReturnType<typeof openStoresIn> | undefined;
  beforeEach(() => {
    parent = mkdtempSync(join(tmpdir(), 'secrets-modes-'));
    // Not made yet: the service makes it.
    dataDir = join(parent, 'data');
  });
  afterEach(async () => {
    if (opened) await Promise.all([opened.eventStore.close(), opened.readStore.close(), opened.keyStore.close()]);
    opened = undefined;
    rmSync(parent, { recursive: true, force: true });
  });

  it('makes the data directory 0700, whichever file it starts with', () => {
    const makers: Array<[string, (dir: string) => unknown]> = [
      ['master key', (dir) => loadOrCreateDevMasterKeys(dir, () => {})],
      ['JWT secret', (dir) => loadOrCreateDevJwtSecret(dir)],
      ['stores', (dir) => (opened = openStoresIn(dir))],
    ];
    for (const [what, make] of makers) {
      const dir = join(parent, what.replace(' ', '-'), 'data');
      make(dir);
      expect(octal(modeOf(dir)), what).toBe('700');
    }
  });

  it('makes every file of a running service 0600: logs, views, key store, their WAL and shared memory, development keys', async () => {
    loadOrCreateDevMasterKeys(dataDir, () => {});
    loadOrCreateDevJwtSecret(dataDir);
    opened = openStoresIn(dataDir);
    // Something written, so that each database has its -wal and -shm beside it.
    await opened.eventStore.headPosition();
    await opened.readStore.checkpoint();
    const modes = modesIn(dataDir);
    expect(Object.keys(modes).sort()).toEqual(
      expect.arrayContaining(['events.sqlite', 'events.sqlite-wal', 'events.sqlite-shm', 'keys.sqlite', 'keys.sqlite-wal', 'views.sqlite', 'views.sqlite-wal', 'master.key', 'jwt.secret']),
    );
    expect(Object.entries(modes).filter(([, mode]) => mode !== '600')).toEqual([]);
    expect(octal(modeOf(dataDir))).toBe('700');
  });

  it('makes database files an older version left readable 0600 when it opens them', () => {
    mkdirSync(dataDir, { recursive: true });
    // As an older version left them: made by SQLite (0644), with their WAL files (still open
    // here, as after a kill: closing the last connection would delete them).
    const older = ['events.sqlite', 'keys.sqlite', 'views.sqlite'].map((name) => {
      const file = join(dataDir, name);
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE leftover (x)');
      for (const path of [file, `${file}-wal`, `${file}-shm`]) chmodSync(path, 0o644);
      return db;
    });
    try {
      opened = openStoresIn(dataDir);
      const databases = Object.entries(modesIn(dataDir));
      expect(databases.map(([name]) => name)).toEqual(expect.arrayContaining(['events.sqlite-wal', 'keys.sqlite-shm', 'views.sqlite']));
      expect(databases.filter(([, mode]) => mode !== '600')).toEqual([]);
    } finally {
      for (const db of older) db.close();
    }
  });
});
