import { describe, expect, it } from 'vitest';
import { LagMonitor } from '../../src/projections/lagMonitor';
import type { StoredEvent } from '../../src/stores/eventStore.port';

describe('LagMonitor', () => {
  it('keeps the newest measure when an older poll is answered after it (a log that answers out of order)', async () => {
    let position: string | null = '1';
    const now = Date.parse('2026-01-01T00:00:10Z');
    const answers: Array<() => void> = [];
    const eventStore = {
      // After position 1 the next event is 10 s old; after 2 nothing is left. Answered when the test says.
      readAll: (after: string | null) =>
        new Promise<StoredEvent[]>((resolve) => {
          const events = after === '1' ? [{ metadata: { at: '2026-01-01T00:00:00Z' } } as StoredEvent] : [];
          answers.push(() => resolve(events));
        }),
    };
    const lag = new LagMonitor(eventStore, { position: () => position, waitFor: async () => true }, () => {}, () => now);
    const older = lag.poll();
    position = '2';
    const newer = lag.poll();
    answers[1]!();
    await newer;
    expect(lag.lagSeconds()).toBe(0);
    answers[0]!();
    expect(await older).toBe(0);
    expect(lag.lagSeconds()).toBe(0);
  });

  it('measures the age of the oldest event the views have not applied', async () => {
    const eventStore = { readAll: async () => [{ metadata: { at: '2026-01-01T00:00:00Z' } } as StoredEvent] };
    const lag = new LagMonitor(eventStore, { position: () => null, waitFor: async () => true }, () => {}, () => Date.parse('2026-01-01T00:00:04Z'));
    expect(await lag.poll()).toBe(4);
  });
});
