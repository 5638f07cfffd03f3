import { PreconditionFailed, StreamBusy } from '../errors';
import { parseStreamEvents, streamIds, type Category, type EventOf } from '../events/streams';
import { WrongExpectedRevision, type EventStore } from '../stores/eventStore.port';
import type { Loaded, StreamStates } from './streamStates';

/** How many times a write without If-Match retries after another writer got there first. */
const MAX_ATTEMPTS = 5;

export type Written = Readonly<{ revision: number; position: string | null; appended: number }>;

/**
 * Runs commands against the streams of one category: load the state (cached), let `attempt`
 * do the impure preparation and the pure decision, append with the revision it read.
 * With `expectedRevision` (If-Match) a stale revision is a 412; without, a conflict retries.
 */
export class StreamCommands<C extends Category, S> {
  /** The last command queued on each stream: commands on one stream run one after another here. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: Pick<EventStore, 'append'>,
    private readonly states: StreamStates,
    private readonly category: C,
    private readonly decider: Readonly<{ initialState: S; evolve: (state: S, event: EventOf<C>) => S }>,
  ) {}

  load(ownerId: string): Promise<Loaded<S>> {
    return this.states.load(streamIds[this.category](ownerId), this.decider.initialState, (state, stored) =>
      parseStreamEvents(this.category, stored).reduce(this.decider.evolve, state),
    );
  }

  /**
   * Commands on one stream are queued within this process, so concurrent saves to one scope do
   * not race each other into conflicts and retries; conflicts with other processes still retry.
   */
  execute(
    ownerId: string,
    attempt: (loaded: Loaded<S>) => Promise<EventOf<C>[]> | EventOf<C>[],
    expectedRevision?: number,
  ): Promise<Written> {
    const streamId = streamIds[this.category](ownerId);
    const run = (this.queues.get(streamId) ?? Promise.resolve()).then(() => this.executeNow(ownerId, streamId, attempt, expectedRevision));
    const settled = run.catch(() => undefined);
    this.queues.set(streamId, settled);
    void settled.then(() => {
      if (this.queues.get(streamId) === settled) this.queues.delete(streamId);
    });
    return run;
  }

  private async executeNow(
    ownerId: string,
    streamId: string,
    attempt: (loaded: Loaded<S>) => Promise<EventOf<C>[]> | EventOf<C>[],
    expectedRevision: number | undefined,
  ): Promise<Written> {
    for (let i = 0; i < MAX_ATTEMPTS; i += 1) {
      const loaded = await this.load(ownerId);
      if (expectedRevision !== undefined && loaded.revision !== expectedRevision) throw new PreconditionFailed(loaded.revision);
      const events = await attempt(loaded);
      if (events.length === 0) return { revision: loaded.revision, position: loaded.position, appended: 0 };
      try {
        const result = await this.store.append(streamId, events, loaded.revision);
        this.states.remember(streamId, {
          state: events.reduce(this.decider.evolve, loaded.state),
          revision: result.revision,
          position: result.position,
        });
        return { ...result, appended: events.length };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) throw error;
        if (expectedRevision !== undefined) throw new PreconditionFailed(error.actual);
      }
    }
    throw new StreamBusy(streamId);
  }
}
