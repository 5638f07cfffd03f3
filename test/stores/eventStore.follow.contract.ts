import { describe, expect, it } from 'vitest';
import type { EventStore, StoredEvent, Subscription } from '../../src/stores/eventStore.port';
import {
  deferred,
  expectStrictlyIncreasing,
  freshStream,
  identity,
  newEvent,
  settledSoon,
  sleep,
  waitUntil,
} from './contractSupport';

/** Long enough for an adapter that was woken by an append to deliver it. */
const QUIET_MS = 250;

/** `follow` of the EventStore contract; `open` makes a store that is closed after the test. */
export function followContract(open: () => Promise<EventStore>): void {
  describe('follow', () => {
    const failOnError = (error: unknown) => {
      throw new Error(`follow reported an error: ${String(error)}`);
    };

    it('delivers the events already there, then new appends, in log order', async () => {
      const store = await open();
      const before = await store.headPosition();
      const [a, b] = [freshStream(), freshStream()];
      await store.append(a, [newEvent('A1'), newEvent('A2')], { expectedRevision: 0 });
      await store.append(b, [newEvent('B1')], { expectedRevision: 0 });
      const seen: StoredEvent[] = [];
      const subscription = store.follow(before, async (events) => void seen.push(...events), failOnError);
      try {
        await waitUntil(() => seen.length >= 3, 'the existing events arrive');
        await store.append(a, [newEvent('A3')], { expectedRevision: 2 });
        await store.append(b, [newEvent('B2'), newEvent('B3')], { expectedRevision: 1 });
        await waitUntil(() => seen.length >= 6, 'the new events arrive');
        await sleep(QUIET_MS);
        expect(seen.map(identity)).toEqual((await store.readAll(before, 100)).map(identity));
        expect(seen.map((e) => e.type)).toEqual(['A1', 'A2', 'B1', 'A3', 'B2', 'B3']);
        expectStrictlyIncreasing(seen.map((e) => e.position));
      } finally {
        await subscription.stop();
      }
    });

    it('starts after the given position', async () => {
      const store = await open();
      const stream = freshStream();
      const first = await store.append(stream, [newEvent('A')], { expectedRevision: 0 });
      await store.append(stream, [newEvent('B'), newEvent('C')], { expectedRevision: 1 });
      const seen: StoredEvent[] = [];
      const subscription = store.follow(first.position, async (events) => void seen.push(...events), failOnError);
      try {
        await waitUntil(() => seen.length >= 2, 'the later events arrive');
        await sleep(QUIET_MS);
        expect(seen.map((e) => e.type)).toEqual(['B', 'C']);
      } finally {
        await subscription.stop();
      }
    });

    it('waits for each batch to be handled before handing over the next', async () => {
      const store = await open();
      const before = await store.headPosition();
      const stream = freshStream();
      await store.append(stream, [newEvent('A')], { expectedRevision: 0 });
      const gate = deferred();
      const batches: string[][] = [];
      let active = 0;
      let mostActive = 0;
      const subscription = store.follow(
        before,
        async (events) => {
          active += 1;
          mostActive = Math.max(mostActive, active);
          batches.push(events.map((e) => e.type));
          if (batches.length === 1) await gate.promise;
          active -= 1;
        },
        failOnError,
      );
      try {
        await waitUntil(() => batches.length === 1, 'the first batch arrives');
        await store.append(stream, [newEvent('B')], { expectedRevision: 1 });
        await store.append(stream, [newEvent('C')], { expectedRevision: 2 });
        await sleep(QUIET_MS);
        expect(batches).toEqual([['A']]);
        gate.resolve();
        await waitUntil(() => batches.flat().length >= 3, 'the held-back events arrive');
        expect(batches.flat()).toEqual(['A', 'B', 'C']);
        expect(mostActive).toBe(1);
      } finally {
        gate.resolve();
        await subscription.stop();
      }
    });

    it('stops after the batch in hand, and delivers nothing afterwards', async () => {
      const store = await open();
      const before = await store.headPosition();
      const stream = freshStream();
      await store.append(stream, [newEvent('A')], { expectedRevision: 0 });
      const gate = deferred();
      const seen: string[] = [];
      let handled = 0;
      const subscription: Subscription = store.follow(
        before,
        async (events) => {
          seen.push(...events.map((e) => e.type));
          await gate.promise;
          handled += 1;
        },
        failOnError,
      );
      await waitUntil(() => seen.length === 1, 'the first event arrives');
      const stopped = subscription.stop();
      expect(await settledSoon(stopped)).toBe(false);
      gate.resolve();
      await stopped;
      expect(handled).toBe(1);
      await store.append(stream, [newEvent('B')], { expectedRevision: 1 });
      await sleep(QUIET_MS);
      expect(seen).toEqual(['A']);
    });

    it('reports a failing handler to onError and hands it nothing more', async () => {
      const store = await open();
      const before = await store.headPosition();
      const stream = freshStream();
      await store.append(stream, [newEvent('A')], { expectedRevision: 0 });
      const failure = new Error('handler failed');
      const errors: unknown[] = [];
      let calls = 0;
      const subscription = store.follow(
        before,
        async () => {
          calls += 1;
          throw failure;
        },
        (error) => errors.push(error),
      );
      try {
        await waitUntil(() => errors.length > 0, 'onError is called');
        await store.append(stream, [newEvent('B')], { expectedRevision: 1 });
        await sleep(QUIET_MS);
        expect(errors).toEqual([failure]);
        expect(calls).toBe(1);
      } finally {
        await subscription.stop();
      }
    });
  });
}
