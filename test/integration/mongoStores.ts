import { randomBytes } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';

export type TestDatabase = { db: Db; name: string; close: () => Promise<void>; drop: () => Promise<void> };

/** A connection of its own to a database on the MongoDB server. */
export async function connectDatabase(url: string, name: string): Promise<TestDatabase> {
  const client = await MongoClient.connect(url);
  const db = client.db(name);
  return {
    db,
    name,
    close: () => client.close(),
    drop: async () => {
      await db.dropDatabase();
      await client.close();
    },
  };
}

/** A fresh database, dropped by `drop`. */
export function freshDatabase(url: string): Promise<TestDatabase> {
  return connectDatabase(url, `secrets_test_${randomBytes(6).toString('hex')}`);
}
