import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JCS) canonical JSON of a JSON value: the one text every hash of this service is
 * taken over. Like JSON.stringify, it leaves out object fields that are undefined, so a value
 * hashes the same before it is stored and after it is read back.
 */
export function jcs(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('Only JSON values have a canonical form');
  return text;
}

export function sha256Hex(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
