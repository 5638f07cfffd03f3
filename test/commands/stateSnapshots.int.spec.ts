import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StateSnapshots } from '../../src/commands/stateSnapshots';
import { StreamStates, type StreamStatesOptions } from '../../src/commands/streamStates';
import { foldWorkspace, initialWorkspaceState, WORKSPACE_STATE_FORMAT, type WorkspaceState } from '../../src/commands/workspace.state';
import { parseStreamEvents } from '../../src/events/streams';
import { chainEvents, chainHeadOf, EMPTY_CHAIN } from '../../src/proof/chain';
import type { StoredEvent } from '../../src/stores/eventStore.port';
import { openDatabase } from '../../src/stores/sqlite/database';
import { SqliteEventStore } from '../../src/stores/sqlite/sqlite.eventStore';
import { SqliteFollowerCheckpoints } from '../../src/stores/sqlite/sqlite.followerCheckpoints';
import { inOrder } from './foldProperty';
import { created, invited, revoked } from './workspace.fixtures';

const STREAM = 'workspace-ws_1';
const SAVED_AS = `state:${STREAM}`;
const fold = (state: WorkspaceState, stored: readonly StoredEvent[]) => foldWorkspace(state, parseStreamEvents('workspace', stored));

describe('Snapshots of the command side’s states', () => {
  let store: SqliteEventStore;
  let saved: SqliteFollowerCheckpoints;
  let reads: number[];
  const key = randomBytes(32);
  const snapshotsUnder = (tagKey: Uint8Array): StreamStatesOptions['snapshots'] => ({ store: new StateSnapshots(saved, store, async () => tagKey), log: { error: () => {} } });
  /** A process of its own: it holds nothing when it starts. */
  const process = (snapshots = snapshotsUnder(key)) => new StreamStates({ readStream: (stream, after, limit) => (reads.push(after ?? 0), store.readStream(stream, after, limit)) }, { snapshots });
  const load = (states: StreamStates, format = WORKSPACE_STATE_FORMAT) => states.load(STREAM, initialWorkspaceState, fold, format);
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
  /** A process whose first load saved its snapshot. */
  const snapshotTaken = async () => {
    const first = process();
    await load(first);
    await first.snapshotsSaved();
    expect(await saved.getState(SAVED_AS)).not.toBeNull();
    reads = [];
  };

  beforeEach(() => {
    store = new SqliteEventStore(openDatabase(':memory:', { durable: false }));
    saved = new SqliteFollowerCheckpoints(openDatabase(':memory:', { durable: false }));
    reads = [];
  });
  afterEach(() => store.close());

  it('are saved once a stream is 1,000 events past its last, and a later process reads only the events after one', async () => {
    await appendTo(1_200);
    await snapshotTaken();
    await appendTo(1_205);

    const loaded = await load(process());

    expect(reads).toEqual([1_200]);
    expect(loaded.revision).toBe(1_205);
    expect(inOrder(loaded.state)).toEqual(inOrder(await foldedWhole()));
  });

  it('are saved after the appends a command side remembers, as after a load', async () => {
    await appendTo(1);
    const states = process();
    const first = await load(states);
    await appendTo(1_000);
    const [last] = await store.readStreamBackwards(STREAM, null, 1);
    states.remember(STREAM, { state: await foldedWhole(), revision: 1_000, position: last!.position, lastHash: first.lastHash }, WORKSPACE_STATE_FORMAT);
    await states.snapshotsSaved();

    expect(await saved.getState(SAVED_AS)).toContain('"revision":1000');
  });

  it('are not saved for a stream less than 1,000 events past its last, nor without a format', async () => {
    await appendTo(999);
    const states = process();
    await load(states);
    await states.snapshotsSaved();
    await appendTo(1_500);
    const formatless = process();
    await formatless.load(STREAM, initialWorkspaceState, fold);
    await formatless.snapshotsSaved();

    expect(await saved.getState(SAVED_AS)).toBeNull();
  });

  it('are saved for a state that weighs more than 4,000 once the stream is a quarter of its weight past its last', async () => {
    // A map of 8,000 entries from the first event on: a weight of 8,001, a snapshot due 2,000.25 events on.
    type Held = Readonly<{ entries: ReadonlyMap<number, number> }>;
    const heavy = (state: Held): Held => (state.entries.size > 0 ? state : { entries: new Map(Array.from({ length: 8_000 }, (_, i) => [i, i])) });
    const states = process();
    const loadHeavy = async () => {
      await states.load(STREAM, { entries: new Map() }, heavy, 'heavy/1');
      await states.snapshotsSaved();
    };
    await appendTo(2_000);
    await loadHeavy();
    expect(await saved.getState(SAVED_AS)).toBeNull();

    await appendTo(2_001);
    await loadHeavy();
    expect(await saved.getState(SAVED_AS)).toContain('"revision":2001');
  });

  describe('are passed over, the stream read from its first event, when', () => {
    const readWhole = async (states = process()) => {
      const loaded = await load(states);
      expect(reads).toEqual([0, 1_000]);
      expect(inOrder(loaded.state)).toEqual(inOrder(await foldedWhole()));
    };
    beforeEach(async () => {
      await appendTo(1_200);
      await snapshotTaken();
    });

    it('what it holds is changed', async () => {
      const text = (await saved.getState(SAVED_AS))!;
      expect(text).toContain('"permission":"admin"');
      await saved.saveState(SAVED_AS, text.replace('"permission":"admin"', '"permission":"write"'));
      await readWhole();
    });

    it('its tag was made under another key', async () => {
      await readWhole(process(snapshotsUnder(randomBytes(32))));
    });

    it('it is another stream’s', async () => {
      await saved.saveState('state:workspace-ws_2', (await saved.getState(SAVED_AS))!);
      const loaded = await process().load('workspace-ws_2', initialWorkspaceState, fold, WORKSPACE_STATE_FORMAT);
      expect(loaded).toMatchObject({ revision: 0, state: initialWorkspaceState });
    });

    it('it is of another format', async () => {
      await load(process(), 'workspace/0');
      expect(reads).toEqual([0, 1_000]);
    });

    it('the log does not hold the event it names', async () => {
      // Another log with a stream of the same name and length: its events are not the snapshot's.
      store = new SqliteEventStore(openDatabase(':memory:', { durable: false }));
      await store.append(STREAM, chainEvents(STREAM, EMPTY_CHAIN, [created('bob', 'bob@example.com')]).events, { expectedRevision: 0 });
      await appendTo(1_200);
      const loaded = await load(process());
      expect(reads).toEqual([0, 1_000]);
      expect(inOrder(loaded.state)).toEqual(inOrder(await foldedWhole()));
    });

    it('it cannot be read', async () => {
      const unreadable = new StateSnapshots({ getState: () => Promise.reject(new Error('down')), saveState: async () => {} }, store, async () => key);
      await readWhole(process({ store: unreadable, log: { error: () => {} } }));
    });
  });

  it('that cannot be saved are told to the log, and loads go on', async () => {
    await appendTo(1_200);
    const errors: object[] = [];
    const failing = new StateSnapshots({ getState: async () => null, saveState: () => Promise.reject(new Error('disk full')) }, store, async () => key);
    const states = process({ store: failing, log: { error: (details: object) => void errors.push(details) } });

    expect((await load(states)).revision).toBe(1_200);
    await states.snapshotsSaved();
    expect(errors).toEqual([expect.objectContaining({ streamId: STREAM })]);
  });
});
