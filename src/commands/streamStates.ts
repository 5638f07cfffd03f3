import { LRUCache } from 'lru-cache';
import { chainHashOf, EMPTY_CHAIN } from '../proof/chain';
import type { EventStore, StoredEvent } from '../stores/eventStore.port';

/**
 * A stream's folded state at a revision, with the position of its last event and its hash, the
 * `prev` of the next event (DESIGN §8).
 */
export type Loaded<S> = Readonly<{ state: S; revision: number; position: string | null; lastHash: string }>;

const DEFAULT_LIMIT = 10_000;

/**
 * Keeps each stream's last folded state in memory by revision, so loading a stream reads only
 * the events appended since: a command's cost does not grow with the stream's history.
 * States are immutable, so a cached one can be handed out and folded further safely.
 */
export class StreamStates {
  private readonly entries: LRUCache<string, Loaded<unknown>>;

  constructor(
    private readonly store: Pick<EventStore, 'readStream'>,
    limit = DEFAULT_LIMIT,
  ) {
    this.entries = new LRUCache({ max: limit });
  }

  async load<S>(
    streamId: string,
    initial: S,
    fold: (state: S, events: readonly StoredEvent[]) => S,
  ): Promise<Loaded<S>> {
    const cached = (this.entries.get(streamId) as Loaded<S> | undefined) ?? { state: initial, revision: 0, position: null, lastHash: EMPTY_CHAIN.hash };
    const newer = await this.store.readStream(streamId, cached.revision);
    if (newer.length === 0) return cached;
    const last = newer[newer.length - 1]!;
    const loaded: Loaded<S> = { state: fold(cached.state, newer), revision: last.revision, position: last.position, lastHash: chainHashOf(last) };
    this.remember(streamId, loaded);
    return loaded;
  }

  /** Records the state after a successful append, so the next load reads nothing. */
  remember<S>(streamId: string, loaded: Loaded<S>): void {
    const current = this.entries.get(streamId);
    if (current && current.revision >= loaded.revision) return;
    this.entries.set(streamId, loaded);
  }
}
