import { randomBytes, randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let used = POOL_BYTES;

/**
 * Random bytes for request ids and nonces, drawn from a buffer the CSPRNG fills 4 KiB at a time:
 * one `randomFillSync` per ~170 nonces or ~340 request ids instead of one call each (a call costs
 * a few microseconds here: request ids alone were 1.2% of a resolution's CPU). Each byte is handed
 * out once, copied out of the pool. Not for keys: they are drawn on their own, so no buffer shared
 * with anything else ever holds one.
 */
export function pooledRandomBytes(size: number): Buffer {
  if (size > POOL_BYTES) return randomBytes(size);
  if (used + size > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const bytes = Buffer.from(pool.subarray(used, used + size));
  used += size;
  return bytes;
}
