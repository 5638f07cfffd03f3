import { LRUCache } from 'lru-cache';
import { chainHashOf, EMPTY_CHAIN } from '../proof/chain';
import type { EventStore, StoredEvent } from '../stores/eventStore.port';
import { pagesOf } from '../stores/streamPages';
import type { StateSnapshots } from './stateSnapshots';

/**
 * A stream's folded state at a revision, with the position of its last event and its hash, the
 * `prev` of the next event (DESIGN §8).
 */
export type Loaded<S> = Readonly<{ state: S; revision: number; position: string | null; lastHash: string }>;

const DEFAULT_LIMIT = 10_000;
/**
 * What the states held may weigh in all: one per state and one per entry of its maps. An entry
 * (a scope's key in its four maps) is ~350 bytes, so ~50 MiB: 10,000 scopes of 50 keys would
 * otherwise hold ~570 MiB, and of 1,000 keys ~10 GiB.
 */
const DEFAULT_MAX_WEIGHT = 150_000;

/**
 * When a stream's state is saved again: once the stream is SNAPSHOT_EVERY events past its last
 * snapshot, or, for a state that weighs (weightOf) more than four times that, a quarter of its
 * weight. Measured in process on a state at every bound (a weight of 130,000): a snapshot costs
 * ~3 µs a unit of weight to save and ~1.6 to read; an event ~11 µs to read and fold. So a heavy
 * state's snapshots cost ~12 µs an event of its stream, and a load reads at most its snapshot and
 * a quarter of its weight in events: ~4.4 µs a unit of weight, ~0.6 s at every bound, whatever
 * the stream's length.
 */
const SNAPSHOT_EVERY = 1_000;
const EVENTS_PER_WEIGHT = 1 / 4;

/**
 * A stream's state held in memory, its snapshots' format, and the revision of its last snapshot
 * (0 for none), which a save that lands sets on whichever of the stream's entries is held then.
 */
type Held = { readonly loaded: Loaded<unknown>; readonly format: string | undefined; snapshotAt: number };

/**
 * Keeps each stream's last folded state in memory by revision, so loading a stream reads only
 * the events appended since: a command's cost does not grow with the stream's history. At most
 * DEFAULT_LIMIT states, weighing DEFAULT_MAX_WEIGHT in all, the one used longest ago out first.
 * States are immutable, so a cached one can be handed out and folded further safely.
 *
 * A stream not held (the first command on a scope after a start, or one forgotten for others)
 * starts from its snapshot (stateSnapshots.ts) when there is one to believe, else from its first
 * event, and reads on a page at a time, the event loop turning between pages, once for all the
 * loads that ask for it meanwhile (loads of a stream held read on side by side). A busy scope's
 * stream of 155,000 events took 1.2–1.9 s to load without a snapshot; anyone who can fill the
 * cache with their own scopes could make every command on theirs (or on others') pay that.
 * With snapshots a load costs about what the state weighs (SNAPSHOT_EVERY), whatever the stream's length.
 *
 * Snapshots are saved behind the commands, one at a time, each stream's newest state held then.
 */
export class StreamStates {
  private readonly entries: LRUCache<string, Held>;
  /** The first load of each stream not held, under way: later loads of it wait for it, then read what came after. */
  private readonly loading = new Map<string, Promise<unknown>>();
  /** Streams whose snapshot is waiting to be saved, and the saves under way, one after another. */
  private readonly toSnapshot = new Set<string>();
  private saving: Promise<void> = Promise.resolve();

  private readonly snapshots: StreamStatesOptions['snapshots'];

  constructor(
    private readonly store: Pick<EventStore, 'readStream'>,
    { limit = DEFAULT_LIMIT, maxWeight = DEFAULT_MAX_WEIGHT, snapshots }: StreamStatesOptions = {},
  ) {
    this.entries = new LRUCache({ max: limit, maxSize: maxWeight, sizeCalculation: (held) => weightOf(held.loaded.state) });
    this.snapshots = snapshots;
  }

  /** Loads the stream's state; `format` names its snapshots' (none are read or saved without one). */
  async load<S>(
    streamId: string,
    initial: S,
    fold: (state: S, events: readonly StoredEvent[]) => S,
    format?: string,
  ): Promise<Loaded<S>> {
    for (let running = this.loading.get(streamId); running !== undefined; running = this.loading.get(streamId)) {
      await running.catch(() => {});
    }
    // A stream held reads on from its state, side by side with other loads of it (each reads
    // what came after, usually nothing): only the first read of a stream is one for all.
    if (this.entries.has(streamId)) return this.readOn(streamId, fold);
    const load = this.firstLoad(streamId, initial, fold, format);
    this.loading.set(streamId, load);
    try {
      return await load;
    } finally {
      if (this.loading.get(streamId) === load) this.loading.delete(streamId);
    }
  }

