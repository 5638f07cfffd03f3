import { describe, expect, it } from 'vitest';
import { LogFollower } from '../../src/projections/logFollower';
import type { EventStore, FollowHandler, StoredEvent, Subscription } from '../../src/stores/eventStore.port';

const event = (position: string): StoredEvent => ({ streamId: 's', revision: Number(position), position, type: 'T', data: {}, metadata: { actor: 'a', at: '2026-01-01T00:00:00.000Z', schemaVersion: 1 } });

describe('LogFollower after an error', () => {
  it('follows again even when stopping the failed subscription fails and the next attempt throws at once', async () => {
    const attempts: (string | null)[] = [];
    const store: Pick<EventStore, 'follow'> = {
      follow(after: string | null, handler: FollowHandler, onError: (error: unknown) => void): Subscription {
        attempts.push(after);
        if (attempts.length === 1) {
          setImmediate(() => onError(new Error('connection lost')));
          return { stop: () => Promise.reject(new Error('already closed')) };
        }
        if (attempts.length === 2) throw new Error('still unreachable');
        setImmediate(() => void handler([event('7')]));
        return { stop: async () => {} };
      },
    };
    const errors: unknown[] = [];
    const follower = new LogFollower(store, (error) => errors.push(error));
    follower.start('6', async (events) => follower.reached(events.at(-1)!.position));
    try {
      expect(await follower.waitFor('7', 5000)).toBe(true);
      expect(attempts).toEqual(['6', '6', '6']);
      expect(errors.map((error) => (error as Error).message)).toEqual(['connection lost', 'still unreachable']);
      expect(follower.error).toBeNull();
    } finally {
      await follower.stop();
    }
  });

  it('does not follow again once stopped', async () => {
    let attempts = 0;
    let fail: (error: unknown) => void = () => {};
    const store: Pick<EventStore, 'follow'> = {
      follow(_after, _handler, onError) {
        attempts += 1;
        fail = onError;
        return { stop: async () => {} };
      },
    };
    const follower = new LogFollower(store, () => {});
    follower.start(null, async () => {});
    fail(new Error('lost'));
    await follower.stop();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(attempts).toBe(1);
  });
});
