import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../src/stores/eventStore.port';
import { RecentAppends } from '../../src/stores/sqlite/recentAppends';

/** A run of events at the given positions. */
const run = (...positions: number[]): StoredEvent[] =>
  positions.map((p) => ({ streamId: 's', revision: p, position: String(p), type: 'E', data: { list: [p] }, metadata: { actor: 'a', at: 't', schemaVersion: 1 } }));
const positionsOf = (events: readonly StoredEvent[]) => events.map((e) => Number(e.position));
const roomy = { events: 100, bytes: 1_000_000 };

describe('RecentAppends', () => {
  it('chains runs from the position asked for, and stops at a gap it does not hold', () => {
    const recent = new RecentAppends(roomy);
    recent.add('0', run(1, 2), 10);
    recent.add('2', run(3), 10);
    recent.add('5', run(6, 7), 10); // 4 and 5 came from elsewhere
    expect(positionsOf(recent.after('0', 10))).toEqual([1, 2, 3]);
    expect(positionsOf(recent.after('2', 10))).toEqual([3]);
    expect(positionsOf(recent.after('5', 10))).toEqual([6, 7]);
    expect(recent.after('1', 10)).toEqual([]); // not the start of a run
    expect(recent.after('3', 10)).toEqual([]);
  });

  it('never hands out more than the limit, nor part of a run', () => {
    const recent = new RecentAppends(roomy);
    recent.add('0', run(1, 2), 10);
    recent.add('2', run(3, 4), 10);
    expect(positionsOf(recent.after('0', 3))).toEqual([1, 2]);
    expect(recent.after('0', 1)).toEqual([]);
  });

  it('keeps at most its bound of events, dropping the oldest runs, and no run larger than the bound', () => {
    const recent = new RecentAppends({ events: 4, bytes: 1_000_000 });
    recent.add('0', run(1, 2), 10);
    recent.add('2', run(3, 4), 10);
    recent.add('4', run(5), 10);
    expect(recent.after('0', 10)).toEqual([]);
    expect(positionsOf(recent.after('2', 10))).toEqual([3, 4, 5]);
    recent.add('5', run(6, 7, 8, 9, 10), 10);
    expect(recent.after('5', 10)).toEqual([]);
    expect(positionsOf(recent.after('2', 10))).toEqual([3, 4, 5]);
  });

  it('keeps at most its bound of bytes, dropping the oldest runs, and no run larger than the bound', () => {
    const recent = new RecentAppends({ events: 100, bytes: 1000 });
    recent.add('0', run(1), 600);
    recent.add('1', run(2), 300);
    recent.add('2', run(3), 300);
    expect(recent.after('0', 10)).toEqual([]);
    expect(positionsOf(recent.after('1', 10))).toEqual([2, 3]);
    recent.add('3', run(4), 1001);
    expect(recent.after('3', 10)).toEqual([]);
    expect(positionsOf(recent.after('1', 10))).toEqual([2, 3]);
  });

  it('counts a run kept again under the same position once (the log lost its newest events meanwhile)', () => {
    const recent = new RecentAppends({ events: 3, bytes: 1_000_000 });
    recent.add('0', run(1, 2), 10);
    recent.add('0', run(3, 4), 10);
    recent.add('4', run(5), 10);
    expect(positionsOf(recent.after('0', 10))).toEqual([3, 4, 5]);
  });

  it('freezes what it hands out: every reader shares the same events', () => {
    const recent = new RecentAppends(roomy);
    recent.add('0', run(1), 10);
    const [event] = recent.after('0', 10);
    expect(() => (event!.data as { list: number[] }).list.push(2)).toThrow(TypeError);
    expect(recent.after('0', 10)[0]).toBe(event);
  });

  it('hands out nothing once cleared', () => {
    const recent = new RecentAppends(roomy);
    recent.add('0', run(1), 10);
    recent.clear();
    expect(recent.after('0', 10)).toEqual([]);
  });
});
