import { LRUCache } from 'lru-cache';

/** DESIGN-silent defaults from the performance issue: a value unused for 60 s goes; at most 10,000 kept. */
export const PLAINTEXT_TTL_MS = 60_000;
export const PLAINTEXT_MAX = 10_000;
/** And at most this many characters of them in all: values are up to 64 KiB, and 10,000 of those would be ~1.3 GB. */
export const PLAINTEXT_MAX_CHARS = 16 * 1024 * 1024;

/** Which value a plaintext is: a version of a secret, sealed under a data key. */
export type ValueRef = Readonly<{ scope: 'workspace' | 'personal'; ownerId: string; key: string; version: number; dataKeyId: string }>;

/**
 * Decrypted values kept for resolution, and only while used: an entry unused for `ttlMs` goes,
 * at most `max` are kept (and `maxChars` characters in all), and every entry of a destroyed
 * data key is dropped at once. Decryption is the largest cost of a resolution; keeping every
 * value for the life of the process would put them all in a heap dump. (Strings cannot be
 * zeroed in JavaScript; the decrypted bytes are, as soon as they are decoded: SecretCipher.open.)
 */
export class PlaintextCache {
  private readonly entries: LRUCache<string, string>;

  constructor(ttlMs = PLAINTEXT_TTL_MS, max = PLAINTEXT_MAX, maxChars = PLAINTEXT_MAX_CHARS) {
    this.entries = new LRUCache<string, string>({ max, maxSize: maxChars, sizeCalculation: (value) => Math.max(1, value.length), ttl: ttlMs, updateAgeOnGet: true, ttlAutopurge: true });
  }

  get(ref: ValueRef): string | undefined {
    return this.entries.get(keyOf(ref));
  }

  set(ref: ValueRef, plaintext: string): void {
    this.entries.set(keyOf(ref), plaintext);
  }

  /** Drops every value sealed under the data key (destroyed). */
  forgetDataKey(dataKeyId: string): void {
    const suffix = `\u0000${dataKeyId}`;
    for (const key of [...this.entries.keys()]) if (key.endsWith(suffix)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

function keyOf({ scope, ownerId, key, version, dataKeyId }: ValueRef): string {
  return [scope, ownerId, key, String(version), dataKeyId].join('\u0000');
}
