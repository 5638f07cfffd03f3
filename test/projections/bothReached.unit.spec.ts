import { describe, expect, it } from 'vitest';
import { bothReached } from '../../src/projections/bothReached';
import type { ViewProgress } from '../../src/projections/projector';
import { isAtOrAfter } from '../../src/stores/position';

/** A progress that advances when told to. */
function manual(start: string | null) {
  let current = start;
  const waiters: Array<() => void> = [];
  const progress: ViewProgress = {
    position: () => current,
    waitFor: (position, timeoutMs) =>
      new Promise((resolve) => {
        const check = () => isAtOrAfter(current, position) && resolve(true);
        if (check()) return;
        waiters.push(check);
        setTimeout(() => resolve(false), timeoutMs);
      }),
  };
  return { progress, advance: (to: string) => ((current = to), waiters.forEach((w) => w())) };
}

describe('bothReached: an API instance reaches a position once the views and its cache invalidation both have', () => {
  it('reports the lower of the two positions', () => {
    expect(bothReached(manual('7').progress, manual('5').progress).position()).toBe('5');
    expect(bothReached(manual('3').progress, manual('9').progress).position()).toBe('3');
    expect(bothReached(manual(null).progress, manual('9').progress).position()).toBeNull();
  });

  it('does not end a wait when only the shared views reached the position', async () => {
    const views = manual('10');
    const invalidator = manual('4');
    expect(await bothReached(views.progress, invalidator.progress).waitFor('10', 50)).toBe(false);
  });

  it('ends the wait when the lagging one catches up', async () => {
    const views = manual('10');
    const invalidator = manual('4');
    const waiting = bothReached(views.progress, invalidator.progress).waitFor('10', 5000);
    invalidator.advance('10');
    expect(await waiting).toBe(true);
  });
});
