import type { SealedValue } from '../events/values';
import type { DataKey } from './dataKeys';
import { pooledRandomBytes } from './randomPool';
import type { Sodium } from './sodium';

const NONCE_BYTES = 24;

/**
 * Seals a text under a data key: XChaCha20-Poly1305 with a random 24-byte nonce from
 * Node's CSPRNG (`pooledRandomBytes`; libsodium-wrappers' own cost ~60 µs a call under Node),
 * `associatedData` binding it to where it belongs. The envelope is exactly `{dataKeyId, nonce,
 * ciphertext}`: the hash chain recognises envelopes by that shape, so nothing is added to it.
 */
export function sealText(sodium: Sodium, dataKey: DataKey, associatedData: string, plaintext: string): SealedValue {
  const nonce = pooledRandomBytes(NONCE_BYTES);
  const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, associatedData, null, nonce, dataKey.key);
  return {
    dataKeyId: dataKey.id,
    nonce: Buffer.from(nonce).toString('base64'),
    ciphertext: Buffer.from(ciphertext).toString('base64'),
  };
}

/** The text sealed in the envelope, or null when it does not open under this key and associated data. */
export function openText(sodium: Sodium, key: Uint8Array, associatedData: string, sealed: SealedValue): string | null {
  let bytes: Uint8Array;
  try {
    bytes = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      Buffer.from(sealed.ciphertext, 'base64'),
      associatedData,
      Buffer.from(sealed.nonce, 'base64'),
      key,
    );
  } catch {
    return null;
  }
  // Decoded by Buffer, not by libsodium's 'text' output: TextDecoder drops a leading U+FEFF,
  // and a text must come back byte for byte as it was sealed.
  const plaintext = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  bytes.fill(0);
  return plaintext;
}
