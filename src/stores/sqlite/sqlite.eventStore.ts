import type { Transaction } from 'better-sqlite3';
import type { SqliteDatabase } from './database';
import {
  WrongExpectedRevision,
  type AppendResult,
  type EventStore,
  type FollowHandler,
  type NewEvent,
  type StoredEvent,
  type Subscription,
} from '../eventStore.port';

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

/** The event log in one SQLite table; the global position is the row's autoincrement id. */
export class SqliteEventStore implements EventStore {
  private readonly wakers = new Set<() => void>();
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
    this.statements = {
      streamRevision: db
        .prepare<[string], { revision: number | null }>('SELECT max(revision) AS revision FROM events WHERE stream_id = ?'),
      insert: db.prepare<[string, number, string, string, string]>(
        'INSERT INTO events (stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?)',
      ),
      readStream: db.prepare<[string, number], EventRow>(
        'SELECT * FROM events WHERE stream_id = ? AND revision > ? ORDER BY revision',
      ),
      readAll: db.prepare<[number | bigint, number], EventRow>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
      head: db.prepare<[], { position: number | bigint | null }>('SELECT max(position) AS position FROM events'),
    };
    this.appendTransaction = db.transaction((streamId: string, events: readonly NewEvent[], expected: number) => {
      const actual = this.statements.streamRevision.get(streamId)?.revision ?? 0;
      if (actual !== expected) throw new WrongExpectedRevision(streamId, expected, actual);
      let position: number | bigint = 0;
      events.forEach((event, i) => {
        const info = this.statements.insert.run(
          streamId,
          expected + i + 1,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
        );
        position = info.lastInsertRowid;
      });
      return { revision: expected + events.length, position: String(position) };
    });
  }

  private readonly appendTransaction: Transaction<(streamId: string, events: readonly NewEvent[], expected: number) => AppendResult>;

  async append(streamId: string, events: readonly NewEvent[], expectedRevision: number): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const result = this.appendTransaction.immediate(streamId, events, expectedRevision);
    for (const wake of this.wakers) wake();
    return result;
  }

  async readStream(streamId: string, afterRevision = 0): Promise<StoredEvent[]> {
    return this.statements.readStream.all(streamId, afterRevision).map(toStoredEvent);
  }

  async readAll(after: string | null, limit: number): Promise<StoredEvent[]> {
    return this.statements.readAll.all(after === null ? 0 : BigInt(after), limit).map(toStoredEvent);
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
