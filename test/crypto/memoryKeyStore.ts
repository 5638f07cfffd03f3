import { DuplicateDataKey, type KeyStore, type WrappedDataKey } from '../../src/crypto/keyStore.port';

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

  async close(): Promise<void> {}
}
