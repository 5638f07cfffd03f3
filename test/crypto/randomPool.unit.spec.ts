import { describe, expect, it } from 'vitest';
import { pooledRandomBytes } from '../../src/crypto/randomPool';

describe('Pooled random bytes', () => {
  it('hands out each drawn byte once, across refills of the pool', () => {
    // 1,000 draws of 24 bytes go through the 4 KiB pool about six times.
    const drawn = Array.from({ length: 1000 }, () => pooledRandomBytes(24));
    expect(drawn.every((bytes) => bytes.length === 24)).toBe(true);
    expect(new Set(drawn.map((bytes) => bytes.toString('hex'))).size).toBe(1000);
  });

  it('gives copies: a later refill does not change bytes already handed out', () => {
    const first = pooledRandomBytes(12);
    const kept = Buffer.from(first);
    for (let i = 0; i < 1000; i += 1) pooledRandomBytes(12);
    expect(first.equals(kept)).toBe(true);
  });

  it('draws a size larger than the pool directly', () => {
    expect(pooledRandomBytes(10_000)).toHaveLength(10_000);
  });
});
