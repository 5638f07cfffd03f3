import { MongoClient } from 'mongodb';
import type { Config } from '../config';
import type { KeyStore } from '../crypto/keyStore.port';
import { streamPrefixes } from '../events/streams';
import type { EventStore } from './eventStore.port';
import { EsdbEventStore } from './eventstoredb/esdb.eventStore';
import type { FollowerCheckpoints } from './followerCheckpoints.port';
import { MongoFollowerCheckpoints } from './mongodb/mongo.followerCheckpoints';
import { MongoKeyStore } from './mongodb/mongo.keyStore';
import { MongoReadStore } from './mongodb/mongo.readStore';
import type { CollectionSpec, DocumentMap, HistorySpec, ReadStore } from './readStore.port';
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
 * The views' collections (`spec`, and which keep their history) come from the caller.
 */
export async function openStores<Docs extends DocumentMap>(
  config: Pick<Config, 'DATA_DIR' | 'EVENTSTORE_URL' | 'MONGODB_URL'>,
  spec: CollectionSpec<Docs>,
  history: HistorySpec<Docs> = {},
): Promise<Stores<Docs>> {
  const eventStore = config.EVENTSTORE_URL ? EsdbEventStore.connect(config.EVENTSTORE_URL, streamPrefixes) : sqliteEventStore(config.DATA_DIR);
  const events = config.EVENTSTORE_URL ? 'eventstoredb' : 'sqlite';
  if (!config.MONGODB_URL) {
    return { eventStore, ...sqliteViewStores(config.DATA_DIR, spec, history), keyStore: sqliteKeyStore(config.DATA_DIR), backends: { events, views: 'sqlite' } };
  }
  const client = await MongoClient.connect(config.MONGODB_URL);
  let closing: Promise<void> | null = null;
  const closeClient = () => (closing ??= client.close());
  const db = client.db();
  return {
    eventStore,
    readStore: new MongoReadStore(db, spec, history, undefined, closeClient),
    followerCheckpoints: new MongoFollowerCheckpoints(db),
    keyStore: new MongoKeyStore(db, closeClient),
    backends: { events, views: 'mongodb' },
  };
}
