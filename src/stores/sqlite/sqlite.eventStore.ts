import type { Transaction } from 'better-sqlite3';
import { chainExistingEvents } from './chainMigration';
import type { SqliteDatabase } from './database';
import { RecentAppends } from './recentAppends';
import {
  LastEventKept,
  ParentAppendFailed,
  WrongExpectedRevision,
  type AppendOptions,
  type AppendResult,
  type AppendTicket,
  type EventStore,
  type FollowHandler,
  type NewEvent,
  type StoredEvent,
  type Subscription,
} from '../eventStore.port';

type Outcome = AppendResult | WrongExpectedRevision | ParentAppendFailed;

/** What one group commit wrote: each append's outcome, and every row with its position, after the log's last position before it. */
type BatchWritten = Readonly<{ outcomes: Outcome[]; before: string; rows: EventRow[] }>;

type PendingAppend = Readonly<{
  streamId: string;
  /** An append of the same batch this one was decided on: it lands only if that one does. */
  parent: PendingAppend | undefined;
  /** Serialized before the batch's transaction: an event that cannot be fails its own append only. */
  rows: ReadonlyArray<{ type: string; data: string; metadata: string }>;
  expected: number;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}>;

type EventRow = {
  position: number | bigint;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
};

const FOLLOW_BATCH = 1000;
/** Followers also poll, so events appended by another process (a CLI) are seen too. */
const FOLLOW_POLL_MS = 1000;
/** How much of what was appended lately is kept for this process's followers (see RecentAppends). */
const RECENT = { events: 4000, bytes: 8 * 1024 * 1024 };

/** The event log in one SQLite table; the global position is the row's autoincrement id. */
export class SqliteEventStore implements EventStore {
  private readonly wakers = new Set<() => void>();
  private readonly recent = new RecentAppends(RECENT);
  /** How many events written before the hash chain this store hashed in place when it opened. */
  readonly chainedAtMigration: number;
  private readonly statements;