  /** Records the state after a successful append, so the next load reads nothing. */
  remember<S>(streamId: string, loaded: Loaded<S>, format?: string): void {
    this.keep(streamId, loaded, format);
    this.snapshotIfDue(streamId);
  }

  /** Waits for the snapshots being saved (a closing service, before its stores close). */
  async snapshotsSaved(): Promise<void> {
    for (let awaited: Promise<void> | null = null; awaited !== this.saving; ) {
      awaited = this.saving;
      await awaited;
    }
  }

  private async firstLoad<S>(streamId: string, initial: S, fold: (state: S, events: readonly StoredEvent[]) => S, format: string | undefined): Promise<Loaded<S>> {
    const snapshot = format === undefined ? null : await this.snapshots?.store.read<S>(streamId, format);
    const start = snapshot ?? { state: initial, revision: 0, position: null, lastHash: EMPTY_CHAIN.hash };
    this.entries.set(streamId, { loaded: start, format, snapshotAt: start.revision });
    return this.readOn(streamId, fold);
  }

  /**
   * Reads and folds what the stream holds beyond the state kept, a page at a time (`pagesOf`),
   * keeping each page's state; a snapshot, when one is due, of the state it ends with.
   */
  private async readOn<S>(streamId: string, fold: (state: S, events: readonly StoredEvent[]) => S): Promise<Loaded<S>> {
    let loaded = this.entries.get(streamId)!.loaded as Loaded<S>;
    for await (const page of pagesOf(this.store, streamId, loaded.revision)) {
      const last = page[page.length - 1]!;
      loaded = { state: fold(loaded.state, page), revision: last.revision, position: last.position, lastHash: chainHashOf(last) };
      this.keep(streamId, loaded);
    }
    this.snapshotIfDue(streamId);
    return loaded;
  }

  private keep(streamId: string, loaded: Loaded<unknown>, format?: string): void {
    const held = this.entries.get(streamId);
    if (held && held.loaded.revision >= loaded.revision) return;
    this.entries.set(streamId, { loaded, format: format ?? held?.format, snapshotAt: held?.snapshotAt ?? 0 });
  }

  private snapshotIfDue(streamId: string): void {
    const held = this.entries.peek(streamId);
    if (!held?.format || !this.snapshots) return;
    const due = Math.max(SNAPSHOT_EVERY, weightOf(held.loaded.state) * EVENTS_PER_WEIGHT);
    if (held.loaded.revision - held.snapshotAt >= due) this.snapshotLater(streamId, this.snapshots);
  }

  private snapshotLater(streamId: string, snapshots: NonNullable<StreamStatesOptions['snapshots']>): void {
    if (this.toSnapshot.has(streamId)) return;
    this.toSnapshot.add(streamId);
    this.saving = this.saving.then(async () => {
      // The newest state held by now; none if the stream was forgotten meanwhile (its next load reads on from the last snapshot).
      const held = this.entries.peek(streamId);
      this.toSnapshot.delete(streamId);
      if (!held?.format) return;
      try {
        await snapshots.store.save(streamId, held.loaded as Loaded<object>, held.format);
        const now = this.entries.peek(streamId);
        if (now) now.snapshotAt = Math.max(now.snapshotAt, held.loaded.revision);
      } catch (error) {
        snapshots.log.error({ err: error, streamId }, 'a snapshot of a stream\'s state could not be saved; loads read on from the one before');
      }
    });
  }
}

export type StreamStatesOptions = Readonly<{
  /** States held at most, and what they may weigh in all (weightOf). */
  limit?: number;
  maxWeight?: number;
  /** Where snapshots are read and saved, and where one that could not be saved is told; none without. */
  snapshots?: Readonly<{ store: StateSnapshots; log: Readonly<{ error(details: object, message: string): void }> }>;
}>;

/**
 * Counts a state keeps of what lies within its maps' entries, up to 1,000 in one: a secrets
 * scope's lifetimes and its secrets' explicit roles. Walking the entries for them here instead
 * would go over every one at each save.
 */
const COUNTS_WITHIN = ['keptLifetimes', 'explicitRoles'] as const;

/** A folded state's weight: one, one per entry of the maps it holds (a scope's keys, a workspace's members), and what COUNTS_WITHIN count. */
function weightOf(state: unknown): number {
  let weight = 1;
  if (state === null || typeof state !== 'object') return weight;
  for (const value of Object.values(state)) if (value instanceof Map) weight += value.size;
  const counts = state as Partial<Record<(typeof COUNTS_WITHIN)[number], unknown>>;
  for (const name of COUNTS_WITHIN) {
    const count = counts[name];
    if (typeof count === 'number') weight += count;
  }
  return weight;
}
