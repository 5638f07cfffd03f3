import { randomBytes } from 'node:crypto';
import type { SealedValue } from '../events/values';
import { BatchSealer } from './batchSealer';
import { UnknownDataKey, type DataKey, type DataKeys } from './dataKeys';
import type { Sodium } from './sodium';

const NONCE_BYTES = 24;
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
    const nonce = new Uint8Array(randomBytes(NONCE_BYTES));
    const ciphertext = this.sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      plaintext,
      associatedData(ref),
      null,
      nonce,
      dataKey.key,
    );
    return {
      dataKeyId: dataKey.id,
      nonce: Buffer.from(nonce).toString('base64'),
      ciphertext: Buffer.from(ciphertext).toString('base64'),
    };
  }

  async open(ref: SecretVersionRef, sealed: SealedValue): Promise<string> {
    const { key } = await this.dataKeys.get(sealed.dataKeyId);
    let bytes: Uint8Array;
    try {
      bytes = this.sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        null,
        Buffer.from(sealed.ciphertext, 'base64'),
        associatedData(ref),
        Buffer.from(sealed.nonce, 'base64'),
        key,
      );
    } catch {
      throw new DecryptionFailed(ref);
    }
    // Decoded by Buffer, not by libsodium's 'text' output: TextDecoder drops a leading U+FEFF,
    // and a value must come back byte for byte as it was saved.
    const plaintext = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    bytes.fill(0);
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
