import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LoadBudget } from '../../src/commands/loadBudget';
import { mayLoad, spend } from './loadBudget.fixtures';
import { SnapshotSchedule } from '../../src/commands/snapshotSchedule';
import { StateSnapshots } from '../../src/commands/stateSnapshots';
import { StreamStates } from '../../src/commands/streamStates';
import { foldWorkspace, initialWorkspaceState, WORKSPACE_STATE_FORMAT, type WorkspaceState } from '../../src/commands/workspace.state';
import { parseStreamEvents } from '../../src/events/streams';
import { chainEvents, chainHashOf, chainHeadOf, EMPTY_CHAIN } from '../../src/proof/chain';
import type { StoredEvent } from '../../src/stores/eventStore.port';
import type { FollowerCheckpoints } from '../../src/stores/followerCheckpoints.port';
import { openDatabase } from '../../src/stores/sqlite/database';
import { SqliteEventStore } from '../../src/stores/sqlite/sqlite.eventStore';
import { SqliteFollowerCheckpoints } from '../../src/stores/sqlite/sqlite.followerCheckpoints';
import { deferred } from '../stores/contractSupport';
import { inOrder } from './foldProperty';
import { created, invited, revoked } from './workspace.fixtures';

const STREAM = 'workspace-ws_1';
const SAVED_AS = `state:${STREAM}`;
const fold = (state: WorkspaceState, stored: readonly StoredEvent[]) => foldWorkspace(state, parseStreamEvents('workspace', stored));
type Saved = Pick<FollowerCheckpoints, 'getState' | 'saveState'>;

