import { PreconditionFailed, StreamBusy } from '../errors';
import { parseStreamEvents, streamIds, type Category, type EventOf } from '../events/streams';
import { ParentAppendFailed, WrongExpectedRevision, type AppendResult, type EventStore } from '../stores/eventStore.port';
import type { Loaded, StreamStates } from './streamStates';

/** How many times a write without If-Match retries after another writer got there first. */
const MAX_ATTEMPTS = 5;

export type Written = Readonly<{ revision: number; position: string | null; appended: number }>;

/** The revisions a write's `If-Match` accepts; empty when it accepts none (a weak tag). */
export type IfMatch = readonly number[];

/**
 * Runs commands against the streams of one category: load the state (cached), let `attempt`
 * do the impure preparation and the pure decision, append with the revision it read.
 * With `ifMatch` (the revisions If-Match accepts) any other revision is a 412; without, a conflict retries.
 */
export class StreamCommands<C extends Category, S> {
  /** The turn of the last command queued on each stream. */
  private readonly queues = new Map<string, Promise<void>>();
  /** The newest append handed to the store and not yet landed, per stream, with the state it makes. */
  private readonly inFlight = new Map<string, { after: Loaded<unknown>; appending: Promise<AppendResult> }>();

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
   * not race each other into conflicts and retries (conflicts with other processes still retry).
   * The queue is pipelined: the next command starts as soon as this one has handed its events to
   * the store, deciding on the state they will make; if the append fails, so does every append
   * built on it (their expected revisions no longer match), and each retries from the store.
   */
  execute(
    ownerId: string,
    attempt: (loaded: Loaded<S>) => Promise<EventOf<C>[]> | EventOf<C>[],
    ifMatch?: IfMatch,
  ): Promise<Written> {
    const streamId = streamIds[this.category](ownerId);
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = this.queues.get(streamId) ?? Promise.resolve();
    this.queues.set(streamId, turn);
    void turn.then(() => {
      if (this.queues.get(streamId) === turn) this.queues.delete(streamId);
    });
    const run = previous.then(() => this.executeNow(ownerId, streamId, attempt, ifMatch, release));
    void run.then(release, release);
    return run;
  }

  private async executeNow(
    ownerId: string,
    streamId: string,
    attempt: (loaded: Loaded<S>) => Promise<EventOf<C>[]> | EventOf<C>[],
    ifMatch: IfMatch | undefined,
    release: () => void,
  ): Promise<Written> {
    for (let i = 0; i < MAX_ATTEMPTS; i += 1) {
      const parent = this.inFlight.get(streamId);
      const loaded = (parent?.after as Loaded<S> | undefined) ?? (await this.load(ownerId));
      if (ifMatch !== undefined && !ifMatch.includes(loaded.revision)) throw new PreconditionFailed(loaded.revision);
      const events = await attempt(loaded);
      if (events.length === 0) {
        // "Nothing to record" holds only if the state it was decided on lands.
        if (parent && !(await landed(parent.appending))) continue;
        const current = await this.load(ownerId);
        return { revision: current.revision, position: current.position, appended: 0 };
      }
      const after: Loaded<S> = { state: events.reduce(this.decider.evolve, loaded.state), revision: loaded.revision + events.length, position: null };
      // Decided on a state still in flight, the append names that parent: should the parent fail,
      // this one fails too, even where its expected revision would happen to match another
      // writer's events. (The SQLite log still commits both in one transaction when it can.)
      const appending = this.store.append(streamId, events, loaded.revision, parent?.appending);
      this.inFlight.set(streamId, { after, appending });
      release();
      try {
        const result = await appending;
        this.states.remember(streamId, { ...after, position: result.position });
        if (this.inFlight.get(streamId)?.after === after) this.inFlight.delete(streamId);
        return { ...result, appended: events.length };
      } catch (error) {
        // Everything decided on top of this append fails too; each starts again from the store.
        this.inFlight.delete(streamId);
        // A parent that failed says nothing of the stream's revision: decide again from the store.
        if (error instanceof ParentAppendFailed) continue;
        if (!(error instanceof WrongExpectedRevision)) throw error;
        if (ifMatch !== undefined) throw new PreconditionFailed(error.actual);
      }
    }
    throw new StreamBusy(streamId);
  }
}

function landed(appending: Promise<unknown>): Promise<boolean> {
  return appending.then(
    () => true,
    () => false,
  );
}
