import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { verifyingKeyOf, verifyingKeysOfPem, type VerifyingKey } from './verifyingKey';

/** A provider that does not answer within this is treated as a failed fetch (the keys before stay). */
const FETCH_TIMEOUT_MS = 5_000;
/** A key set larger than this is refused: a provider publishes a handful of keys. */
const MAX_JWKS_BYTES = 1024 * 1024;

const jwksSchema = z.object({ keys: z.array(z.record(z.string(), z.unknown())).max(1000) });

/** The keys published at a JWKS URL (JWT_JWKS_URL); keys this service does not verify with are left out. */
export function jwksUrlSource(url: string): () => Promise<readonly VerifyingKey[]> {
  return async () => {
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'application/json' }, redirect: 'error' });
    if (!response.ok) throw new Error(`JWKS fetch from ${url} answered ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_JWKS_BYTES) throw new Error(`JWKS at ${url} is larger than ${MAX_JWKS_BYTES} bytes`);
    const text = await response.text();
    if (text.length > MAX_JWKS_BYTES) throw new Error(`JWKS at ${url} is larger than ${MAX_JWKS_BYTES} bytes`);
    const { keys } = jwksSchema.parse(JSON.parse(text));
    return keys.flatMap((jwk) => verifyingKeyOf(jwk) ?? []);
  };
}

/** The public keys of a PEM file (JWT_PUBLIC_KEY_FILE), read again on each fetch so a key can be rotated in place. */
export function pemFileSource(path: string): () => Promise<readonly VerifyingKey[]> {
  return async () => verifyingKeysOfPem(await readFile(path, 'utf8'));
}
