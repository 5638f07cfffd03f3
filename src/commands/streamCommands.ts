import { PreconditionFailed, StreamBusy } from '../errors';
import { asOneWrite } from '../events/event';
import { parseStreamEvents, streamIds, type Category, type EventOf } from '../events/streams';
import { chainEvents } from '../proof/chain';
import { ParentAppendFailed, WrongExpectedRevision, type AppendTicket, type EventStore } from '../stores/eventStore.port';
import type { Decider } from './command';
import type { Loaded, StreamStates } from './streamStates';

/** The service's own work (followers, sweeps, a deleted workspace's destruction, an erasure): it pays for no load. */
export const SERVICE_WORK = Symbol('the service’s own work');
/** Who pays for loading a stream not held: a principal (by the token's subject), or nobody. */
export type Payer = Readonly<{ userId: string }> | typeof SERVICE_WORK;
/** What a handler may do with a category's streams: say who pays, then load or command. */
export type PaidCommands<C extends Category, S> = Pick<StreamCommands<C, S>, 'by'>;

/** How many times a write without If-Match retries after another writer got there first. */
const MAX_ATTEMPTS = 5;

/** The revisions a write's `If-Match` accepts; empty when it accepts none (a weak tag). */
export type IfMatch = readonly number[];

/**
 * What a command did (emmett's `handleCommand` result): the state before and after it, the
 * events it appended (none when there was nothing to record), and where the stream stands:
 * its revision (the ETag of a scope) and the log position of its last event.
 */
export type CommandResult<S, E> = Readonly<{
  previousState: S;
  newState: S;
  newEvents: readonly E[];
  revision: number;
  position: string | null;
}>;

/** Decides a command on a loaded state: the impure preparation (sealing) and the pure decision. */
export type Attempt<S, E> = (loaded: Loaded<S>) => Promise<E[]> | E[];

/**
 * Runs commands against the streams of one category: load the state (cached), let the attempt
 * decide on it, append with the revision it read. With `ifMatch` any other revision is a 412;
 * without, a conflict with another writer retries on the newer state.
 */
export class StreamCommands<C extends Category, S> {
  /** The turn of the last command queued on each stream. */
  private readonly queues = new Map<string, Promise<void>>();
  /** The newest append handed to the store and not yet landed, per stream, with the state it makes. */
  private readonly inFlight = new Map<string, { after: Loaded<S>; appending: AppendTicket }>();

  constructor(
    private readonly store: Pick<EventStore, 'append'>,
    private readonly states: StreamStates,
    private readonly category: C,
    private readonly decider: Pick<Decider<S, unknown, EventOf<C>>, 'initialState' | 'fold' | 'stateFormat'>,
  ) {}

  /** Loads the owner's stream state; `payer`, the principal whose request it is, pays if it is not held (LoadBudget). */
  load(ownerId: string, payer?: string): Promise<Loaded<S>> {
    return this.states.load(
      streamIds[this.category](ownerId),
      this.decider.initialState,
      (state, stored) => this.decider.fold(state, parseStreamEvents(this.category, stored)),
      { format: this.decider.stateFormat, payer },
    );
  }

  /**
   * The commands and loads of one principal's request, which pay for loading a stream not held
   * (LoadBudget); or, `SERVICE_WORK`, of the service's own, which pay nothing. Handlers see only
   * this (`PaidCommands`), so none can forget to say who pays.
   */
  by(payer: Payer): Pick<StreamCommands<C, S>, 'execute' | 'load'> {
    const id = payer === SERVICE_WORK ? undefined : payer.userId;
    return {
      execute: (ownerId, attempt, ifMatch) => this.execute(ownerId, attempt, ifMatch, id),
      load: (ownerId) => this.load(ownerId, id),
    };
  }

  /**
   * Commands on one stream are queued within this process, so concurrent saves to one scope do
   * not race each other into conflicts and retries (conflicts with other processes still retry).
   * The queue is pipelined: the next command starts as soon as this one has handed its events to
   * the store, deciding on the state they will make; its append names this one as `after`, so
   * it lands only if this one did, and otherwise decides again from the store.
   */
  execute(ownerId: string, attempt: Attempt<S, EventOf<C>>, ifMatch?: IfMatch, payer?: string): Promise<CommandResult<S, EventOf<C>>> {
    const streamId = streamIds[this.category](ownerId);
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = this.queues.get(streamId) ?? Promise.resolve();
    this.queues.set(streamId, turn);
    void turn.then(() => {
      if (this.queues.get(streamId) === turn) this.queues.delete(streamId);
    });
    const run = previous.then(() => this.executeNow(ownerId, streamId, attempt, ifMatch, payer, release));
    void run.then(release, release);
    return run;
  }

  private async executeNow(
    ownerId: string,
    streamId: string,
    attempt: Attempt<S, EventOf<C>>,
    ifMatch: IfMatch | undefined,
    payer: string | undefined,
    release: () => void,
  ): Promise<CommandResult<S, EventOf<C>>> {
    for (let i = 0; i < MAX_ATTEMPTS; i += 1) {
      const parent = this.inFlight.get(streamId);
      const loaded = parent?.after ?? (await this.load(ownerId, payer));
      if (ifMatch !== undefined && !ifMatch.includes(loaded.revision)) throw new PreconditionFailed(loaded.revision);
      const newEvents = await attempt(loaded);
      if (newEvents.length === 0) {
        // "Nothing to record" holds only if the state it was decided on lands.
        if (parent && !(await landed(parent.appending))) continue;
        const current = await this.load(ownerId, payer);
        return { previousState: loaded.state, newState: loaded.state, newEvents, revision: current.revision, position: current.position };
      }
      // Chained on the state it was decided on: right exactly when the append's revision check passes.
      const chained = chainEvents(streamId, { revision: loaded.revision, hash: loaded.lastHash }, asOneWrite(newEvents));
      const after: Loaded<S> = {
        state: this.decider.fold(loaded.state, newEvents),
        revision: chained.head.revision,
        position: null,
        lastHash: chained.head.hash,
      };
      // Decided on a state still in flight, the append names that one: should it fail, this one
      // fails too, even where its expected revision would happen to match another writer's events.
      const appending = this.store.append(streamId, chained.events, { expectedRevision: loaded.revision, after: parent?.appending });
      this.inFlight.set(streamId, { after, appending });
      release();
      try {
        const { revision, position } = await appending;
        this.states.remember(streamId, { ...after, position }, this.decider.stateFormat);
        if (this.inFlight.get(streamId)?.after === after) this.inFlight.delete(streamId);
        return { previousState: loaded.state, newState: after.state, newEvents, revision, position };
      } catch (error) {
        // Everything decided on top of this append fails too; each starts again from the store.
        this.inFlight.delete(streamId);
        // An append it was decided on failed: that says nothing of the stream's revision, decide again.
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
