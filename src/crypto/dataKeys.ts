import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { DuplicateDataKey, type KeyStore, type WrappedDataKey } from './keyStore.port';
import type { MasterKeys } from './masterKeys';
import type { Sodium } from './sodium';

const NONCE_BYTES = 24;
const KEY_BYTES = 32;
/** Unwrapped data keys kept in memory: 32 bytes each, so many can stay. */
const CACHE_LIMIT = 50_000;

export type DataKey = Readonly<{ id: string; key: Uint8Array }>;

export class UnknownDataKey extends Error {
  constructor(readonly dataKeyId: string) {
    super(`No usable wrapping of data key ${dataKeyId} (unknown id, or its master key is not configured)`);
    this.name = 'UnknownDataKey';
  }
}

/**
 * Data keys: random 32-byte keys, one per secret (a new one after the secret is deleted), one
 * per subject of personal data, and the blind-index key, stored wrapped by the active master
 * key with XChaCha20-Poly1305. The wrapping's associated
 * data names the data key and master key, so a wrapping cannot be passed off as another's.
 */
export class DataKeys {
  private readonly cache = new LRUCache<string, Uint8Array>({ max: CACHE_LIMIT });
  /** Keys with a fixed id being made in this process: concurrent callers share one. */
  private readonly making = new Map<string, Promise<DataKey>>();

  constructor(
    private readonly sodium: Sodium,
    private readonly keyStore: KeyStore,
    private readonly masterKeys: MasterKeys,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Makes a data key and writes it to the key store before anyone can name it in an event. */
  async create(): Promise<DataKey> {
    const [created] = await this.createMany(1);
    return created!;
  }

  /** Makes `count` data keys, written to the key store together. */
  async createMany(count: number): Promise<DataKey[]> {
    const created = Array.from({ length: count }, () => ({
      id: `dk_${randomBytes(12).toString('hex')}`,
      key: new Uint8Array(randomBytes(KEY_BYTES)),
    }));
    if (count === 0) return created;
    await this.keyStore.insert(...created.map(({ id, key }) => this.wrap(id, key, this.masterKeys.activeId)));
    for (const { id, key } of created) this.remember(id, key);
    return created;
  }

  async get(id: string): Promise<DataKey> {
    const cached = this.cache.get(id);
    if (cached) return { id, key: cached };
    const wrappings = await this.keyStore.get(id);
    const usable =
      wrappings.find((w) => w.masterKeyId === this.masterKeys.activeId) ??
      wrappings.find((w) => this.masterKeys.byId.has(w.masterKeyId));
    if (!usable) throw new UnknownDataKey(id);
    const key = this.unwrap(usable);
    this.remember(id, key);
    return { id, key };
  }

  /**
   * The key with a fixed id (the blind-index key, a subject's key), made and stored on first use.
   * A key made meanwhile by another process (DuplicateDataKey) is read back. A key stored only
   * under master keys this process lacks is UnknownDataKey, never replaced by a new one. After a
   * destroy, the id gets a new key: what the old one sealed stays unreadable.
   */
  getOrCreate(id: string): Promise<DataKey> {
    const cached = this.cache.get(id);
    if (cached) return Promise.resolve({ id, key: cached });
    let making = this.making.get(id);
    if (!making) {
      making = this.readOrMake(id).finally(() => this.making.delete(id));
      this.making.set(id, making);
    }
    return making;
  }

  private async readOrMake(id: string): Promise<DataKey> {
    if ((await this.keyStore.get(id)).length > 0) return this.get(id);
    const key = new Uint8Array(randomBytes(KEY_BYTES));
    try {
      await this.keyStore.insert(this.wrap(id, key, this.masterKeys.activeId));
    } catch (error) {
      if (error instanceof DuplicateDataKey) return this.get(id);
      throw error;
    }
    this.remember(id, key);
    return { id, key };
  }

  /**
   * Crypto-shredding (DESIGN §2, §9): removes every wrapping of the key from the key store and
   * forgets it here, so nothing it sealed can be opened again by this process. Idempotent.
   */
  async destroy(id: string): Promise<void> {
    this.forget(id);
    await this.keyStore.destroy(id);
  }

  /** Drops the unwrapped key from this process's cache (another instance destroyed it). */
  forget(id: string): void {
    this.cache.delete(id);
  }

  /**
   * Wraps every data key under the active master key where it is not yet, so older master keys
   * can be retired. Returns how many wrappings it added. Events are not touched.
   */
  async rewrapAll(): Promise<{ rewrapped: number; total: number }> {
    const ids = await this.keyStore.dataKeyIds();
    let rewrapped = 0;
    for (const id of ids) {
      const wrappings = await this.keyStore.get(id);
      if (wrappings.some((w) => w.masterKeyId === this.masterKeys.activeId)) continue;
      const { key } = await this.get(id);
      await this.keyStore.insert(this.wrap(id, key, this.masterKeys.activeId));
      rewrapped += 1;
    }
    return { rewrapped, total: ids.length };
  }

  private wrap(dataKeyId: string, key: Uint8Array, masterKeyId: string): WrappedDataKey {
    const masterKey = this.masterKeys.byId.get(masterKeyId)!;
    const nonce = new Uint8Array(randomBytes(NONCE_BYTES));
    const sealed = this.sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      key,
      wrapAssociatedData(dataKeyId, masterKeyId),
      null,
      nonce,
      masterKey,
    );
    return {
      dataKeyId,
      masterKeyId,
      wrapped: Buffer.concat([nonce, sealed]).toString('base64'),
      createdAt: this.now().toISOString(),
    };
  }

  private unwrap(wrapping: WrappedDataKey): Uint8Array {
    const bytes = Buffer.from(wrapping.wrapped, 'base64');
    return this.sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      bytes.subarray(NONCE_BYTES),
      wrapAssociatedData(wrapping.dataKeyId, wrapping.masterKeyId),
      bytes.subarray(0, NONCE_BYTES),
      this.masterKeys.byId.get(wrapping.masterKeyId)!,
    );
  }

  private remember(id: string, key: Uint8Array) {
    this.cache.set(id, key);
  }
}

function wrapAssociatedData(dataKeyId: string, masterKeyId: string): string {
  return `datakey:v1|${dataKeyId}|${masterKeyId}`;
}
