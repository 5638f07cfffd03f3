import { parseStoredEvent, type RecordedEvent } from '../events/streams';
import type { EventStore } from '../stores/eventStore.port';
import { LogFollower } from './logFollower';
import type { AnyProjection } from './projection';
import type { ViewCache } from './viewCache';

/**
 * Keeps an API instance's cache honest when the projector runs elsewhere: follows the log and,
 * for every event, invalidates the documents the projections would change, by position. The
 * cache then refuses any read older than that position until the projector has applied it.
 * Its own progress counts too: a position is reached for this instance only once the shared
 * views have it *and* its cache no longer holds anything older (see `bothReached`).
 */
export class LogInvalidator extends LogFollower {
  private readonly listeners: Array<(recorded: RecordedEvent) => void> = [];

  constructor(
    eventStore: Pick<EventStore, 'follow'>,
    private readonly cache: ViewCache,
    private readonly projections: readonly AnyProjection[],
    onError: (error: unknown) => void,
  ) {
    super(eventStore, onError);
  }

  /** Called with every event of this service, as it is invalidated, before its position counts as reached. */
  onEvent(listener: (recorded: RecordedEvent) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Follows from `after` (the views' checkpoint when the instance starts, read before any cache
   * entry); its position is the last one whose documents this instance has invalidated.
   */
  override start(after: string | null): void {
    super.start(after, async (events) => {
      for (const stored of events) {
        const recorded = parseStoredEvent(stored);
        if (!recorded) continue;
        for (const listener of this.listeners) listener(recorded);
        for (const projection of this.projections) {
          for (const id of projection.documentIds(recorded)) this.cache.invalidate(projection.collection, id, recorded.position);
        }
      }
      this.reached(events[events.length - 1]!.position);
    });
  }
}
