import type { EventStore, StoredEvent } from '../stores/eventStore.port';
import { comparePositions } from '../stores/position';
import type { ReadStore, ViewWrite } from '../stores/readStore.port';
import { viewChangesFor } from './applyEvents';
import type { AnyProjection } from './projection';
import type { ViewDocs } from './views';
import { LogFollower } from './logFollower';
import { heldCollections, HeldDocuments } from './heldDocuments';

export type ProjectorLog = Readonly<{ error: (obj: object, msg: string) => void; info: (obj: object, msg: string) => void }>;

/** What the views have applied; also implemented by readers that only poll a shared store. */
export interface ViewProgress {
  /** The last log position the views have applied (null: none yet). */
  position(): string | null;
  /** Resolves true once the views reached `position`, false after `timeoutMs`. */
  waitFor(position: string, timeoutMs: number): Promise<boolean>;
}

/**
 * Follows the global log from the stored checkpoint and keeps the views current. Each batch's
 * whole writes are applied and the checkpoint moved in one commit. If a rebuild swapped in new
 * views meanwhile (the checkpoint's generation changed), it starts over from the new checkpoint.
 */
export class Projector extends LogFollower {
  private readonly appliedListeners: AppliedListener[] = [];
  private readonly replacedListeners: Array<() => void> = [];
  private generation = '';
  /**
   * The events of a write the last batch ended inside of (see `asOneWrite`), held back until the
   * batch that ends it: the views commit a write whole (a batch save of 1,000 keys is up to 3,000
   * events; SQLite's log gives at most 1,000 a batch, EventStoreDB's 500). On SQLite one
   * transaction takes it, so no query sees part of it; MongoDB writes a batch collection by
   * collection, without one.
   */
  private unfinished: StoredEvent[] = [];
  /**
   * The subscription whose batches are applied; any other's are dropped. A refused commit moves it
   * on at once, so what the old subscription still delivers while it stops (EventStoreDB hands on
   * what it buffered) is dropped, and no second restart begins from it.
   */
  private following = 0;
  /** The restart under way after a refused commit, which `stop()` waits for. */
  private restarting: Promise<void> | null = null;
  /** Stopped from outside (the service closing): a restart under way does not follow again. */
  private stopped = false;
  /** Ends the pause of a restart that failed, so that stopping does not wait it out. */
  private endPause: (() => void) | null = null;
  /** Ends the wait for listeners that have not kept up, so that stopping does not wait on them. */
  private endListenerWait: (() => void) | null = null;

  constructor(
    eventStore: Pick<EventStore, 'follow'>,
    private readonly readStore: ReadStore<ViewDocs>,
    private readonly projections: readonly AnyProjection[],
    private readonly log: ProjectorLog,
  ) {
    super(eventStore, (error) => log.error({ err: error }, 'the projector failed to apply events; it follows the log again shortly'));
  }

  /**
   * Called after each committed batch with the documents it wrote: cache invalidation, the audit
   * sink. A listener that cannot keep up returns a promise, and the next batch waits for it.
   */
  onApplied(listener: AppliedListener): void {
    this.appliedListeners.push(listener);
  }

  /**
   * Called when a rebuild swapped in new views under this projector. They may already hold
   * events it never applies itself (it follows on from their checkpoint), so listeners must
   * drop whatever they derived from the old views (cache entries).
   */
  onReplaced(listener: () => void): void {
    this.replacedListeners.push(listener);
  }

  /** Follows from the views' checkpoint; its position is the last one they applied. */
  async run(): Promise<void> {
    this.stopped = false;
    await this.followFromCheckpoint();
  }

  /** Stops following; a restart under way ends first, without following again. */
  override async stop(): Promise<void> {
    this.stopped = true;
    this.endPause?.();
    this.endListenerWait?.();
    await this.restarting;
    await super.stop();
  }

  private async followFromCheckpoint(): Promise<void> {
    const checkpoint = await this.readStore.checkpoint();
    if (this.stopped) return;
    this.generation = checkpoint.generation;
    this.unfinished = [];
    const subscription = (this.following += 1);
    this.start(checkpoint.position, (events) => this.apply(events, subscription));
  }

  private async apply(batch: readonly StoredEvent[], subscription: number): Promise<void> {
    if (subscription !== this.following) return;
    const read = this.withUnfinished(batch);
    const end = read.findLastIndex((event) => event.metadata.continued !== true) + 1;
    this.unfinished = read.slice(end);
    const events = read.slice(0, end);
    if (events.length === 0) return;
    const last = events[events.length - 1]!.position;
    if (comparePositions(last, this.position()) <= 0) return;
    const { writes, removals } = await viewChangesFor(this.readStore, this.projections, events);
    const committed = await this.readStore.commit(writes, last, this.generation, removals);
    if (!committed) {
      this.log.info({}, 'views were rebuilt meanwhile; following again from the new checkpoint');
      this.following += 1;
      // Not awaited: stopping the subscription waits for this very handler to return. One restart
      // at a time: a refusal right after one (two rebuilds in a row) restarts once it is done.
      const restarting: Promise<void> = (this.restarting ?? Promise.resolve())
        .then(() => this.restart())
        // restart() catches its own failures; this only keeps an unforeseen one from ending the process.
        .catch((error: unknown) => this.log.error({ err: error }, 'the projector could not follow the rebuilt views'))
        .finally(() => {
          if (this.restarting === restarting) this.restarting = null;
        });
      this.restarting = restarting;
      return;
    }
    // Those woken by reached() go on only after this returns (their promises resolve later), so
    // every listener (the cache invalidation, the key shredder forgetting destroyed keys) has run
    // by the time anyone reads at this position.
    this.reached(last);
    const waits: Promise<void>[] = [];
    this.tell(this.appliedListeners, 'a listener of applied views failed', (listener) => {
      const wait = listener(writes, last);
      if (wait) waits.push(wait.catch((error: unknown) => this.log.error({ err: error }, 'a listener of applied views failed')));
    });
    if (waits.length > 0) await this.untilKeptUp(waits);
  }

