import type { EventMetadata } from '../events/event';

/** An event as a command handler hands it to the store. */
export type NewEvent = Readonly<{ type: string; data: unknown; metadata: EventMetadata }>;

/**
 * An event as the store gives it back.
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

export type AppendResult = Readonly<{ revision: number; position: string }>;

/** The stream's revision was not the one the writer expected. */
export class WrongExpectedRevision extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at revision ${actual}, not ${expected}`);
    this.name = 'WrongExpectedRevision';
  }
}

/** The append this one was decided on (its `parent`) did not land, so this one did not either. */
export class ParentAppendFailed extends Error {
  constructor(readonly streamId: string) {
    super(`The append to ${streamId} this one was decided on did not land`);
    this.name = 'ParentAppendFailed';
  }
}

export interface Subscription {
  /** Stops following after the batch in hand is handled. */
  stop(): Promise<void>;
}

export type FollowHandler = (events: readonly StoredEvent[]) => Promise<void>;

export interface EventStore {
  /**
   * Appends all events to one stream atomically, if and only if the stream's revision is
   * `expectedRevision` (0 for a stream that does not exist yet). Throws WrongExpectedRevision.
   * With `parent` (an append to the same stream made before, whose events this one was decided
   * on), it appends only if the parent landed, and otherwise throws ParentAppendFailed.
   */
  append(streamId: string, events: readonly NewEvent[], expectedRevision: number, parent?: Promise<AppendResult>): Promise<AppendResult>;
  /** The stream's events with a revision above `afterRevision` (default 0: all), in order. */
  readStream(streamId: string, afterRevision?: number): Promise<StoredEvent[]>;
  /** Up to `limit` events of the global log after `after` (null: from the start), in order. */
  readAll(after: string | null, limit: number): Promise<StoredEvent[]>;
  /** Position of the last event in the global log, null when the log is empty. */
  headPosition(): Promise<string | null>;
  /**
   * Hands every event after `after` to `handler`, in order and in batches, then keeps
   * following new events until stopped. The next batch waits for the handler.
   */
  follow(after: string | null, handler: FollowHandler, onError: (error: unknown) => void): Subscription;
  close(): Promise<void>;
}
