import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../src/stores/eventStore.port';
import { RecentAppends } from '../../src/stores/sqlite/recentAppends';

/** A run of events at the given positions. */
const run = (...positions: number[]): StoredEvent[] =>
  positions.map((p) => ({ streamId: 's', revision: p, position: String(p), type: 'E', data: {}, metadata: { actor: 'a', at: 't', schemaVersion: 1 } }));
const positionsOf = (events: readonly StoredEvent[]) => events.map((e) => Number(e.position));

describe('RecentAppends', () => {
  it('chains runs from the position asked for, and stops at a gap it does not hold', () => {
    const recent = new RecentAppends(100);
    recent.add('0', run(1, 2));
    recent.add('2', run(3));
    recent.add('5', run(6, 7)); // 4 and 5 came from elsewhere
    expect(positionsOf(recent.after('0', 10))).toEqual([1, 2, 3]);
    expect(positionsOf(recent.after('2', 10))).toEqual([3]);
    expect(positionsOf(recent.after('5', 10))).toEqual([6, 7]);
    expect(recent.after('1', 10)).toEqual([]); // not the start of a run
    expect(recent.after('3', 10)).toEqual([]);
  });

  it('never hands out more than the limit, nor part of a run', () => {
    const recent = new RecentAppends(100);
    recent.add('0', run(1, 2));
    recent.add('2', run(3, 4));
    expect(positionsOf(recent.after('0', 3))).toEqual([1, 2]);
    expect(recent.after('0', 1)).toEqual([]);
  });

  it('keeps at most its bound of events, dropping the oldest runs, and none larger than the bound', () => {
    const recent = new RecentAppends(4);
    recent.add('0', run(1, 2));
    recent.add('2', run(3, 4));
    recent.add('4', run(5));
    expect(recent.after('0', 10)).toEqual([]);
    expect(positionsOf(recent.after('2', 10))).toEqual([3, 4, 5]);
    recent.add('5', run(6, 7, 8, 9, 10));
    expect(recent.after('5', 10)).toEqual([]);
    expect(positionsOf(recent.after('2', 10))).toEqual([3, 4, 5]);
  });

  it('hands out nothing once cleared', () => {
    const recent = new RecentAppends(10);
    recent.add('0', run(1));
    recent.clear();
    expect(recent.after('0', 10)).toEqual([]);
  });
});
