import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivateDir } from '../dataFiles';
import type { Sodium } from '../crypto/sodium';
import { keyIdSchema, sealSigningText, type Seal, type SignedSeal } from './seal';

const SEED_BYTES = 32;
const DEV_KEY_FILE = 'audit-signing.key';

/** The Ed25519 key that signs seals: `AUDIT_SIGNING_KEY=<id>:<base64 of a 32-byte seed>`. */
export type SigningKey = Readonly<{ keyId: string; publicKey: string; sign(seal: Seal): SignedSeal }>;

/** A public key a verifier trusts: `<id>:<base64 of the 32-byte Ed25519 public key>`. */
export type PublicKey = Readonly<{ keyId: string; publicKey: string }>;

function splitKeyText(text: string, what: string): { keyId: string; bytes: Buffer } {
  const colon = text.indexOf(':');
  const keyId = keyIdSchema.safeParse(text.slice(0, colon));
  const bytes = Buffer.from(text.slice(colon + 1).trim(), 'base64');
  if (colon < 0 || !keyId.success || bytes.length !== SEED_BYTES) throw new Error(`${what} must be <id>:<base64 of 32 bytes>`);
  return { keyId: keyId.data, bytes };
}

/** Whether text has the form of AUDIT_SIGNING_KEY (checked with the configuration, before anything starts). */
export function isKeyText(text: string): boolean {
  try {
    splitKeyText(text, 'key');
    return true;
  } catch {
    return false;
  }
}

export function parseSigningKey(text: string, sodium: Sodium): SigningKey {
  const { keyId, bytes } = splitKeyText(text, 'AUDIT_SIGNING_KEY');
  const pair = sodium.crypto_sign_seed_keypair(bytes);
  return {
    keyId,
    publicKey: Buffer.from(pair.publicKey).toString('base64'),
    sign: (seal) => ({ ...seal, signature: Buffer.from(sodium.crypto_sign_detached(sealSigningText(seal), pair.privateKey)).toString('base64') }),
  };
}

export function parsePublicKey(text: string): PublicKey {
  const { keyId, bytes } = splitKeyText(text, 'A public key');
  return { keyId, publicKey: bytes.toString('base64') };
}

/** Whether the seal's signature holds under the public key (base64). */
export function sealSignatureHolds(seal: SignedSeal, publicKey: string, sodium: Sodium): boolean {
  const key = Buffer.from(publicKey, 'base64');
  const signature = Buffer.from(seal.signature, 'base64');
  if (key.length !== sodium.crypto_sign_PUBLICKEYBYTES || signature.length !== sodium.crypto_sign_BYTES) return false;
  try {
    return sodium.crypto_sign_verify_detached(signature, sealSigningText(seal), key);
  } catch {
    return false;
  }
}

/** A new key, as AUDIT_SIGNING_KEY takes it. */
export function newSigningKeyText(keyId: string): string {
  return `${keyIdSchema.parse(keyId)}:${randomBytes(SEED_BYTES).toString('base64')}`;
}

/**
 * Development only: a signing key generated into the data directory (mode 0600). A seal signed by
 * a key kept beside the log proves little against whoever holds the data directory; production
 * refuses to start without AUDIT_SIGNING_KEY (src/config.ts).
 */
export function loadOrCreateDevSigningKey(dataDir: string): string {
  const file = join(dataDir, DEV_KEY_FILE);
  if (!existsSync(file)) {
    makePrivateDir(dataDir);
    writeFileSync(file, `${newSigningKeyText(`dev-${randomBytes(4).toString('hex')}`)}\n`, { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}
