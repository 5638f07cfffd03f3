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
  const fields = value as Record<string, unknown>;
  // The field checks first: most objects have no ciphertext, and counting keys allocates.
  return typeof fields.ciphertext === 'string' && typeof fields.nonce === 'string' && typeof fields.dataKeyId === 'string' && Object.keys(value).length === 3;
}

/**
 * A JSON value with each envelope in it replaced by `{sha256: <hex of the envelope's JCS>}`: what
 * the hash covers and the export shows, so neither holds a ciphertext, and both survive shredding
 * (a destroyed key leaves the digest as it was). A digest already there stays as it is. Only the
 * objects and arrays on the way to an envelope are copied (the input is never changed): hashing
 * runs for every event written, and most hold no envelope at all.
 */
export function digestEnvelopes(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (isEnvelope(value)) return { sha256: sha256Hex(jcs(value)) };
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item: unknown, i) => {
      const digested = digestEnvelopes(item);
      if (digested !== item) (copy ??= [...value])[i] = digested;
    });
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const digested = digestEnvelopes(item);
    if (digested !== item) setOwn((copy ??= copyOf(value)), key, digested);
  }
  return copy ?? value;
}

/** A shallow copy keeping every own key as an own key (`__proto__` included, as JSON.parse made it). */
function copyOf(value: object): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) setOwn(copy, key, item);
  return copy;
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
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
