import { MongoClient } from 'mongodb';
import type { CollectionSpec, DocumentMap, HistorySpec, ListSpec } from '../readStore.port';
import { MongoFollowerCheckpoints } from './mongo.followerCheckpoints';
import { MongoKeyStore } from './mongo.keyStore';
import { MongoReadStore } from './mongo.readStore';

/** The views, follower checkpoints and key store in the MongoDB database named in `url`, sharing one client. */
export async function openMongoStores<Docs extends DocumentMap>(url: string, spec: CollectionSpec<Docs>, history: HistorySpec<Docs>, lists: ListSpec<Docs>) {
  const client = await MongoClient.connect(url);
  let closing: Promise<void> | null = null;
  const closeClient = () => (closing ??= client.close());
  const db = client.db();
  return {
    readStore: new MongoReadStore(db, spec, history, lists, undefined, closeClient),
    followerCheckpoints: new MongoFollowerCheckpoints(db),
    keyStore: new MongoKeyStore(db, closeClient),
  };
}