describe('Snapshots of the command side’s states', () => {
  let store: SqliteEventStore;
  let saved: SqliteFollowerCheckpoints;
  let reads: number[];
  let errors: object[];
  const key = randomBytes(32);
  /**
   * A process of its own, holding nothing when it starts: its stream states, and the schedule of
   * their snapshots (kept where `where` keeps them, tagged under `tagKey`).
   */
  const process = ({
    where = saved as Saved,
    tagKey = key as Uint8Array,
    maxWeight = undefined as number | undefined,
    budget = undefined as LoadBudget | undefined,
    maxWaitingWeight = undefined as number | undefined,
  } = {}) => {
    const schedule = new SnapshotSchedule(new StateSnapshots(where, store, async () => tagKey), { error: (details) => void errors.push(details) }, maxWaitingWeight);
    const readStream = (stream: string, after?: number, limit?: number) => (reads.push(after ?? 0), store.readStream(stream, after, limit));
    return { states: new StreamStates({ readStream }, { snapshots: schedule, maxWeight, budget }), schedule };
  };
  const load = (states: StreamStates, format = WORKSPACE_STATE_FORMAT) => states.load(STREAM, initialWorkspaceState, fold, { format });
  /**
   * Appends to a created workspace invitations made and revoked by turns, to `revision` events
   * in all: its state stays light (weightOf), so a snapshot is due every 1,000 events.
   */
  const appendTo = async (revision: number) => {
    const [head] = await store.readStreamBackwards(STREAM, null, 1);
    const from = head?.revision ?? 0;
    const nth = (n: number) => (n === 0 ? created() : n % 2 === 1 ? invited(`inv_${n}`, `u${n}@example.com`) : revoked(`inv_${n - 1}`));
    const events = Array.from({ length: revision - from }, (_, i) => nth(from + i));
    await store.append(STREAM, chainEvents(STREAM, chainHeadOf(head ?? null), events).events, { expectedRevision: from });
  };
  /** The state folded from every event, as no snapshot has it. */
  const foldedWhole = async () => (await load(new StreamStates(store))).state;
  /** The snapshot saved for a stream, as one text. */
  const textOf = async (name: string) => (await saved.getState(name))?.join('') ?? null;
  /** A process whose first load saved its snapshot. */
  const snapshotTaken = async () => {
    const { states, schedule } = process();
    await load(states);
    await schedule.saved();
    expect(await textOf(SAVED_AS)).not.toBeNull();
    reads = [];
  };

  beforeEach(() => {
    store = new SqliteEventStore(openDatabase(':memory:', { durable: false }));
    saved = new SqliteFollowerCheckpoints(openDatabase(':memory:', { durable: false }));
    reads = [];
    errors = [];
  });
  afterEach(() => store.close());

  it('are saved once a stream is 1,000 events past its last, and a later process reads only the events after one', async () => {
    await appendTo(1_200);
    await snapshotTaken();
    await appendTo(1_205);

    const loaded = await load(process().states);

    expect(reads).toEqual([1_200]);
    expect(loaded.revision).toBe(1_205);
    expect(inOrder(loaded.state)).toEqual(inOrder(await foldedWhole()));
  });

  it('are read whatever parts their text is kept in: whole, as an earlier version kept it, or cut anywhere', async () => {
    await appendTo(1_200);
    await snapshotTaken();
    const text = (await textOf(SAVED_AS))!;
    for (const pieces of [[text], text.match(/[^]{1,7}/g)!]) {
      await saved.saveState(SAVED_AS, pieces);
      reads = [];
      const loaded = await load(process().states);
      expect(reads).toEqual([1_200]);
      expect(inOrder(loaded.state)).toEqual(inOrder(await foldedWhole()));
    }
  });

  it('are paid for by whoever loads from one: the events after it, and one for each 7 of its state’s weight', async () => {
    await appendTo(1_200);
    await snapshotTaken();
    await appendTo(1_205);
    // The workspace's state weighs less than 7 (one, its creator, at most one invitation pending): 5 events and 1.
    const budget = new LoadBudget(6, () => 0);
    await process({ budget }).states.load(STREAM, initialWorkspaceState, fold, { format: WORKSPACE_STATE_FORMAT, payer: 'mallory' });

    expect(await mayLoad(budget, 'mallory')).toBe(true);
    await spend(budget, 'mallory', 1);
    expect(await mayLoad(budget, 'mallory')).toBe(false);
  });

  it('start a load where the log has its event, and are not saved again for it', async () => {
    await appendTo(1_200);
    await snapshotTaken();
    const saves: string[] = [];
    const { states, schedule } = process({ where: { getState: (name) => saved.getState(name), saveState: async (name) => void saves.push(name) } });

    const loaded = await load(states);
    await schedule.saved();

    const [event] = await store.readStream(STREAM, 1_199, 1);
    expect(loaded).toMatchObject({ revision: 1_200, position: event!.position, lastHash: chainHashOf(event!) });
    expect(saves).toEqual([]);
  });

  it('are saved after the appends a command side remembers, as after a load', async () => {
    await appendTo(1);
    const { states, schedule } = process();
    await load(states);
    await appendTo(1_000);
    const [last] = await store.readStreamBackwards(STREAM, null, 1);
    states.remember(STREAM, { state: await foldedWhole(), revision: 1_000, position: last!.position, lastHash: chainHashOf(last!) }, WORKSPACE_STATE_FORMAT);
    await schedule.saved();

    expect(await textOf(SAVED_AS)).toContain('"revision":1000');
  });

  it('are not saved for a stream less than 1,000 events past its last, nor without a format', async () => {
    await appendTo(999);
    const first = process();
    await load(first.states);
    await first.schedule.saved();
    await appendTo(1_500);
    const formatless = process();
    await formatless.states.load(STREAM, initialWorkspaceState, fold);
    await formatless.schedule.saved();

    expect(await textOf(SAVED_AS)).toBeNull();
  });

  it('are saved for a state that weighs more than 4,000 once the stream is a quarter of its weight past its last', async () => {
    // A map of 8,000 entries from the first event on: a weight of 8,001, a snapshot due 2,000.25 events on.
    type Held = Readonly<{ entries: ReadonlyMap<number, number> }>;
    const heavy = (state: Held): Held => (state.entries.size > 0 ? state : { entries: new Map(Array.from({ length: 8_000 }, (_, i) => [i, i])) });
    const { states, schedule } = process();
    const loadHeavy = async () => {
      await states.load(STREAM, { entries: new Map() }, heavy, { format: 'heavy/1' });
      await schedule.saved();
    };
    await appendTo(2_000);
    await loadHeavy();
    expect(await textOf(SAVED_AS)).toBeNull();

    await appendTo(2_001);
    await loadHeavy();
    expect(await textOf(SAVED_AS)).toContain('"revision":2001');
  });

  it('are saved, and read, for a state heavier than the cache holds', async () => {
    await appendTo(1_200);
    const heavier = process({ maxWeight: 1 });
    await load(heavier.states);
    await heavier.schedule.saved();
    reads = [];

    const loaded = await load(process({ maxWeight: 1 }).states);

    expect(reads).toEqual([1_200]);
    expect(inOrder(loaded.state)).toEqual(inOrder(await foldedWhole()));
  });

  describe('are passed over, the stream read from its first event, when', () => {
    const readWhole = async (states = process().states) => {
      const loaded = await load(states);
      expect(reads).toEqual([0, 1_000]);
      expect(inOrder(loaded.state)).toEqual(inOrder(await foldedWhole()));
    };
    beforeEach(async () => {
      await appendTo(1_200);
      await snapshotTaken();
    });
    afterEach(() => expect(errors).toEqual([]));

    it('what it holds is changed', async () => {
      const text = (await textOf(SAVED_AS))!;
      expect(text).toContain('"permission":"admin"');
      await saved.saveState(SAVED_AS, [text.replace('"permission":"admin"', '"permission":"write"')]);
      await readWhole();
    });

    it('its tag was made under another key', async () => {
      await readWhole(process({ tagKey: randomBytes(32) }).states);
    });

    it('it is another stream’s', async () => {
      await saved.saveState('state:workspace-ws_2', (await saved.getState(SAVED_AS))!);
      const loaded = await process().states.load('workspace-ws_2', initialWorkspaceState, fold, { format: WORKSPACE_STATE_FORMAT });
      expect(loaded).toMatchObject({ revision: 0, state: initialWorkspaceState });
    });

    it('it is of another format', async () => {
      await load(process().states, 'workspace/0');
      expect(reads).toEqual([0, 1_000]);
    });

    it('the log does not hold the event it names', async () => {
      // Another log with a stream of the same name and length: its events are not the snapshot's.
      store = new SqliteEventStore(openDatabase(':memory:', { durable: false }));
      await store.append(STREAM, chainEvents(STREAM, EMPTY_CHAIN, [created('bob', 'bob@example.com')]).events, { expectedRevision: 0 });
      await appendTo(1_200);
      await readWhole();
    });

    it('the log ends before the event it names (restored from an older backup)', async () => {
      store = new SqliteEventStore(openDatabase(':memory:', { durable: false }));
      await appendTo(1_100);
      const loaded = await load(process().states);
      expect(reads).toEqual([0, 1_000]);
      expect(loaded.revision).toBe(1_100);
    });
  });

  it('that cannot be read are told to the log, and the stream is read from its first event', async () => {
    await appendTo(1_200);
    await snapshotTaken();
    const { states } = process({ where: { getState: () => Promise.reject(new Error('down')), saveState: async () => {} } });

    expect((await load(states)).revision).toBe(1_200);
    expect(reads).toEqual([0, 1_000]);
    expect(errors).toEqual([expect.objectContaining({ streamId: STREAM })]);
  });

  it('that cannot be saved are told to the log, and loads go on', async () => {
    await appendTo(1_200);
    const { states, schedule } = process({ where: { getState: async () => null, saveState: () => Promise.reject(new Error('disk full')) } });

    expect((await load(states)).revision).toBe(1_200);
    await schedule.saved();
    expect(errors).toEqual([expect.objectContaining({ streamId: STREAM })]);
  });

  describe('waiting behind a save under way', () => {
    const types = (state: readonly string[], events: readonly StoredEvent[]) => [...state, ...events.map((e) => e.type)];
    /** Three streams of 1,000 events loaded, a snapshot of each due; the first one's save under way until `underWay` ends. */
    const threeDue = async (maxWaitingWeight?: number) => {
      const underWay = deferred<void>();
      const texts = new Map<string, string>();
      const saves: string[] = [];
      const slow: Saved = {
        getState: async (name) => (texts.has(name) ? [texts.get(name)!] : null),
        saveState: async (name, pieces) => {
          texts.set(name, pieces.join(''));
          saves.push(`${name}@${/"revision":(\d+)/.exec(texts.get(name)!)![1]}`);
          if (name === 'state:workspace-a') await underWay.promise;
        },
      };
      const { states, schedule } = process({ where: slow, maxWaitingWeight });
      for (const stream of ['workspace-a', 'workspace-b', 'workspace-c']) {
        const events = Array.from({ length: 1_000 }, (_, i) => (i === 0 ? created() : invited(`inv_${i}`, `u${i}@example.com`)));
        await store.append(stream, chainEvents(stream, EMPTY_CHAIN, events).events, { expectedRevision: 0 });
        await states.load(stream, [] as readonly string[], types, { format: 'light/1' });
      }
      await expect.poll(() => [...texts.keys()]).toEqual(['state:workspace-a']);
      return { underWay, texts, saves, states, schedule };
    };

    it('are not due again for a stream whose save is under way until it is 1,000 events past the state being saved', async () => {
      const { underWay, saves, states, schedule } = await threeDue();
      const [last] = await store.readStreamBackwards('workspace-a', null, 1);
      const reached = (revision: number) => ({ state: ['newer'], revision, position: last!.position, lastHash: 'a'.repeat(64) });
      states.remember('workspace-a', reached(1_999), 'light/1');
      underWay.resolve();
      await schedule.saved();
      states.remember('workspace-a', reached(1_999), 'light/1');
      await schedule.saved();
      expect(saves).toEqual(['state:workspace-a@1000', 'state:workspace-b@1000', 'state:workspace-c@1000']);

      states.remember('workspace-a', reached(2_000), 'light/1');
      await schedule.saved();
      expect(saves.at(-1)).toBe('state:workspace-a@2000');
    });

    it('are saved once each, at the newest state their stream reached', async () => {
      const { underWay, texts, states, schedule } = await threeDue();
      const [last] = await store.readStreamBackwards('workspace-b', null, 1);
      states.remember('workspace-b', { state: ['newer'], revision: 1_500, position: last!.position, lastHash: 'b'.repeat(64) }, 'light/1');
      underWay.resolve();
      await schedule.saved();

      expect([...texts.keys()]).toEqual(['state:workspace-a', 'state:workspace-b', 'state:workspace-c']);
      expect(texts.get('state:workspace-b')).toContain('"revision":1500');
    });

    it('weigh at most so much in all, besides the first: a state past it is not taken', async () => {
      // Each state here weighs 1: with a bound of 1, workspace-b waits and workspace-c is not taken.
      const { underWay, texts, schedule } = await threeDue(1);
      underWay.resolve();
      await schedule.saved();

      expect([...texts.keys()]).toEqual(['state:workspace-a', 'state:workspace-b']);
    });

    it('are dropped when the schedule closes, the one under way saved, and none taken after', async () => {
      const { underWay, texts, states, schedule } = await threeDue();
      const closed = schedule.close();
      underWay.resolve();
      await closed;
      states.remember('workspace-c', { state: ['newer'], revision: 2_000, position: '1', lastHash: 'c'.repeat(64) }, 'light/1');
      await schedule.saved();

      expect([...texts.keys()]).toEqual(['state:workspace-a']);
    });
  });
});
