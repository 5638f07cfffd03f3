import type { EventMetadata } from './event';

/** An event as a command hands it to the log. */
export type NewEvent = Readonly<{ type: string; data: unknown; metadata: EventMetadata }>;

/**
 * An event as the log gives it back.
 * - `revision` is the stream's revision *after* this event, i.e. its 1-based index, so the
 *   last event of a stream carries the stream's revision (the number of its events).
 * - `position` is the event's place in the global log, a decimal string: EventStoreDB
 *   positions exceed 2^53. Compare positions with `comparePositions`, never as strings.
 */
export type StoredEvent = NewEvent &
  Readonly<{
    streamId: string;
    revision: number;
    position: string;
  }>;
