import { join } from 'node:path';
import type { CollectionSpec, DocumentMap } from '../readStore.port';
import { openDatabase } from './database';
import { SqliteEventStore } from './sqlite.eventStore';
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
/** The views' collections come from the wiring (`spec`): the stores know no projection. */
export const sqliteReadStore = <Docs extends DocumentMap>(dataDir: string, spec: CollectionSpec<Docs>) =>
  new SqliteReadStore(openDatabase(file(dataDir, 'views.sqlite'), { durable: false }), spec);

export function openSqliteStores<Docs extends DocumentMap>(dataDir: string, spec: CollectionSpec<Docs>) {
  return { eventStore: sqliteEventStore(dataDir), keyStore: sqliteKeyStore(dataDir), readStore: sqliteReadStore(dataDir, spec) };
}
