import { jcs, sha256Hex } from './canonical';

/** The `prev` of a stream's first event. */
export const GENESIS = '0'.repeat(64);

/** An event as the chain sees it: where it is, and its JSON as stored. */
export type ChainedEvent = Readonly<{ stream: string; revision: number; type: string; data: unknown; metadata: Readonly<Record<string, unknown>> }>;

/**
 * An encrypted envelope (a secret's value, or a forgettable payload): an object with exactly the
 * string fields `dataKeyId`, `nonce` and `ciphertext`.
 */
export function isEnvelope(value: unknown): value is Readonly<{ dataKeyId: string; nonce: string; ciphertext: string }> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.length === 3 &&
    ['dataKeyId', 'nonce', 'ciphertext'].every((key) => typeof (value as Record<string, unknown>)[key] === 'string')
  );
}

/**
 * A JSON value with each envelope in it replaced by `{sha256: <hex of the envelope's JCS>}`: what
 * the hash covers and the export shows, so neither holds a ciphertext, and both survive shredding
 * (a destroyed key leaves the digest as it was). A digest already there stays as it is.
 */
export function digestEnvelopes(value: unknown): unknown {
  if (isEnvelope(value)) return { sha256: sha256Hex(jcs(value)) };
  if (Array.isArray(value)) return value.map(digestEnvelopes);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // A `__proto__` key stays a plain own key, as JSON.parse made it.
      Object.defineProperty(out, key, { value: digestEnvelopes(item), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/**
 * `hash = SHA-256(JCS({v: 1, stream, revision, type, data, metadata}))`, lowercase hex, over the
 * JSON as stored, envelopes as digests, and `metadata` without its own `hash` (its `prev`
 * included): DESIGN §8.
 */
export function eventHash(event: ChainedEvent): string {
  const { hash: _hash, ...metadata } = event.metadata;
  return sha256Hex(jcs({ v: 1, stream: event.stream, revision: event.revision, type: event.type, data: digestEnvelopes(event.data), metadata: digestEnvelopes(metadata) }));
}
