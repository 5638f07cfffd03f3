import type { NewEvent, StoredEvent } from '../events/stored';

export type { NewEvent, StoredEvent };

export type AppendResult = Readonly<{ revision: number; position: string }>;

declare const appendTicket: unique symbol;

/**
 * An append handed to the log: await it for its result, or name it as `after` in the options of
 * an append decided on the state its events make. Only a store's `append` makes one.
 */
export type AppendTicket = Promise<AppendResult> & { readonly [appendTicket]: true };

export type AppendOptions = Readonly<{
  /** The stream's revision the events were decided on (0: the stream does not exist yet). */
  expectedRevision: number;
  /** The append to this stream whose events these were decided on: this one lands only if it did. */
  after?: AppendTicket;
}>;

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

/** The append this one was decided on (its `after`) did not land, so this one did not either. */
export class ParentAppendFailed extends Error {
  constructor(readonly streamId: string) {
    super(`The append to ${streamId} this one was decided on did not land`);
    this.name = 'ParentAppendFailed';
  }
}

/** `pruneThrough` asked to drop a stream's last event, which carries its revision and chain on. */
export class LastEventKept extends Error {
  constructor(streamId: string, last: number, through: number) {
    super(`Stream ${streamId} ends at revision ${last}: its last event is never pruned (asked through ${through})`);
    this.name = 'LastEventKept';
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
   * `expectedRevision`; else the ticket rejects with WrongExpectedRevision. With `after`, it
   * appends only if that earlier append landed, and otherwise rejects with ParentAppendFailed.
   * How a store makes this fast (SQLite commits the appends of one event-loop round together)
   * stays inside it.
   */
  append(streamId: string, events: readonly NewEvent[], options: AppendOptions): AppendTicket;
  /** The stream's events with a revision above `afterRevision` (default 0: all), in order; at most `limit` when given. */
  readStream(streamId: string, afterRevision?: number, limit?: number): Promise<StoredEvent[]>;
  /** The stream's last event, null when the stream does not exist: where a writer that owns a stream starts. */
  readLast(streamId: string): Promise<StoredEvent | null>;
  /**
   * Up to `limit` of the stream's events with a revision below `beforeRevision` (null: from its
   * last), newest first: what a reader after the latest of a long stream (the seals) reads.
   */
  readStreamBackwards(streamId: string, beforeRevision: number | null, limit: number): Promise<StoredEvent[]>;
  /** Up to `limit` events of the global log after `after` (null: from the start), in order. */
  readAll(after: string | null, limit: number): Promise<StoredEvent[]>;
  /**
   * Drops the stream's events 1..`throughRevision` (RECORD_RETENTION_DAYS, DESIGN §7): readStream
   * then starts at the next one, readAll and follow skip them; readLast and the revision an append
   * expects are unchanged. Never the stream's last event, which carries its revision and chain on:
   * that throws. Dropping what is already dropped does nothing.
   */
  pruneThrough(streamId: string, throughRevision: number): Promise<void>;
  /** Position of the last event in the global log, null when the log is empty. */
  headPosition(): Promise<string | null>;
  /**
   * Hands every event after `after` to `handler`, in order and in batches, then keeps
   * following new events until stopped. The next batch waits for the handler.
   */
  follow(after: string | null, handler: FollowHandler, onError: (error: unknown) => void): Subscription;
  close(): Promise<void>;
}
