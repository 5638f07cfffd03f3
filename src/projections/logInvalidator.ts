import { parseStoredEvent } from '../events/streams';
import type { EventStore, Subscription } from '../stores/eventStore.port';
import type { Projection } from './projection';
import type { ViewCache } from './viewCache';

/**
 * Keeps an API instance's cache honest when the projector runs elsewhere: follows the log and,
 * for every event, invalidates the documents the projections would change, by position. The
 * cache then refuses any read older than that position until the projector has applied it.
 */
export class LogInvalidator {
  private subscription: Subscription | null = null;

  constructor(
    private readonly eventStore: Pick<EventStore, 'follow' | 'headPosition'>,
    private readonly cache: ViewCache,
    private readonly projections: readonly Projection[],
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Follows from `after`: the views' checkpoint when the instance starts, read before any cache entry. */
  start(after: string | null): void {
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
      },
      this.onError,
    );
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = null;
  }
}
