import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LoadBudget } from '../../src/commands/loadBudget';
import { deferred } from '../stores/contractSupport';
import { mayLoad, spend } from './loadBudget.fixtures';
import { StreamStates } from '../../src/commands/streamStates';
import { RateLimited } from '../../src/errors';
import type { StoredEvent } from '../../src/stores/eventStore.port';
import { openDatabase } from '../../src/stores/sqlite/database';
import { SqliteEventStore } from '../../src/stores/sqlite/sqlite.eventStore';
import { countTurns } from '../support/eventLoopTurns';
import { created, invited } from './workspace.fixtures';

/** The state here is simply the list of event types read, so every fold is visible. */
const fold = (state: readonly string[], events: readonly StoredEvent[]) => [...state, ...events.map((e) => e.type)];

describe('StreamStates on SQLite', () => {
  let store: SqliteEventStore;
  let reads: { streamId: string; afterRevision: number }[];
  const readStream = async (streamId: string, afterRevision = 0, limit?: number) => {
    reads.push({ streamId, afterRevision });
    return store.readStream(streamId, afterRevision, limit);
  };

  beforeEach(async () => {
    store = new SqliteEventStore(openDatabase(':memory:', { durable: false }));
    reads = [];
    for (const id of ['a', 'b', 'c']) await store.append(`workspace-${id}`, [created(), invited('inv_1', 'x@example.com')], { expectedRevision: 0 });
  });
  afterEach(() => store.close());
  const longStream = async () => {
    await store.append('workspace-long', [created(), ...Array.from({ length: 2499 }, (_, i) => invited(`inv_${i}`, `u${i}@example.com`))], { expectedRevision: 0 });
  };

  describe('when nothing is new', () => {
    it('returns the cached state without folding again', async () => {
      const states = new StreamStates({ readStream });
      const first = await states.load('workspace-a', [] as readonly string[], fold);
      const second = await states.load('workspace-a', [] as readonly string[], fold);

      expect(second).toBe(first);
      expect(second).toMatchObject({ revision: 2, state: ['WorkspaceCreated', 'MemberInvited'] });
      expect(reads.map((r) => r.afterRevision)).toEqual([0, 2]);
    });
  });

  describe('when an older state is remembered after a newer one', () => {
    it('keeps the newer one', async () => {
      const states = new StreamStates({ readStream });
      states.remember('workspace-a', { state: ['newer'], revision: 2, position: '2', lastHash: 'b'.repeat(64) });
      states.remember('workspace-a', { state: ['older'], revision: 1, position: '1', lastHash: 'a'.repeat(64) });
      const loaded = await states.load('workspace-a', [] as readonly string[], fold);

      expect(loaded.state).toEqual(['newer']);
      expect(reads).toEqual([{ streamId: 'workspace-a', afterRevision: 2 }]);
    });
  });

  describe('when more streams are loaded than it keeps', () => {
    it('forgets the one remembered longest ago and reads it again in full', async () => {
      const states = new StreamStates({ readStream }, { limit: 2 });
      for (const id of ['a', 'b', 'c', 'a']) await states.load(`workspace-${id}`, [] as readonly string[], fold);

      expect(reads.map((r) => `${r.streamId}@${r.afterRevision}`)).toEqual(['workspace-a@0', 'workspace-b@0', 'workspace-c@0', 'workspace-a@0']);
    });

    it('forgets the ones used longest ago once the entries of their maps weigh more than it keeps', async () => {
      type Held = Readonly<{ events: ReadonlyMap<number, string> }>;
      const byRevision = (state: Held, events: readonly StoredEvent[]): Held => ({ events: new Map([...state.events, ...events.map((e) => [e.revision, e.type] as const)]) });
      const empty: Held = { events: new Map() };
      // Each stream folds to a map of 2 entries, a weight of 3 (one, and one per entry); it keeps a weight of 6.
      const states = new StreamStates({ readStream }, { limit: 100, maxWeight: 6 });
      for (const id of ['a', 'b', 'a', 'c', 'b']) await states.load(`workspace-${id}`, empty, byRevision);

      expect(reads.map((r) => `${r.streamId}@${r.afterRevision}`)).toEqual(['workspace-a@0', 'workspace-b@0', 'workspace-a@2', 'workspace-c@0', 'workspace-b@0']);
    });

    // A key's lifetimes, and a secret's roles, lie within one entry of its map: 1,000 of them weighed as one.
    for (const count of ['keptLifetimes', 'explicitRoles'] as const) {
      it(`counts a secrets scope's ${count} in its weight`, async () => {
        type Held = Readonly<{ keys: ReadonlyMap<string, number>; keptLifetimes: number; explicitRoles: number }>;
        const held = (state: Held, events: readonly StoredEvent[]): Held => ({ ...state, keys: new Map([['K', 1]]), [count]: state[count] + events.length });
        // Each stream folds to one map entry and a count of 2, a weight of 4; it keeps a weight of 6.
        const states = new StreamStates({ readStream }, { limit: 100, maxWeight: 6 });
        for (const id of ['a', 'b', 'a']) await states.load(`workspace-${id}`, { keys: new Map(), keptLifetimes: 0, explicitRoles: 0 }, held);

        expect(reads.map((r) => `${r.streamId}@${r.afterRevision}`)).toEqual(['workspace-a@0', 'workspace-b@0', 'workspace-a@0']);
      });
    }

    it('keeps the stream refreshed most recently', async () => {
      const states = new StreamStates({ readStream }, { limit: 2 });
      for (const id of ['a', 'b']) await states.load(`workspace-${id}`, [] as readonly string[], fold);
      await store.append('workspace-a', [invited('inv_2', 'y@example.com')], { expectedRevision: 2 });
      for (const id of ['a', 'c', 'a']) await states.load(`workspace-${id}`, [] as readonly string[], fold);

      expect(reads.at(-1)).toEqual({ streamId: 'workspace-a', afterRevision: 3 });
    });

    it('forgets no other stream when one it keeps is refreshed', async () => {
      const states = new StreamStates({ readStream }, { limit: 2 });
      for (const id of ['a', 'b']) await states.load(`workspace-${id}`, [] as readonly string[], fold);
      await store.append('workspace-b', [invited('inv_2', 'y@example.com')], { expectedRevision: 2 });
      for (const id of ['b', 'a']) await states.load(`workspace-${id}`, [] as readonly string[], fold);

      expect(reads.at(-1)).toEqual({ streamId: 'workspace-a', afterRevision: 2 });
    });
  });

  // A busy scope's stream grows with every save: its first command after a start read and folded
  // it whole, holding every request meanwhile (a 165,000-event stream: 3.4 s).
  describe('when a stream is long', () => {

    it('reads and folds it a page at a time, letting the event loop turn between pages', async () => {
      await longStream();
      const states = new StreamStates({ readStream });
      const loop = countTurns();
      const loaded = await states.load('workspace-long', [] as readonly string[], fold);
      loop.stop();

      expect(loaded.revision).toBe(2500);
      expect(loaded.state).toHaveLength(2500);
      expect(reads.map((r) => r.afterRevision)).toEqual([0, 1000, 2000]);
      expect(loop.turns).toBeGreaterThanOrEqual(2);
    });

    it('lets the loads of a stream it holds read on at once, side by side', async () => {
      let reading = 0;
      let most = 0;
      const slowStates = new StreamStates({
        readStream: async (streamId, after, limit) => {
          most = Math.max(most, (reading += 1));
          await new Promise((resolve) => setTimeout(resolve, 5));
          reading -= 1;
          return store.readStream(streamId, after, limit);
        },
      });
      await slowStates.load('workspace-a', [] as readonly string[], fold);
      await Promise.all(Array.from({ length: 10 }, () => slowStates.load('workspace-a', [] as readonly string[], fold)));
      expect(most).toBe(10);
    });

    it('reads it once for the loads that come while it is being read', async () => {
      await longStream();
      const states = new StreamStates({ readStream });
      const [first, second] = await Promise.all([0, 1].map(() => states.load('workspace-long', [] as readonly string[], fold)));

      expect(first!.revision).toBe(2500);
      expect(second!.revision).toBe(2500);
      expect(reads.map((r) => r.afterRevision)).toEqual([0, 1000, 2000, 2500]);
    });
  });

  // Anyone who can push states out of the cache could otherwise have theirs read again at every command, for one request.
  describe('when a principal loads a stream not held', () => {
    const load = (states: StreamStates, id: string, payer?: string) => states.load(`workspace-${id}`, [] as readonly string[], fold, { payer });

    it('pays for the events it reads, and is refused the next once in debt; loads of streams held, and the service’s own, pay nothing', async () => {
      const budget = new LoadBudget(2_502, () => 0);
      const states = new StreamStates({ readStream }, { budget });
      await longStream();
      await load(states, 'long', 'mallory');
      await load(states, 'long', 'mallory');
      await load(states, 'a');
      await load(states, 'b', 'mallory');
      // 2,500 and 2 events: the whole of a minute's budget, and not yet in debt.
      expect(await mayLoad(budget, 'mallory')).toBe(true);

      await spend(budget, 'mallory', 1);
      reads = [];
      await expect(load(states, 'c', 'mallory')).rejects.toThrow(RateLimited);
      expect(reads).toEqual([]);
      await load(states, 'c', 'alice');
      expect(reads).toEqual([{ streamId: 'workspace-c', afterRevision: 0 }]);
    });

    it('pays at least one for a stream with no events, which it does not hold: anyone may ask for any', async () => {
      const budget = new LoadBudget(3, () => 0);
      const states = new StreamStates({ readStream }, { budget });
      // Three of a budget of three, then a fourth into debt; the fifth is refused.
      for (let i = 0; i < 4; i += 1) await load(states, 'none', 'mallory');

      expect(reads.map((r) => r.streamId)).toEqual(Array(4).fill('workspace-none'));
      await expect(load(states, 'none', 'mallory')).rejects.toThrow(RateLimited);
    });

    it('makes nobody else wait for a principal’s loads waiting their turn', async () => {
      const stalled = deferred<void>();
      const states = new StreamStates(
        { readStream: async (streamId, after, limit) => (streamId === 'workspace-b' && (await stalled.promise), store.readStream(streamId, after, limit)) },
        { budget: new LoadBudget(1_000_000, () => 0) },
      );
      const aliceB = load(states, 'b', 'alice');
      const aliceA = load(states, 'a', 'alice');
      // Alice's load of workspace-a waits for her load of workspace-b; bob's of workspace-a does not.
      expect((await load(states, 'a', 'bob')).revision).toBe(2);

      stalled.resolve();
      expect((await aliceB).revision).toBe(2);
      expect((await aliceA).revision).toBe(2);
    });
  });
});