  /**
   * Holds the next batch back until the listeners that fell behind have kept up (an AUDIT_SINK
   * nobody reads): the views then lag, which readiness reports, instead of the process holding
   * what the listener has not taken. Stopping ends the wait.
   */
  private untilKeptUp(waits: readonly Promise<void>[]): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const end = () => {
        if (this.endListenerWait === end) this.endListenerWait = null;
        resolve();
      };
      this.endListenerWait = end;
      void Promise.all(waits).then(end);
    });
  }

  /**
   * Calls each listener in turn. One that throws is logged and the next called all the same: a
   * cache invalidation must not be skipped because a listener before it failed, and the batch is
   * committed already, so a failure here is no failure to apply it.
   */
  private tell<L>(listeners: readonly L[], failure: string, call: (listener: L) => void): void {
    for (const listener of listeners) {
      try {
        call(listener);
      } catch (error) {
        this.log.error({ err: error }, failure);
      }
    }
  }

  /**
   * The held-back events of an unfinished write, then the batch. A batch that does not start after
   * them comes from following again from the checkpoint (after an error): it reads them again.
   */
  private withUnfinished(batch: readonly StoredEvent[]): readonly StoredEvent[] {
    const held = this.unfinished;
    if (held.length === 0) return batch;
    if (comparePositions(batch[0]!.position, held[held.length - 1]!.position) <= 0) return batch;
    return [...held, ...batch];
  }

  /**
   * Follows the rebuilt views from their checkpoint once the old subscription has stopped. A
   * failure (the views busy right after the swap, a database failing over) is logged and tried
   * again, later each time, until it follows or is stopped.
   */
  private async restart(): Promise<void> {
    for (let delayMs = RESTART_FIRST_MS; ; delayMs = Math.min(delayMs * 2, RESTART_MAX_MS)) {
      if (this.stopped) return;
      try {
        await super.stop();
        await this.followFromCheckpoint();
        break;
      } catch (error) {
        this.log.error({ err: error }, 'the projector could not follow the rebuilt views; it tries again shortly');
        this.failedToFollow(error);
        if (this.stopped) return;
        await this.pause(delayMs);
      }
    }
    if (this.stopped) return;
    // A rebuilt checkpoint may already be past what someone waits for: following again wakes them
    // too. They go on only after this returns, so the listeners have cleared what they derived from
    // the old views by then, and one that throws does not keep them waiting.
    this.reached(this.position());
    this.tell(this.replacedListeners, 'a listener of the rebuilt views failed', (listener) => listener());
  }

  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.endPause?.(), ms).unref();
      this.endPause = () => {
        clearTimeout(timer);
        this.endPause = null;
        resolve();
      };
    });
  }
}

/** Told of each committed batch; returns a promise when it has fallen behind, for the next batch to wait on. */
export type AppliedListener = (writes: readonly ViewWrite<ViewDocs>[], position: string) => void | Promise<void>;

/** After a failed restart the projector tries again after this long, then twice as long each time, up to RESTART_MAX_MS. */
const RESTART_FIRST_MS = 250;
const RESTART_MAX_MS = 30_000;

/**
 * How many documents a rebuild holds back (HeldDocuments, which also bounds their text): more
 * than the benchmarks' log of 1,000,000 events has (2,000 workspaces of 10 secrets, each with its
 * deleted-secrets document, members and scopes: ~48,000, ~40 Mi characters).
 */
const HELD_DOCUMENTS = 50_000;

/**
 * Projects the whole log into `store` (a fresh rebuild target) until it reaches the head.
 * Returns the number of events read.
 */
export async function projectAll(
  eventStore: Pick<EventStore, 'readAll'>,
  store: ReadStore<ViewDocs>,
  projections: readonly AnyProjection[],
  batchSize = 2000,
  heldDocuments = HELD_DOCUMENTS,
): Promise<number> {
  const checkpoint = await store.checkpoint();
  const { generation } = checkpoint;
  let position = checkpoint.position;
  const held = new HeldDocuments(store, heldCollections(projections.filter((p) => !p.fromEventAlone).map((p) => p.collection)), heldDocuments);
  let count = 0;
  for (;;) {
    const events = await eventStore.readAll(position, batchSize);
    if (events.length === 0) break;
    const last = events[events.length - 1]!.position;
    const { writes, removals } = await viewChangesFor(held, projections, events);
    await store.commit(held.take(writes), last, generation, removals);
    position = last;
    count += events.length;
  }
  if (position !== null) await store.commit(held.release(), position, generation);
  return count;
}
