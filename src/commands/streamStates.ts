import { LRUCache } from 'lru-cache';
import { chainHashOf, EMPTY_CHAIN } from '../proof/chain';
import type { EventStore, StoredEvent } from '../stores/eventStore.port';
import { pagesOf } from '../stores/streamPages';
import { SNAPSHOT_WEIGHT_PER_EVENT, type LoadBudget } from './loadBudget';
import { oneAtATime, whenIdle, type UnderWay } from './oneAtATime';
import type { SnapshotSchedule } from './snapshotSchedule';

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
 * Keeps each stream's last folded state in memory by revision, so loading a stream reads only
 * the events appended since: a command's cost does not grow with the stream's history. At most
 * DEFAULT_LIMIT states, weighing DEFAULT_MAX_WEIGHT in all, the one used longest ago out first.
 * States are immutable, so a cached one can be handed out and folded further safely.
 *
 * A stream not held (the first command on a scope after a start, or one forgotten for others)
 * starts from its snapshot (stateSnapshots.ts) when there is one to believe, else from its first
 * event, and reads on a page at a time, the event loop turning between pages, once for all the
 * loads that ask for it meanwhile (loads of a stream held read on side by side). Without
 * snapshots a load cost what the stream's whole history cost (a scope of 200,000 events: 1.3–2.3
 * s of CPU, by the VM's phase), and anyone who can fill the cache with their own scopes could
 * make every command on theirs, or on others', pay that; with them, about what the state weighs
 * (snapshotSchedule.ts). Each state a stream durably reaches is offered to the schedule, which
 * saves one when it is due.
 */
export class StreamStates {
  private readonly entries: LRUCache<string, Loaded<unknown>>;
  /** The first load of each stream not held, under way: later loads of it wait for it, then read what came after. */
  private readonly loading: UnderWay<string> = new Map();
  private readonly snapshots: SnapshotSchedule | undefined;
  private readonly budget: LoadBudget | undefined;

  constructor(
    private readonly store: Pick<EventStore, 'readStream'>,
    { limit = DEFAULT_LIMIT, maxWeight = DEFAULT_MAX_WEIGHT, snapshots, budget }: StreamStatesOptions = {},
  ) {
    this.entries = new LRUCache({ max: limit, maxSize: maxWeight, sizeCalculation: (loaded) => weightOf(loaded.state) });
    this.snapshots = snapshots;
    this.budget = budget;
  }

  /**
   * Loads the stream's state. `format` names its snapshots' (none are read or saved without one);
   * `payer`, the principal whose request it is, pays for a load of a stream not held (LoadBudget).
   */
  async load<S>(
    streamId: string,
    initial: S,
    fold: (state: S, events: readonly StoredEvent[]) => S,
    { format, payer }: LoadOptions = {},
  ): Promise<Loaded<S>> {
    await whenIdle(this.loading, streamId);
    // A stream held reads on from its state, side by side with other loads of it (each reads
    // what came after, usually nothing): only the first read of a stream is one for all.
    const held = this.entries.get(streamId) as Loaded<S> | undefined;
    if (held) return this.readOn(streamId, held, fold, format);
    if (payer === undefined || !this.budget) return (await this.loadNotHeld(streamId, initial, fold, format)).loaded;
    // The payer's turn comes first, and only then is the load one for all: a principal's loads
    // waiting for their turn hold up nobody else's load of the same stream.
    return this.budget.paid(payer, () => this.loadNotHeld(streamId, initial, fold, format));
  }

  /** Records the state after a successful append, so the next load reads nothing. */
  remember<S>(streamId: string, loaded: Loaded<S>, format?: string): void {
    this.keep(streamId, loaded);
    this.offer(streamId, loaded, format);
  }

  /**
   * Loads a stream not held: from its snapshot, or its first event, once for all who ask meanwhile
   * (or reads on, when another load brought it in while this one waited its turn). Answers what it
   * read, in events: the events, and one for each SNAPSHOT_WEIGHT_PER_EVENT of its snapshot's state's
   * weight, at least one (the reads cost something even of a stream that has no events).
   */
  private async loadNotHeld<S>(
    streamId: string,
    initial: S,
    fold: (state: S, events: readonly StoredEvent[]) => S,
    format: string | undefined,
  ): Promise<Readonly<{ loaded: Loaded<S>; events: number }>> {
    return oneAtATime(this.loading, streamId, async () => {
      const held = this.entries.get(streamId) as Loaded<S> | undefined;
      if (held) return { loaded: await this.readOn(streamId, held, fold, format), events: 0 };
      const snapshot = format === undefined ? null : await this.snapshots?.read<S>(streamId, format);
      const start = snapshot ?? { state: initial, revision: 0, position: null, lastHash: EMPTY_CHAIN.hash };
      this.keep(streamId, start);
      const loaded = await this.readOn(streamId, start, fold, format);
      const snapshotCost = snapshot ? Math.ceil(weightOf(snapshot.state) / SNAPSHOT_WEIGHT_PER_EVENT) : 0;
      return { loaded, events: Math.max(1, loaded.revision - start.revision + snapshotCost) };
    });
  }

  /**
   * Reads and folds what the stream holds beyond `from`, a page at a time (`pagesOf`), keeping
   * each page's state, and offers the state it ends with for a snapshot.
   */
  private async readOn<S>(streamId: string, from: Loaded<S>, fold: (state: S, events: readonly StoredEvent[]) => S, format: string | undefined): Promise<Loaded<S>> {
    let loaded = from;
    for await (const page of pagesOf(this.store, streamId, loaded.revision)) {
      const last = page[page.length - 1]!;
      loaded = { state: fold(loaded.state, page), revision: last.revision, position: last.position, lastHash: chainHashOf(last) };
      this.keep(streamId, loaded);
    }
    this.offer(streamId, loaded, format);
    return loaded;
  }

  /** Holds the state, if newer than the one held. A stream with no events is not held: anyone may ask for any. */
  private keep(streamId: string, loaded: Loaded<unknown>): void {
    if (loaded.revision === 0) return;
    const current = this.entries.get(streamId);
    if (current && current.revision >= loaded.revision) return;
    this.entries.set(streamId, loaded);
  }

  private offer(streamId: string, loaded: Loaded<unknown>, format: string | undefined): void {
    if (format !== undefined && loaded.state !== null && typeof loaded.state === 'object') {
      this.snapshots?.offer(streamId, loaded as Loaded<object>, format, () => weightOf(loaded.state));
    }
  }
}

export type StreamStatesOptions = Readonly<{
  /** States held at most, and what they may weigh in all (weightOf). */
  limit?: number;
  maxWeight?: number;
  /** Where snapshots are read from and offered to; none without. */
  snapshots?: SnapshotSchedule;
  /** What principals' loads of streams not held may cost; unlimited without. */
  budget?: LoadBudget;
}>;

export type LoadOptions = Readonly<{ format?: string; payer?: string }>;

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
