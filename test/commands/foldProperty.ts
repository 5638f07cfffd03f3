import fc from 'fast-check';
import { expect } from 'vitest';
import { stateLines, stateOfLines } from '../../src/commands/stateText';

/** A state with its maps as lists of entries, so that comparing them compares their order too (toEqual does not, for maps). */
export const inOrder = (state: object) =>
  Object.fromEntries(Object.entries(state).map(([name, value]) => [name, value instanceof Map ? [...value.entries()] : value]));

/**
 * The property every fold of a stream holds: any events (valid or not: a fold takes what the log
 * holds) folded at once, or in two pieces, give the state one event at a time gives; no state
 * along the way (a cache holds such states and folds them further) is changed by folding it on;
 * and each holds the invariant given.
 */
export function foldsAgree<S extends object, E>(
  fold: (state: S, events: readonly E[]) => S,
  initial: S,
  anyEvent: fc.Arbitrary<E>,
  /** What must hold of every state along the way, besides (the counts a state keeps of itself). */
  invariant: (state: S) => void = () => {},
): void {
  fc.assert(
    fc.property(fc.array(anyEvent, { maxLength: 12 }), fc.array(anyEvent, { maxLength: 30 }), (before, events) => {
      const start = fold(initial, before);
      // Each state copied as it is made, before anything folds it further.
      const along = [start];
      const kept = [structuredClone(start)];
      for (const event of events) {
        along.push(fold(along[along.length - 1]!, [event]));
        kept.push(structuredClone(along[along.length - 1]!));
      }
      const oneByOne = along[along.length - 1]!;
      const half = Math.floor(events.length / 2);
      expect(inOrder(fold(start, events))).toEqual(inOrder(oneByOne));
      expect(inOrder(fold(fold(start, events.slice(0, half)), events.slice(half)))).toEqual(inOrder(oneByOne));
      along.forEach((state, i) => fold(state, events.slice(i)));
      along.forEach((state, i) => expect(inOrder(state)).toEqual(inOrder(kept[i]!)));
      along.forEach(invariant);
    }),
    { numRuns: 500 },
  );
}

/** Any value with every map in it, however deep, as its list of entries: toEqual then compares their order too. */
const everyMapInOrder = (value: unknown): unknown => {
  if (value instanceof Map) return { map: [...value.entries()].map(([key, entry]) => [key, everyMapInOrder(entry)]) };
  if (Array.isArray(value)) return value.map(everyMapInOrder);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([name, field]) => [name, everyMapInOrder(field)]));
  return value;
};

/**
 * The property a fold's snapshots hold: any state it makes, written as a snapshot's lines and
 * read back, is the same state (every map in the same order), and folds on to the same state as
 * the one it was written from.
 */
export async function snapshotsAgree<S extends object, E>(fold: (state: S, events: readonly E[]) => S, initial: S, anyEvent: fc.Arbitrary<E>): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(anyEvent, { maxLength: 30 }), fc.array(anyEvent, { maxLength: 12 }), async (before, after) => {
      const state = fold(initial, before);
      const readBack = (await stateOfLines(await stateLines(state))) as S;
      expect(everyMapInOrder(readBack)).toEqual(everyMapInOrder(state));
      expect(everyMapInOrder(fold(readBack, after))).toEqual(everyMapInOrder(fold(state, after)));
    }),
    { numRuns: 300 },
  );
}
