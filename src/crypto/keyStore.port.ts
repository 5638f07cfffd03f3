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

/** `retireWrapping` was told to keep the very master key it retires: a caller's mistake, refused before anything is deleted. */
export class RetiringAKeptMasterKey extends Error {
  constructor(readonly masterKeyId: string) {
    super(`Master key ${masterKeyId} cannot be retired while it is among the keys that stay`);
    this.name = 'RetiringAKeptMasterKey';
  }
}

export class DuplicateDataKey extends Error {
  constructor(readonly dataKeyId: string, readonly masterKeyId: string) {
    super(`Data key ${dataKeyId} is already wrapped by master key ${masterKeyId}`);
    this.name = 'DuplicateDataKey';
  }
}

/**
 * Insert-only: a wrapping, once written, is never changed. Rotating the master key inserts a
 * new wrapping of the same data key under the new master key; the old one stays until an
 * operator retires the old master key (`retireWrapping`). The only deletions are those two
 * (DESIGN §2, §9): `destroy`, crypto-shredding, which makes everything sealed under the data key
 * unreadable for good, and retirement, which never leaves a data key without a usable wrapping.
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
  /**
   * Retiring a master key (`npm run rotate-master-key -- --retire ID`): deletes the data key's
   * wrapping under `masterKeyId` only if, in the same transaction, it sees a wrapping of that data
   * key under one of `keepUnder` (the master keys that stay), so no retirement, however many run
   * at once, leaves a data key with no wrapping a configured master key opens. Answers whether it
   * deleted one. `keepUnder` must not name `masterKeyId`.
   */
  retireWrapping(dataKeyId: string, masterKeyId: string, keepUnder: readonly string[]): Promise<boolean>;
  /**
   * Up to `limit` data keys none of whose wrappings is under one of `masterKeyIds`: those the
   * service could not open with those master keys (destroyed keys have no wrapping left, so are
   * none of them). Cheap when every wrapping is under one of them: one index probe per master key
   * id in the store; otherwise one probe per wrapping under a master key not among them.
   */
  dataKeysWithNoWrappingUnder(masterKeyIds: readonly string[], limit: number): Promise<string[]>;
  close(): Promise<void>;
}
