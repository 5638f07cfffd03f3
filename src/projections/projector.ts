import { EventEmitter } from 'node:events';
import type { EventStore, StoredEvent, Subscription } from '../stores/eventStore.port';
import { comparePositions } from '../stores/position';
import type { ReadStore, ViewWrite } from '../stores/readStore.port';
import { viewWritesFor } from './applyEvents';
import type { AnyProjection } from './projection';
import type { ViewDocs } from './views';
import { waitForPosition } from './waitForPosition';

export type ProjectorLog = Readonly<{ error: (obj: object, msg: string) => void; info: (obj: object, msg: string) => void }>;

/** What the views have applied; also implemented by readers that only poll a shared store. */
export interface ViewProgress {
  /** The last log position the views have applied (null: none yet). */
  position(): string | null;
  /** Resolves true once the views reached `position`, false after `timeoutMs`. */
  waitFor(position: string, timeoutMs: number): Promise<boolean>;
}

/**
 * Follows the global log from the stored checkpoint and keeps the views current. Each batch
 * is applied and the checkpoint moved in one commit. If a rebuild swapped in new views
 * meanwhile (the checkpoint's generation changed), it starts over from the new checkpoint.
 */
export class Projector implements ViewProgress {
  private readonly emitter = new EventEmitter();
  private subscription: Subscription | null = null;
  private current: string | null = null;
  private generation = '';
  private failure: unknown = null;

  constructor(
    private readonly eventStore: Pick<EventStore, 'follow'>,
    private readonly readStore: ReadStore<ViewDocs>,
    private readonly projections: readonly AnyProjection[],
    private readonly log: ProjectorLog,
  ) {
    this.emitter.setMaxListeners(0);
  }

  /** Called after each committed batch with the documents it wrote: cache invalidation. */
  onApplied(listener: (writes: readonly ViewWrite<ViewDocs>[], position: string) => void): void {
    this.emitter.on('applied', listener);
  }

  /**
   * Called when a rebuild swapped in new views under this projector. They may already hold
   * events it never applies itself (it follows on from their checkpoint), so listeners must
   * drop whatever they derived from the old views (cache entries).
   */
  onReplaced(listener: () => void): void {
    this.emitter.on('replaced', listener);
  }

  async start(): Promise<void> {
    const checkpoint = await this.readStore.checkpoint();
    this.current = checkpoint.position;
    this.generation = checkpoint.generation;
    this.failure = null;
    this.subscription = this.eventStore.follow(
      checkpoint.position,
      (events) => this.apply(events),
      (error) => {
        this.failure = error;
        this.log.error({ err: error }, 'projector stopped on an error');
      },
    );
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.stop();
  }

  /** The error that stopped the projector, if one did (readiness reports it). */
  get error(): unknown {
    return this.failure;
  }

  position(): string | null {
    return this.current;
  }

  waitFor(position: string, timeoutMs: number): Promise<boolean> {
    // 'replaced' too: a rebuilt checkpoint may already be past `position`.
    return waitForPosition(this.emitter, ['applied', 'replaced'], () => this.current, position, timeoutMs);
  }

  private async apply(events: readonly StoredEvent[]): Promise<void> {
    const last = events[events.length - 1]!.position;
    if (comparePositions(last, this.current) <= 0) return;
    const writes = await viewWritesFor(this.readStore, this.projections, events);
    const committed = await this.readStore.commit(writes, last, this.generation);
    if (!committed) {
      this.log.info({}, 'views were rebuilt meanwhile; following again from the new checkpoint');
      // Not awaited: stopping waits for this very handler to return.
      void this.restart();
      return;
    }
    this.current = last;
    this.emitter.emit('applied', writes, last);
  }

  private async restart(): Promise<void> {
    await this.stop();
    await this.start();
    this.emitter.emit('replaced');
  }
}

/**
 * Projects the whole log into `store` (a fresh rebuild target) until it reaches the head.
 * Returns the number of events read.
 */
export async function projectAll(
  eventStore: Pick<EventStore, 'readAll'>,
  store: ReadStore<ViewDocs>,
  projections: readonly AnyProjection[],
  batchSize = 2000,
): Promise<number> {
  const { generation } = await store.checkpoint();
  let position = (await store.checkpoint()).position;
  let count = 0;
  for (;;) {
    const events = await eventStore.readAll(position, batchSize);
    if (events.length === 0) return count;
    const last = events[events.length - 1]!.position;
    await store.commit(await viewWritesFor(store, projections, events), last, generation);
    position = last;
    count += events.length;
  }
}
