import type { SealedValue } from '../events/values';
import { BatchSealer } from './batchSealer';
import { UnknownDataKey, type DataKey, type DataKeys } from './dataKeys';
import { openText, sealText } from './envelope';
import type { Sodium } from './sodium';

const FINGERPRINT_BYTES = 32;
/** crypto_kdf context: exactly 8 bytes. */
const FINGERPRINT_CONTEXT = 'fngrprnt';

/** Which secret version a value belongs to; bound into the ciphertext as associated data. */
export type SecretVersionRef = Readonly<{
  scope: 'workspace' | 'personal';
  ownerId: string;
  key: string;
  version: number;
}>;

export class DecryptionFailed extends Error {
  constructor(ref: SecretVersionRef) {
    super(`The value of ${ref.scope} secret ${ref.key} version ${ref.version} failed to decrypt`);
    this.name = 'DecryptionFailed';
  }
}

/**
 * Seals and opens secret values (XChaCha20-Poly1305, random 24-byte nonce, associated data
 * binding scope, owner, key and version) and fingerprints them (BLAKE2b keyed by a key derived
 * from the secret's data key, so equal values in different secrets do not match).
 */
export class SecretCipher {
  constructor(
    private readonly sodium: Sodium,
    readonly dataKeys: DataKeys,
  ) {}

  seal(dataKey: DataKey, ref: SecretVersionRef, plaintext: string): SealedValue {
    return sealText(this.sodium, dataKey, associatedData(ref), plaintext);
  }

  async open(ref: SecretVersionRef, sealed: SealedValue): Promise<string> {
    const { key } = await this.dataKeys.get(sealed.dataKeyId);
    const plaintext = openText(this.sodium, key, associatedData(ref), sealed);
    if (plaintext === null) throw new DecryptionFailed(ref);
    return plaintext;
  }

  /** A sealer for the values of one save in a scope (see BatchSealer). */
  sealer(scope: 'workspace' | 'personal', ownerId: string): BatchSealer {
    return new BatchSealer(this, this.dataKeys, scope, ownerId);
  }

  /** The fingerprint a value would have under a data key; null when that key is gone (shredded or unknown). */
  async fingerprintUnder(dataKeyId: string, plaintext: string): Promise<string | null> {
    try {
      return this.fingerprint(await this.dataKeys.get(dataKeyId), plaintext);
    } catch (error) {
      if (error instanceof UnknownDataKey) return null;
      throw error;
    }
  }

  fingerprint(dataKey: DataKey, plaintext: string): string {
    const fingerprintKey = this.sodium.crypto_kdf_derive_from_key(FINGERPRINT_BYTES, 1, FINGERPRINT_CONTEXT, dataKey.key);
    return Buffer.from(this.sodium.crypto_generichash(FINGERPRINT_BYTES, plaintext, fingerprintKey)).toString('base64url');
  }
}

function associatedData(ref: SecretVersionRef): string {
  return `secret:v1|${ref.scope}|${ref.ownerId}|${ref.key}|${ref.version}`;
}
