import type { Config } from '../config';
import type { KeyStore } from '../crypto/keyStore.port';
import { streamPrefixes } from '../events/streams';
import type { EventStore } from './eventStore.port';
import type { FollowerCheckpoints } from './followerCheckpoints.port';
import type { CollectionSpec, DocumentMap, HistorySpec, ListSpec, ReadStore } from './readStore.port';
import { sqliteEventStore, sqliteKeyStore, sqliteViewStores } from './sqlite/openSqliteStores';

export type Backends = Readonly<{ events: 'sqlite' | 'eventstoredb'; views: 'sqlite' | 'mongodb' }>;

export type Stores<Docs extends DocumentMap> = Readonly<{
  eventStore: EventStore;
  readStore: ReadStore<Docs>;
  followerCheckpoints: FollowerCheckpoints;
  keyStore: KeyStore;
  backends: Backends;
}>;

/**
 * EventStoreDB for the log when EVENTSTORE_URL is set; MongoDB for the views and the key store
 * when MONGODB_URL is set (the database named in the URL); the embedded SQLite files otherwise.
 * The views' collections (`spec`, which keep their history, which fields hold lists) come from
 * the caller. The
 * EventStoreDB and MongoDB clients are loaded only when configured: on the embedded default they
 * would cost ~35 MiB of memory and ~180 ms of start-up for nothing (the build splits them out).
 */
export async function openStores<Docs extends DocumentMap>(
  config: Pick<Config, 'DATA_DIR' | 'EVENTSTORE_URL' | 'MONGODB_URL'>,
  spec: CollectionSpec<Docs>,
  history: HistorySpec<Docs>,
  lists: ListSpec<Docs>,
): Promise<Stores<Docs>> {
  const eventStore = config.EVENTSTORE_URL
    ? (await import('./eventstoredb/esdb.eventStore')).EsdbEventStore.connect(config.EVENTSTORE_URL, streamPrefixes)
    : sqliteEventStore(config.DATA_DIR);
  const events = config.EVENTSTORE_URL ? 'eventstoredb' : 'sqlite';
  if (!config.MONGODB_URL) {
    return { eventStore, ...sqliteViewStores(config.DATA_DIR, spec, history, lists), keyStore: sqliteKeyStore(config.DATA_DIR), backends: { events, views: 'sqlite' } };
  }
  const { openMongoStores } = await import('./mongodb/openMongoStores');
  return { eventStore, ...(await openMongoStores(config.MONGODB_URL, spec, history, lists)), backends: { events, views: 'mongodb' } };
}