  constructor(private readonly db: SqliteDatabase) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS events (
        position INTEGER PRIMARY KEY AUTOINCREMENT,
        stream_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        type TEXT NOT NULL,
        data TEXT NOT NULL,
        metadata TEXT NOT NULL,
        UNIQUE (stream_id, revision)
      ) STRICT;
    `);
    this.chainedAtMigration = chainExistingEvents(db);
    this.statements = {
      streamRevision: db
        .prepare<[string], { revision: number | null }>('SELECT max(revision) AS revision FROM events WHERE stream_id = ?'),
      insert: db.prepare<[string, number, string, string, string]>(
        'INSERT INTO events (stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?)',
      ),
      readStream: db.prepare<[string, number, number], EventRow>(
        'SELECT * FROM events WHERE stream_id = ? AND revision > ? ORDER BY revision LIMIT ?',
      ),
      readLast: db.prepare<[string], EventRow>('SELECT * FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1'),
      readBackwards: db.prepare<[string, number, number], EventRow>(
        'SELECT * FROM events WHERE stream_id = ? AND revision < ? ORDER BY revision DESC LIMIT ?',
      ),
      readAll: db.prepare<[number | bigint, number], EventRow>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
      head: db.prepare<[], { position: number | bigint | null }>('SELECT max(position) AS position FROM events'),
      prune: db.prepare<[string, number]>('DELETE FROM events WHERE stream_id = ? AND revision <= ?'),
    };
    this.pruneStream = db.transaction((streamId: string, through: number) => {
      const last = this.statements.streamRevision.get(streamId)?.revision ?? 0;
      if (through >= last) throw new LastEventKept(streamId, last, through);
      return this.statements.prune.run(streamId, through).changes;
    });
    this.appendBatch = db.transaction((batch: readonly PendingAppend[]): BatchWritten => {
      const before = String(this.statements.head.get()?.position ?? 0);
      const outcomes = new Map<PendingAppend, Outcome>();
      const rows: EventRow[] = [];
      for (const append of batch) {
        const parentFailed = append.parent !== undefined && outcomes.get(append.parent) instanceof Error;
        outcomes.set(append, parentFailed ? new ParentAppendFailed(append.streamId) : this.appendOne(append, rows));
      }
      return { outcomes: batch.map((append) => outcomes.get(append)!), before, rows };
    });
  }

  private readonly appendBatch: Transaction<(batch: readonly PendingAppend[]) => BatchWritten>;
  private readonly pruneStream: Transaction<(streamId: string, through: number) => number>;
  private pending: PendingAppend[] = [];
  /** The pending entry behind each append's promise, while its batch is still being gathered. */
  private readonly pendingOf = new WeakMap<AppendTicket, PendingAppend>();

  /**
   * Group commit: appends made while the event loop handles one round of I/O go to disk in one
   * transaction, one sync. Each still checks its own expected revision, in order, and is
   * acknowledged only once the transaction is durable.
   */
  append(streamId: string, events: readonly NewEvent[], { expectedRevision, after }: AppendOptions): AppendTicket {
    if (events.length === 0) return Promise.reject(new Error('append needs at least one event')) as AppendTicket;
    const inBatch = after && this.pendingOf.get(after);
    // The append it was decided on is already on its way to disk: wait for it, then append (or fail with it).
    if (after && !(inBatch && this.pending.includes(inBatch))) {
      return after.then(
        () => this.append(streamId, events, { expectedRevision }),
        () => Promise.reject(new ParentAppendFailed(streamId)),
      ) as AppendTicket;
    }
    let entry!: PendingAppend;
    const appending = new Promise<AppendResult>((resolve, reject) => {
      const rows = events.map((e) => ({ type: e.type, data: JSON.stringify(e.data), metadata: JSON.stringify(e.metadata) }));
      entry = { streamId, parent: inBatch || undefined, rows, expected: expectedRevision, resolve, reject };
      this.pending.push(entry);
      if (this.pending.length === 1) setImmediate(() => this.flush());
    }) as AppendTicket;
    this.pendingOf.set(appending, entry);
    return appending;
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    let written: BatchWritten;
    try {
      written = this.appendBatch.immediate(batch);
    } catch (error) {
      for (const append of batch) append.reject(error);
      return;
    }
    const { outcomes, before, rows } = written;
    this.recent.add(before, rows.map(toStoredEvent), rows.reduce((bytes, row) => bytes + row.data.length + row.metadata.length, 0));
    batch.forEach((append, i) => {
      const outcome = outcomes[i]!;
      if (outcome instanceof Error) append.reject(outcome);
      else append.resolve(outcome);
    });
    for (const wake of this.wakers) wake();
  }

  /**
   * One append of a batch: its revision is checked before anything is written, so a refusal
   * writes nothing. The rows it wrote go to `written`, with their positions.
   */
  private appendOne({ streamId, rows, expected }: PendingAppend, written: EventRow[]): AppendResult | WrongExpectedRevision {
    const actual = this.statements.streamRevision.get(streamId)?.revision ?? 0;
    if (actual !== expected) return new WrongExpectedRevision(streamId, expected, actual);
    let position: number | bigint = 0;
    rows.forEach((row, i) => {
      const revision = expected + i + 1;
      position = this.statements.insert.run(streamId, revision, row.type, row.data, row.metadata).lastInsertRowid;
      written.push({ position, stream_id: streamId, revision, ...row });
    });
    return { revision: expected + rows.length, position: String(position) };
  }

  async readStream(streamId: string, afterRevision = 0, limit = -1): Promise<StoredEvent[]> {
    // LIMIT -1: no limit.
    return this.statements.readStream.all(streamId, afterRevision, limit).map(toStoredEvent);
  }

  async readLast(streamId: string): Promise<StoredEvent | null> {
    const row = this.statements.readLast.get(streamId);
    return row ? toStoredEvent(row) : null;
  }

  async readStreamBackwards(streamId: string, beforeRevision: number | null, limit: number): Promise<StoredEvent[]> {
    return this.statements.readBackwards.all(streamId, beforeRevision ?? Number.MAX_SAFE_INTEGER, limit).map(toStoredEvent);
  }

  /** What this store appended lately comes from memory, parsed once for every follower (RecentAppends); the log gives the rest. */
  async readAll(after: string | null, limit: number): Promise<StoredEvent[]> {
    const recent = this.recent.after(after ?? '0', limit);
    if (recent.length === limit) return recent;
    const from = recent.length > 0 ? recent[recent.length - 1]!.position : after;
    return [...recent, ...this.statements.readAll.all(from === null ? 0 : BigInt(from), limit - recent.length).map(toStoredEvent)];
  }

  /** One DELETE in one transaction, checked against the stream's last revision in it. */
  async pruneThrough(streamId: string, throughRevision: number): Promise<void> {
    this.pruneStream.immediate(streamId, throughRevision);
    this.recent.clear();
  }

  async headPosition(): Promise<string | null> {
    const head = this.statements.head.get()?.position;
    return head === null || head === undefined ? null : String(head);
  }

  follow(after: string | null, handler: FollowHandler, onError: (error: unknown) => void): Subscription {
    let stopped = false;
    // Set by every append; checked before sleeping, so an append that lands while a read is
    // in flight is never missed.
    let appended = false;
    let wakeSleeper: (() => void) | null = null;
    const waker = () => {
      appended = true;
      wakeSleeper?.();
    };
    this.wakers.add(waker);
    const sleep = () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(done, FOLLOW_POLL_MS);
        function done() {
          clearTimeout(timer);
          wakeSleeper = null;
          resolve();
        }
        wakeSleeper = done;
      });
    const loop = async () => {
      let position = after;
      while (!stopped) {
        appended = false;
        const batch = await this.readAll(position, FOLLOW_BATCH);
        if (batch.length > 0) {
          await handler(batch);
          position = batch[batch.length - 1]!.position;
          // Yield so requests are served between the batches of a long catch-up.
          await new Promise((resolve) => setImmediate(resolve));
        } else if (!appended && !stopped) {
          await sleep();
        }
      }
    };
    const running = loop().catch(onError);
    return {
      stop: async () => {
        stopped = true;
        this.wakers.delete(waker);
        wakeSleeper?.();
        await running;
      },
    };
  }

  async close(): Promise<void> {
    this.wakers.clear();
    this.recent.clear();
    if (this.db.open) this.db.close();
  }
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: String(row.position),
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
  };
}
