import { LRUCache } from 'lru-cache';
import { chainEvents, chainHeadOf, type ChainHead } from '../proof/chain';
import { recordStreamId, type RecordCategory } from '../events/streams';
import { WrongExpectedRevision, type AppendResult, type EventStore, type NewEvent } from '../stores/eventStore.port';

/** How many times a batch is tried again after another writer (a second instance with the same id) got there first. */
const MAX_ATTEMPTS = 5;
/** Heads of streams this instance wrote lately: a stream not among them is read back once. */
const KNOWN_STREAMS = 50_000;

type Pending = Readonly<{ events: readonly NewEvent[]; resolve: (result: AppendResult) => void; reject: (error: unknown) => void }>;

/**
 * Appends records (reads, resolutions, refusals) to this instance's record streams, with group
 * commit: while one append to a stream is on its way, the records that come meanwhile wait and go
 * together in the next one. Each caller's promise settles once its records are durable. Only this
 * instance writes its streams, so it keeps their heads (revision, hash) itself and never contends with the
 * other instances; a conflict (two instances given one INSTANCE_ID) re-reads and tries again.
 */
export class RecordWriter {
  private readonly queues = new Map<string, Pending[]>();
  private readonly heads = new LRUCache<string, ChainHead>({ max: KNOWN_STREAMS });

  constructor(
    private readonly store: Pick<EventStore, 'append' | 'readLast'>,
    readonly instanceId: string,
  ) {}

  record(category: RecordCategory, ownerId: string, events: readonly NewEvent[]): Promise<AppendResult> {
    return this.recordIn(recordStreamId(category, this.instanceId, ownerId), events);
  }

  /**
   * Appends to any record stream, another instance's too (the pruner records a pruning in the
   * stream it pruned): that instance's writer finds its cached head moved and appends again.
   */
  recordIn(streamId: string, events: readonly NewEvent[]): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(streamId);
      if (queue) {
        queue.push({ events, resolve, reject });
        return;
      }
      this.queues.set(streamId, [{ events, resolve, reject }]);
      void this.drain(streamId);
    });
  }

  /** Appends what is queued for the stream, batch after batch, until nothing is left. */
  private async drain(streamId: string): Promise<void> {
    for (let batch = this.take(streamId); batch.length > 0; batch = this.take(streamId)) {
      try {
        const result = await this.append(streamId, batch.flatMap((pending) => pending.events));
        for (const pending of batch) pending.resolve(result);
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
    this.queues.delete(streamId);
  }

  private take(streamId: string): Pending[] {
    return this.queues.get(streamId)!.splice(0);
  }

  private async append(streamId: string, events: readonly NewEvent[]): Promise<AppendResult> {
    for (let attempt = 1; ; attempt += 1) {
      const head = this.heads.get(streamId) ?? chainHeadOf(await this.store.readLast(streamId));
      const chained = chainEvents(streamId, head, events);
      try {
        const result = await this.store.append(streamId, chained.events, { expectedRevision: head.revision });
        this.heads.set(streamId, chained.head);
        return result;
      } catch (error) {
        this.heads.delete(streamId);
        if (!(error instanceof WrongExpectedRevision) || attempt === MAX_ATTEMPTS) throw error;
      }
    }
  }
}
