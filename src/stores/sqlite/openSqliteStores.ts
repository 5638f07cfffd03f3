import { join } from 'node:path';
import type { CollectionSpec, DocumentMap, HistorySpec, ListSpec } from '../readStore.port';
import { openDatabase } from './database';
import { SqliteEventStore } from './sqlite.eventStore';
import { SqliteFollowerCheckpoints } from './sqlite.followerCheckpoints';
import { SqliteKeyStore } from './sqlite.keyStore';
import { SqliteReadStore } from './sqlite.readStore';

/**
 * The embedded default: one SQLite file per port in the data directory, so the event log and the
 * key store (primary data, to back up) stay apart from the views (rebuildable).
 * `:memory:` keeps them in memory (tests).
 */
const file = (dataDir: string, name: string) => (dataDir === ':memory:' ? ':memory:' : join(dataDir, name));

export const sqliteEventStore = (dataDir: string) => new SqliteEventStore(openDatabase(file(dataDir, 'events.sqlite'), { durable: true }));
export const sqliteKeyStore = (dataDir: string) => new SqliteKeyStore(openDatabase(file(dataDir, 'keys.sqlite'), { durable: true }));
/**
 * How many pages (4 KiB) the views' write-ahead log gathers before SQLite copies them into the
 * file: 10 times SQLite's default. The projector rewrites the same pages (an audit table's last
 * leaf, index pages, the checkpoint row) in every commit; a longer log copies each of them once
 * per ~40 MiB instead of once per ~4 MiB. Measured A/B (`npm run bench:compare`):
 * −2 to −7% CPU per resolution and −2 to −6% per batch save in two runs of 4 and 6 rounds;
 * a rebuild, whose pages are mostly new, is unchanged.
 * The price: each copy holds the process longer (~40 ms instead of ~6 ms, ten times less often,
 * under a sustained write load), and the `-wal` file keeps its largest size, ~40 MiB, while the
 * service runs. No copying at all was slower (+7%: reads search a growing log), and the event
 * log, whose pages are mostly new, gained nothing from a longer one.
 */
export const VIEWS_WAL_PAGES = 10_000;

/** The views and the followers' checkpoints share one file, rebuildable, synced less often; the views' collections come from the wiring (`spec`). */
export function sqliteViewStores<Docs extends DocumentMap>(dataDir: string, spec: CollectionSpec<Docs>, history: HistorySpec<Docs>, lists: ListSpec<Docs>) {
  const db = openDatabase(file(dataDir, 'views.sqlite'), { durable: false });
  db.pragma(`wal_autocheckpoint = ${VIEWS_WAL_PAGES}`);
  return { readStore: new SqliteReadStore(db, spec, history, lists), followerCheckpoints: new SqliteFollowerCheckpoints(db) };
}

export function openSqliteStores<Docs extends DocumentMap>(dataDir: string, spec: CollectionSpec<Docs>, history: HistorySpec<Docs>, lists: ListSpec<Docs>) {
  return { eventStore: sqliteEventStore(dataDir), keyStore: sqliteKeyStore(dataDir), ...sqliteViewStores(dataDir, spec, history, lists) };
}
