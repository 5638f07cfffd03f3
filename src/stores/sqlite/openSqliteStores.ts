import { join } from 'node:path';
import { viewCollections } from '../../projections/views';
import { openDatabase } from './database';
import { SqliteEventStore } from './sqlite.eventStore';
import { SqliteKeyStore } from './sqlite.keyStore';
import { SqliteReadStore } from './sqlite.readStore';

/**
 * The embedded default: three SQLite files in the data directory, one per port, so the event
 * log and the key store (primary data, to back up) stay apart from the views (rebuildable).
 * `:memory:` keeps all three in memory (tests).
 */
export function openSqliteStores(dataDir: string) {
  const file = (name: string) => (dataDir === ':memory:' ? ':memory:' : join(dataDir, name));
  return {
    eventStore: new SqliteEventStore(openDatabase(file('events.sqlite'), { durable: true })),
    keyStore: new SqliteKeyStore(openDatabase(file('keys.sqlite'), { durable: true })),
    readStore: new SqliteReadStore(openDatabase(file('views.sqlite'), { durable: false }), viewCollections),
  };
}
