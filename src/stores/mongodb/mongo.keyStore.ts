import type { Db } from 'mongodb';
import { DuplicateDataKey, RetiringAKeptMasterKey, type KeyStore, type WrappedDataKey } from '../../crypto/keyStore.port';
import { onlyDuplicateKeys } from './mongo.mapping';

type Row = WrappedDataKey & { _id?: unknown };
/** One per data key a retirement has touched: what makes two concurrent retirements of one data key conflict. */
type RetirementGuard = { _id: string; retirements: number };

/** How many wrappings the start-up check looks at per round trip. */
const CHECK_BATCH = 1000;

/**
 * The key store in MongoDB: one document per wrapping, unique on (dataKeyId, masterKeyId).
 * Insert-only by this code but for `destroy`; for a guarantee, give the service's database user
 * no update right on this collection. Rebuilds never touch it. A destroyed wrapping is gone from
 * the collection at once, and from the oplog and backups once they have rolled past it.
 */
export class MongoKeyStore implements KeyStore {
  private ready: Promise<unknown> | null = null;

  constructor(
    private readonly db: Db,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {}

  private get keys() {
    return this.db.collection<Row>('dataKeys');
  }

  /** Retirements write here, never to `dataKeys` but to delete: see retireWrapping. */
  private get retirementGuards() {
    return this.db.collection<RetirementGuard>('dataKeyRetirements');
  }

  private indexes(): Promise<unknown> {
    // The second serves the start-up check: the master key ids (a DISTINCT_SCAN), and the wrappings under one.
    this.ready ??= Promise.all([
      this.keys.createIndex({ dataKeyId: 1, masterKeyId: 1 }, { unique: true }),
      this.keys.createIndex({ masterKeyId: 1, dataKeyId: 1 }),
    ]);
    return this.ready;
  }

  /** Several keys in one round trip; on a duplicate, the keys before it may be stored (harmless: unused). */
  async insert(...keys: WrappedDataKey[]): Promise<void> {
    if (keys.length === 0) return;
    await this.indexes();
    try {
      await this.keys.insertMany(keys.map((key) => ({ ...key })), { ordered: true });
    } catch (error) {
      if (onlyDuplicateKeys(error)) {
        const index = (error as { writeErrors?: { index: number }[] | { index: number } }).writeErrors;
        const at = Array.isArray(index) ? (index[0]?.index ?? 0) : (index?.index ?? 0);
        throw new DuplicateDataKey(keys[at]!.dataKeyId, keys[at]!.masterKeyId);
      }
      throw error;
    }
  }

  async get(dataKeyId: string): Promise<WrappedDataKey[]> {
    await this.indexes();
    const rows = await this.keys.find({ dataKeyId }, { projection: { _id: 0 } }).sort({ _id: -1 }).toArray();
    return rows.map(({ dataKeyId: id, masterKeyId, wrapped, createdAt }) => ({ dataKeyId: id, masterKeyId, wrapped, createdAt }));
  }

  async dataKeyIds(): Promise<string[]> {
    return ((await this.keys.distinct('dataKeyId')) as string[]).sort();
  }

  async destroy(dataKeyId: string): Promise<void> {
    await this.keys.deleteMany({ dataKeyId });
  }

  /**
   * A conditional delete in a multi-document transaction (a replica set is needed, as for the
   * rest of this backend in production). Snapshot isolation alone would let a retirement of k1
   * keeping k2 and one of k2 keeping k1 each see the other's wrapping and both delete (write
   * skew); so each first writes the data key's guard document, and of two such transactions one
   * fails with a write conflict, is retried by `withTransaction`, and then sees the other's deletion.
   */
  async retireWrapping(dataKeyId: string, masterKeyId: string, keepUnder: readonly string[]): Promise<boolean> {
    if (keepUnder.includes(masterKeyId)) throw new RetiringAKeptMasterKey(masterKeyId);
    if (keepUnder.length === 0) return false;
    await this.indexes();
    const session = this.db.client.startSession();
    try {
      return await session.withTransaction(async () => {
        await this.retirementGuards.updateOne({ _id: dataKeyId }, { $inc: { retirements: 1 } }, { upsert: true, session });
        const kept = await this.keys.findOne({ dataKeyId, masterKeyId: { $in: [...keepUnder] } }, { session, projection: { _id: 1 } });
        if (!kept) return false;
        return (await this.keys.deleteOne({ dataKeyId, masterKeyId }, { session })).deletedCount === 1;
      });
    } finally {
      await session.endSession();
    }
  }

  async dataKeysWithNoWrappingUnder(masterKeyIds: readonly string[], limit: number): Promise<string[]> {
    await this.indexes();
    const found = new Set<string>();
    const others = ((await this.keys.distinct('masterKeyId')) as string[]).filter((id) => !masterKeyIds.includes(id));
    for (const other of others) {
      const under = this.keys.find({ masterKeyId: other }, { projection: { _id: 0, dataKeyId: 1 } }).sort({ masterKeyId: 1, dataKeyId: 1 });
      let batch: string[] = [];
      const check = async () => {
        const opened = await this.keys.distinct('dataKeyId', { dataKeyId: { $in: batch }, masterKeyId: { $in: [...masterKeyIds] } });
        for (const id of batch) if (!opened.includes(id) && found.size < limit) found.add(id);
        batch = [];
      };
      for await (const { dataKeyId } of under) {
        batch.push(dataKeyId);
        if (batch.length === CHECK_BATCH) await check();
        if (found.size >= limit) break;
      }
      if (batch.length > 0) await check();
      if (found.size >= limit) break;
    }
    return [...found];
  }

  async close(): Promise<void> {
    await this.onClose();
  }
}
