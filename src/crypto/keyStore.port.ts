/**
 * A data key wrapped (encrypted) by one master key. The key store is primary data, not a view:
 * it holds the only copies of the data keys, rebuilds never touch it, and backups must include it.
 */
export type WrappedDataKey = Readonly<{
  dataKeyId: string;
  masterKeyId: string;
  /** base64 of nonce ‖ XChaCha20-Poly1305 ciphertext of the 32-byte data key. */
  wrapped: string;
  createdAt: string;
}>;

export class DuplicateDataKey extends Error {
  constructor(readonly dataKeyId: string, readonly masterKeyId: string) {
    super(`Data key ${dataKeyId} is already wrapped by master key ${masterKeyId}`);
    this.name = 'DuplicateDataKey';
  }
}

/**
 * Insert-only: a wrapping, once written, is never changed. Rotating the master key inserts a
 * new wrapping of the same data key under the new master key; the old one stays until an
 * operator removes the old master key's wrappings. The one deletion is `destroy` (DESIGN §2, §9):
 * crypto-shredding, which makes everything sealed under the data key unreadable for good.
 */
export interface KeyStore {
  /**
   * Writes wrappings, several in one go where the backend allows (SQLite: one transaction, all or
   * nothing). Throws DuplicateDataKey when a data key already has a wrapping by that master key.
   */
  insert(...keys: WrappedDataKey[]): Promise<void>;
  /** Every wrapping of the data key, newest first; empty when it is unknown. */
  get(dataKeyId: string): Promise<WrappedDataKey[]>;
  /** Every data key id, for rotation. */
  dataKeyIds(): Promise<string[]>;
  /**
   * Removes every wrapping of the data key, under every master key (crypto-shredding).
   * Idempotent: an id already destroyed, or never stored, is no error. The id may be wrapped
   * again afterwards, as a new key (a subject key made anew after an erasure).
   */
  destroy(dataKeyId: string): Promise<void>;
  close(): Promise<void>;
}
