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
/** The views and the followers' checkpoints share one file, rebuildable, synced less often; the views' collections come from the wiring (`spec`). */
export function sqliteViewStores<Docs extends DocumentMap>(dataDir: string, spec: CollectionSpec<Docs>, history: HistorySpec<Docs>, lists: ListSpec<Docs>) {
  const db = openDatabase(file(dataDir, 'views.sqlite'), { durable: false });
  return { readStore: new SqliteReadStore(db, spec, history, lists), followerCheckpoints: new SqliteFollowerCheckpoints(db) };
}

export function openSqliteStores<Docs extends DocumentMap>(dataDir: string, spec: CollectionSpec<Docs>, history: HistorySpec<Docs>, lists: ListSpec<Docs>) {
  return { eventStore: sqliteEventStore(dataDir), keyStore: sqliteKeyStore(dataDir), ...sqliteViewStores(dataDir, spec, history, lists) };
}
