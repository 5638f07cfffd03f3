import { createHash, createPublicKey, type JsonWebKey } from 'node:crypto';
import { jcs } from '../../proof/canonical';

/** The algorithms an identity provider's keys may sign with (DESIGN §10). */
export type IdpAlgorithm = 'RS256' | 'ES256' | 'EdDSA';

/** A public key that verifies tokens: its `kid`, the one algorithm it is used with, and its PEM. */
export type VerifyingKey = Readonly<{ kid: string; algorithm: IdpAlgorithm; pem: string }>;

/** RSA keys shorter than this are refused (RFC 7518 §3.3 asks for 2048 bits at least). */
const MIN_RSA_BITS = 2048;

/**
 * The algorithm a JWK is for, from the key itself: RSA → RS256, EC P-256 → ES256, OKP Ed25519 →
 * EdDSA. A token's `alg` header must then equal it, so a token never picks how its key is used.
 * A JWK that says another `alg`, is not for signatures (`use`, `key_ops`), or is of any other
 * type (`oct` keys are secrets, never published verification keys) is ignored: null.
 */
export function algorithmOf(jwk: Readonly<Record<string, unknown>>): IdpAlgorithm | null {
  const byType: IdpAlgorithm | null =
    jwk.kty === 'RSA' ? 'RS256' : jwk.kty === 'EC' && jwk.crv === 'P-256' ? 'ES256' : jwk.kty === 'OKP' && jwk.crv === 'Ed25519' ? 'EdDSA' : null;
  if (byType === null) return null;
  if (jwk.alg !== undefined && jwk.alg !== byType) return null;
  if (jwk.use !== undefined && jwk.use !== 'sig') return null;
  if (jwk.key_ops !== undefined && !(Array.isArray(jwk.key_ops) && jwk.key_ops.includes('verify'))) return null;
  return byType;
}

/** The key of a published JWK, or null when it is not one this service verifies with (or is malformed). */
export function verifyingKeyOf(jwk: Readonly<Record<string, unknown>>): VerifyingKey | null {
  if (typeof jwk.kid !== 'string' || jwk.kid.length === 0 || jwk.kid.length > 256) return null;
  const algorithm = algorithmOf(jwk);
  if (algorithm === null) return null;
  // Only the public members: a JWK published with its private part must not make this a private key.
  const { kty, crv, n, e, x, y } = jwk;
  try {
    const key = createPublicKey({ key: { kty, crv, n, e, x, y } as JsonWebKey, format: 'jwk' });
    if (algorithm === 'RS256' && (key.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_BITS) return null;
    return { kid: jwk.kid, algorithm, pem: key.export({ type: 'spki', format: 'pem' }).toString() };
  } catch {
    return null;
  }
}

/**
 * The keys of a PEM file (one or more public keys, certificates' keys aside), each named by its
 * RFC 7638 JWK thumbprint: a PEM carries no `kid`, and tokens must still name their key.
 */
export function verifyingKeysOfPem(text: string): VerifyingKey[] {
  const blocks = text.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? [];
  return blocks.flatMap((block) => {
    const jwk = createPublicKey(block).export({ format: 'jwk' }) as Record<string, unknown>;
    const key = verifyingKeyOf({ ...jwk, kid: jwkThumbprint(jwk) });
    return key ? [key] : [];
  });
}

/** RFC 7638: SHA-256 over the canonical JSON of the key's required members, base64url. */
export function jwkThumbprint(jwk: Readonly<Record<string, unknown>>): string {
  const required = jwk.kty === 'RSA' ? { e: jwk.e, kty: jwk.kty, n: jwk.n } : jwk.kty === 'EC' ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y } : { crv: jwk.crv, kty: jwk.kty, x: jwk.x };
  return createHash('sha256').update(jcs(required)).digest('base64url');
}
