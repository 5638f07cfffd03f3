import { describe, expect, it } from 'vitest';
import { pooledRandomBytes, randomPool } from '../../src/crypto/randomPool';

describe('Pooled random bytes', () => {
  it('hand out every filled byte at most once, in order, a fill starting over only when a draw does not fit', () => {
    // Each fill writes a stretch of a counter, so a byte handed out twice, or skipped inside a fill, shows.
    let next = 0;
    const fills: number[] = [];
    const draw = randomPool((buffer) => {
      fills.push(next);
      for (let i = 0; i < buffer.length; i += 1) buffer[i] = (next + i) % 256;
      next += buffer.length;
    }, 64);
    let expected = 0;
    let fillEnd = 0;
    for (const size of [0, 1, 12, 24, 25, 63, 64, 5, 40, 30, 64, 0, 7]) {
      const bytes = draw(size);
      expect(bytes).toHaveLength(size);
      if (size === 0) continue;
      if (expected + size > fillEnd) {
        // It did not fit: a new fill, drawn from its start.
        expected = fills.at(-1)!;
        fillEnd = expected + 64;
      }
      expect([...bytes]).toEqual(Array.from({ length: size }, (_, i) => (expected + i) % 256));
      expected += size;
    }
    expect(fills.length).toBeGreaterThan(4);
  });

  it('give copies: a later fill does not change bytes already handed out', () => {
    const first = pooledRandomBytes(12);
    const kept = Buffer.from(first);
    for (let i = 0; i < 1000; i += 1) pooledRandomBytes(12);
    expect(first.equals(kept)).toBe(true);
  });

  it('draw a size larger than the pool directly, and refuse a size that is no count', () => {
    expect(pooledRandomBytes(10_000)).toHaveLength(10_000);
    expect(() => pooledRandomBytes(-1)).toThrow(RangeError);
    expect(() => pooledRandomBytes(Number.NaN)).toThrow();
    // The pool is unharmed: draws go on.
    expect(new Set(Array.from({ length: 100 }, () => pooledRandomBytes(24).toString('hex'))).size).toBe(100);
  });
});
