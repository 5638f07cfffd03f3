import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEALS_STREAM } from '../../src/events/streams';
import { lastSealedHeads, type SealedHead } from '../../src/proof/anchors';
import { sha256Hex } from '../../src/proof/canonical';
import type { EventStore, StoredEvent } from '../../src/stores/eventStore.port';

type Heads = readonly (readonly [string, number])[];
const HASH = 'a'.repeat(64);
const hashOf = (stream: string, revision: number) => sha256Hex(`${stream}:${revision}`);

/** A seals stream of one key and the seals given (each with the heads it moved), and how many events were read from it. */
function sealsStore(seals: readonly Heads[]) {
  const metadata = { actor: 'system', at: '2026-11-30T12:00:00.000Z', schemaVersion: 1 as const };
  const key: StoredEvent = { streamId: SEALS_STREAM, revision: 1, position: '1', type: 'SigningKeyIntroduced', data: { keyId: 'k1', algorithm: 'Ed25519', publicKey: 'pk' }, metadata };
  const sealed = seals.map((heads, i): StoredEvent => {
    const sequence = i + 1;
    const seal = { sequence, at: metadata.at, position: String(i + 2), root: HASH, size: 0, prevSeal: HASH, keyId: 'k1', signature: 'sig' };
    return { streamId: SEALS_STREAM, revision: i + 2, position: String(i + 2), type: 'Sealed', data: { seal, heads: heads.map(([s, r]) => [s, r, hashOf(s, r)]) }, metadata };
  });
  const events = [key, ...sealed];
  let read = 0;
  const counted = (page: StoredEvent[]) => ((read += page.length), page);
  const store: Pick<EventStore, 'readStream' | 'readStreamBackwards'> = {
    readStream: async (_stream, after = 0, limit = Infinity) => counted(events.filter((e) => e.revision > after).slice(0, limit)),
    readStreamBackwards: async (_stream, before, limit) => counted(events.filter((e) => before === null || e.revision < before).reverse().slice(0, limit)),
  };
  return { store, read: () => read };
}

/**
 * The rule as first written, reading every seal from the first: for each stream, its last sealed
 * head at or before the limit, and the seal before the first one that moved it past the limit
 * (else `newest`). The oracle the reading from the newest seal back must agree with.
 */
function fromTheFirstSeal(seals: readonly Heads[], limits: ReadonlyMap<string, number>, newest: number): Map<string, SealedHead> {
  const found = new Map<string, SealedHead & { closed: boolean }>();
  seals.slice(0, newest).forEach((heads, i) => {
    for (const [stream, revision] of heads) {
      const limit = limits.get(stream);
      const head = found.get(stream);
      if (limit === undefined || head?.closed) continue;
      if (revision <= limit) found.set(stream, { revision, hash: hashOf(stream, revision), seal: i + 1, closed: false });
      else if (head) found.set(stream, { ...head, seal: i, closed: true });
    }
  });
  return new Map([...found].map(([stream, { revision, hash, seal, closed }]) => [stream, { revision, hash, seal: closed ? seal : newest }]));
}

/** Seals over three streams, each moving some of them forward. */
const sealsArbitrary = fc.array(fc.subarray(['A', 'B', 'C'], { minLength: 1 }), { minLength: 1, maxLength: 30 }).map((moves) => {
  const revisions = new Map<string, number>();
  return moves.map((streams): Heads => streams.map((stream) => [stream, (revisions.set(stream, (revisions.get(stream) ?? 0) + 1 + (stream.charCodeAt(0) % 2)), revisions.get(stream)!)] as const));
});

describe('lastSealedHeads (where the pruner prunes to, and an export anchors what was pruned)', () => {
  it('finds what a reading from the first seal finds, for any seals, limits and newest seal', async () => {
    await fc.assert(
      fc.asyncProperty(sealsArbitrary, fc.record({ A: fc.nat(40), B: fc.nat(40), C: fc.nat(40) }, { requiredKeys: [] }), fc.nat(), async (seals, limitsOf, pick) => {
        const limits = new Map(Object.entries(limitsOf));
        const newest = 1 + (pick % seals.length);
        const found = await lastSealedHeads(sealsStore(seals).store, limits, newest);
        expect(found).toEqual(fromTheFirstSeal(seals, limits, newest));
      }),
    );
  });

  it('reads back from the newest seal only as far as the streams asked for need, not every seal ever made', async () => {
    // 3,000 seals, each moving A one revision: A's head at 2,990 is ten seals back.
    const seals = Array.from({ length: 3000 }, (_, i): Heads => [['A', i + 1]]);
    const { store, read } = sealsStore(seals);
    const found = await lastSealedHeads(store, new Map([['A', 2990]]), 3000);
    expect(found).toEqual(new Map([['A', { revision: 2990, hash: hashOf('A', 2990), seal: 2990 }]]));
    expect(read()).toBeLessThanOrEqual(1000);
  });
});
