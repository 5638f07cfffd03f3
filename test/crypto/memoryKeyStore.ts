import { DuplicateDataKey, RetiringAKeptMasterKey, type KeyStore, type WrappedDataKey } from '../../src/crypto/keyStore.port';

/** A key store in memory for unit tests; it passes the KeyStore contract (memory.keyStore.unit.spec.ts). */
export class MemoryKeyStore implements KeyStore {
  readonly wrappings: WrappedDataKey[] = [];

  async insert(...keys: WrappedDataKey[]): Promise<void> {
    const duplicate = keys.find((key, i) =>
      [...this.wrappings, ...keys.slice(0, i)].some((w) => w.dataKeyId === key.dataKeyId && w.masterKeyId === key.masterKeyId),
    );
    if (duplicate) throw new DuplicateDataKey(duplicate.dataKeyId, duplicate.masterKeyId);
    this.wrappings.push(...keys.map((key) => ({ ...key })));
  }

  async get(dataKeyId: string): Promise<WrappedDataKey[]> {
    return this.wrappings.filter((w) => w.dataKeyId === dataKeyId).reverse();
  }

  async dataKeyIds(): Promise<string[]> {
    return [...new Set(this.wrappings.map((w) => w.dataKeyId))];
  }

  async destroy(dataKeyId: string): Promise<void> {
    const kept = this.wrappings.filter((w) => w.dataKeyId !== dataKeyId);
    this.wrappings.splice(0, this.wrappings.length, ...kept);
  }

  /** Synchronous from the check to the delete: nothing runs in between. */
  async retireWrapping(dataKeyId: string, masterKeyId: string, keepUnder: readonly string[]): Promise<boolean> {
    if (keepUnder.includes(masterKeyId)) throw new RetiringAKeptMasterKey(masterKeyId);
    if (!this.wrappings.some((w) => w.dataKeyId === dataKeyId && keepUnder.includes(w.masterKeyId))) return false;
    const at = this.wrappings.findIndex((w) => w.dataKeyId === dataKeyId && w.masterKeyId === masterKeyId);
    if (at < 0) return false;
    this.wrappings.splice(at, 1);
    return true;
  }

  async dataKeysWithNoWrappingUnder(masterKeyIds: readonly string[], limit: number): Promise<string[]> {
    const ids = await this.dataKeyIds();
    return ids.filter((id) => !this.wrappings.some((w) => w.dataKeyId === id && masterKeyIds.includes(w.masterKeyId))).slice(0, limit);
  }

  async close(): Promise<void> {}
}
