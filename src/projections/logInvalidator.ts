import { parseStoredEvent } from '../events/streams';
import type { EventStore, Subscription } from '../stores/eventStore.port';
import { EventEmitter } from 'node:events';
import type { AnyProjection } from './projection';
import type { ViewProgress } from './projector';
import type { ViewCache } from './viewCache';
import { waitForPosition } from './waitForPosition';

/**
 * Keeps an API instance's cache honest when the projector runs elsewhere: follows the log and,
 * for every event, invalidates the documents the projections would change, by position. The
 * cache then refuses any read older than that position until the projector has applied it.
 * Its own progress counts too: a position is reached for this instance only once the shared
 * views have it *and* its cache no longer holds anything older (see `bothReached`).
 */
export class LogInvalidator implements ViewProgress {
  private subscription: Subscription | null = null;
  private current: string | null = null;
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private failure: unknown = null;

  constructor(
    private readonly eventStore: Pick<EventStore, 'follow' | 'headPosition'>,
    private readonly cache: ViewCache,
    private readonly projections: readonly AnyProjection[],
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Follows from `after`: the views' checkpoint when the instance starts, read before any cache entry. */
  start(after: string | null): void {
    this.current = after;
    this.subscription = this.eventStore.follow(
      after,
      async (events) => {
        for (const stored of events) {
          const recorded = parseStoredEvent(stored);
          if (!recorded) continue;
          for (const projection of this.projections) {
            for (const id of projection.documentIds(recorded)) this.cache.invalidate(projection.collection, id, recorded.position);
          }
        }
        this.current = events[events.length - 1]!.position;
        this.emitter.emit('advanced');
      },
      (error) => {
        this.failure = error;
        this.onError(error);
      },
    );
  }

  /** The error that stopped it, if one did (readiness reports it). */
  get error(): unknown {
    return this.failure;
  }

  /** The last position whose documents this instance has invalidated. */
  position(): string | null {
    return this.current;
  }

  waitFor(position: string, timeoutMs: number): Promise<boolean> {
    return waitForPosition(this.emitter, ['advanced'], () => this.current, position, timeoutMs);
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = null;
  }
}
