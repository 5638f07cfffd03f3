import { describe, expect, it } from 'vitest';
import { PlaintextCache } from '../../src/resolver/plaintextCache';

const ref = (key: string, dataKeyId = `dk_${key}`, version = 1) => ({ scope: 'workspace' as const, ownerId: 'ws', key, version, dataKeyId });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('The plaintext cache of resolution', () => {
  it('keeps a value while it is used, and lets it go once unused for the time-to-live', async () => {
    const cache = new PlaintextCache(80, 10);
    cache.set(ref('A'), 'a');
    await sleep(50);
    expect(cache.get(ref('A'))).toBe('a');
    await sleep(50);
    // Read 50 ms ago: still there; unread for longer than 80 ms: gone.
    expect(cache.get(ref('A'))).toBe('a');
    await sleep(120);
    expect(cache.get(ref('A'))).toBeUndefined();
  });

  it('holds at most its bound, the least recently used going first', () => {
    const cache = new PlaintextCache(60_000, 3);
    for (const key of ['A', 'B', 'C']) cache.set(ref(key), key);
    cache.get(ref('A'));
    cache.set(ref('D'), 'd');
    expect(cache.size).toBe(3);
    expect(cache.get(ref('B'))).toBeUndefined();
    expect(cache.get(ref('A'))).toBe('A');
  });

  // Values are up to 64 KiB: 10,000 of them would be ~1.3 GB of strings in the heap.
  it('holds at most its bound of characters, the least recently used going first', () => {
    const cache = new PlaintextCache(60_000, 10_000, 100_000);
    for (const key of ['A', 'B', 'C']) cache.set(ref(key), key.repeat(40_000));
    expect(cache.size).toBe(2);
    expect(cache.get(ref('A'))).toBeUndefined();
    expect(cache.get(ref('C'))).toBe('C'.repeat(40_000));
  });

  it('drops every value of a destroyed data key, and only those', () => {
    const cache = new PlaintextCache();
    cache.set(ref('A', 'dk_1', 1), 'a1');
    cache.set(ref('A', 'dk_1', 2), 'a2');
    cache.set(ref('B', 'dk_2'), 'b');
    cache.forgetDataKey('dk_1');
    expect([cache.get(ref('A', 'dk_1', 1)), cache.get(ref('A', 'dk_1', 2)), cache.get(ref('B', 'dk_2'))]).toEqual([undefined, undefined, 'b']);
  });

  it('tells versions and data keys apart', () => {
    const cache = new PlaintextCache();
    cache.set(ref('A', 'dk_1', 1), 'old');
    expect(cache.get(ref('A', 'dk_1', 2))).toBeUndefined();
    expect(cache.get(ref('A', 'dk_other', 1))).toBeUndefined();
  });
});
