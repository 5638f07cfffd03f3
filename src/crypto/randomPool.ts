import { randomBytes, randomFillSync } from 'node:crypto';

/**
 * Random bytes handed out from a buffer that `fill` (the CSPRNG) refills whole when a draw no
 * longer fits: one fill per ~170 nonces or ~340 request ids instead of one call each (a call costs
 * a few microseconds here: request ids alone were 1.2% of a resolution's CPU). Each byte is handed
 * out once, copied out of the buffer; a size the buffer cannot serve (larger, or not a count) goes
 * to `randomBytes`, which draws it or throws. `fill` is a parameter for the tests.
 */
export function randomPool(fill: (buffer: Buffer) => void = randomFillSync, poolBytes = 4096): (size: number) => Buffer {
  const pool = Buffer.alloc(poolBytes);
  let used = poolBytes;
  return (size) => {
    if (!Number.isSafeInteger(size) || size < 0 || size > poolBytes) return randomBytes(size);
    if (used + size > poolBytes) {
      fill(pool);
      used = 0;
    }
    const bytes = Buffer.from(pool.subarray(used, used + size));
    used += size;
    return bytes;
  };
}

/**
 * Request ids and nonces (public, and unique is what they must be). Not for keys: they are drawn
 * on their own, so no buffer shared with anything else ever holds one.
 */
export const pooledRandomBytes = randomPool();
