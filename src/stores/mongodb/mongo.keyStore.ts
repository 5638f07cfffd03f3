import type { Db } from 'mongodb';
import { DuplicateDataKey, type KeyStore, type WrappedDataKey } from '../../crypto/keyStore.port';
import { onlyDuplicateKeys } from './mongo.mapping';

type Row = WrappedDataKey & { _id?: unknown };

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

  private indexes(): Promise<unknown> {
    this.ready ??= this.keys.createIndex({ dataKeyId: 1, masterKeyId: 1 }, { unique: true });
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

  async close(): Promise<void> {
    await this.onClose();
  }
}
