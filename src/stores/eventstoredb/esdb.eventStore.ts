import { LRUCache } from 'lru-cache';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type ReadStreamOptions,
  type ResolvedEvent,
} from '@eventstore/db-client';
import {
  LastEventKept,
  ParentAppendFailed,
  type AppendOptions,
  type AppendResult,
  type AppendTicket,
  type EventStore,
  type FollowHandler,
  type NewEvent,
  type StoredEvent,
  type Subscription,
} from '../eventStore.port';
import { comparePositions } from '../position';
import {
  decodePosition,
  encodePosition,
  fromEventRevision,
  hasPrefix,
  mapAppendError,
  toExpectedRevision,
} from './esdb.mapping';

const FOLLOW_BATCH = 500;
const SCAN_PAGE = 1000;
/** How long a stream's truncation point, once read, is trusted (this process's own prunings update it at once). */
const TRUNCATION_TTL_MS = 60_000;
/** Streams whose truncation point is remembered: the log's streams grow without bound, this memory does not. */
const TRUNCATIONS_KEPT = 100_000;

type Recorded = NonNullable<ResolvedEvent['event']> | NonNullable<AllStreamResolvedEvent['event']>;

/**
 * The event log in EventStoreDB (needs 22.10 or later: stream reads carry $all positions).
 * A thin mapping onto the client; positions, revisions and errors map in esdb.mapping.ts.
 */
export class EsdbEventStore implements EventStore {
  /**
   * `streamPrefixes`: the streams that are this service's (`workspace-`, …), given by the
   * wiring: reads of $all and subscriptions skip every other stream.
   */
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly streamPrefixes: readonly string[],
  ) {}

  /** Per stream, the first revision (ours, from 1) not pruned, for TRUNCATION_TTL_MS after it was read. */
  private readonly truncations = new LRUCache<string, number>({ max: TRUNCATIONS_KEPT, ttl: TRUNCATION_TTL_MS });

  static connect(connectionString: string, streamPrefixes: readonly string[]): EsdbEventStore {
    return new EsdbEventStore(EventStoreDBClient.connectionString(connectionString), streamPrefixes);
  }

  private isOurStream(streamId: string): boolean {
    return hasPrefix(this.streamPrefixes, streamId);
  }

  append(streamId: string, events: readonly NewEvent[], options: AppendOptions): AppendTicket {
    return this.appendAfter(streamId, events, options) as AppendTicket;
  }

  /** EventStoreDB checks the expected revision itself; an append decided on another waits for it. */
  private async appendAfter(streamId: string, events: readonly NewEvent[], { expectedRevision, after }: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    if (after && !(await after.then(() => true, () => false))) throw new ParentAppendFailed(streamId);
    try {
      const result = await this.client.appendToStream(
        streamId,
        events.map((e) => jsonEvent({ type: e.type, data: e.data as Record<string, unknown>, metadata: e.metadata })),
        { expectedRevision: toExpectedRevision(expectedRevision) },
      );
      if (!result.position) throw new Error('EventStoreDB returned no position for an append');
      return { revision: fromEventRevision(result.nextExpectedRevision), position: encodePosition(result.position) };
    } catch (error) {
      throw mapAppendError(error, streamId, expectedRevision);
    }
  }

  async readStream(streamId: string, afterRevision = 0, limit?: number): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    try {
      const options: ReadStreamOptions = { fromRevision: BigInt(afterRevision), direction: FORWARDS, ...(limit === undefined ? {} : { maxCount: limit }) };
      for await (const resolved of this.client.readStream(streamId, options)) {
        if (resolved.event) events.push(toStoredEvent(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readLast(streamId: string): Promise<StoredEvent | null> {
    try {
      for await (const resolved of this.client.readStream(streamId, { fromRevision: END, direction: BACKWARDS, maxCount: 1 })) {
        if (resolved.event) return toStoredEvent(resolved.event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return null;
      throw error;
    }
    return null;
  }

  async readStreamBackwards(streamId: string, beforeRevision: number | null, limit: number): Promise<StoredEvent[]> {
    // Ours count from 1, EventStoreDB's from 0, and a backwards read starts at the revision it is given.
    if (limit <= 0 || (beforeRevision !== null && beforeRevision <= 1)) return [];
    const events: StoredEvent[] = [];
    try {
      const fromRevision = beforeRevision === null ? END : BigInt(beforeRevision - 2);
      for await (const resolved of this.client.readStream(streamId, { fromRevision, direction: BACKWARDS, maxCount: limit })) {
        if (resolved.event) events.push(toStoredEvent(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /** Pages through $all, keeping only this service's events, until `limit` of them or the end. */
  async readAll(after: string | null, limit: number): Promise<StoredEvent[]> {
    const found: StoredEvent[] = [];
    let from = after;
    for (;;) {
      const page = await this.readAllPage(from, SCAN_PAGE);
      const ours = await this.withoutPruned(page.filter((recorded) => this.isOurStream(recorded.streamId)).map(toStoredEvent));
      for (const event of ours) {
        found.push(event);
        if (found.length === limit) return found;
      }
      if (page.length < SCAN_PAGE) return found;
      from = encodePosition(page[page.length - 1]!.position!);
    }
  }

  /**
   * `truncateBefore` in the stream's metadata (the other fields kept): reads skip the events
   * before it at once, and a scavenge deletes them. EventStoreDB counts revisions from 0, so
   * keeping ours from `throughRevision + 1` on is `truncateBefore = throughRevision`.
   */
  async pruneThrough(streamId: string, throughRevision: number): Promise<void> {
    const last = await this.readLast(streamId);
    if (!last || throughRevision >= last.revision) {
      throw new LastEventKept(streamId, last?.revision ?? 0, throughRevision);
    }
    const { metadata } = await this.client.getStreamMetadata(streamId);
    const current = typeof metadata?.truncateBefore === 'number' ? metadata.truncateBefore : 0;
    if (current < throughRevision) await this.client.setStreamMetadata(streamId, { ...metadata, truncateBefore: throughRevision });
    this.truncations.set(streamId, Math.max(current, throughRevision) + 1);
  }

  /**
   * $all still holds truncated events until a scavenge: they are left out here, so a reader of
   * the whole log (the projector, a rebuild, an export) sees a pruned stream as its own reads do.
   */
  private async withoutPruned(events: StoredEvent[]): Promise<StoredEvent[]> {
    const keepFrom = new Map<string, number>();
    for (const streamId of new Set(events.map((event) => event.streamId))) keepFrom.set(streamId, await this.keptFrom(streamId));
    return events.filter((event) => event.revision >= keepFrom.get(event.streamId)!);
  }

  private async keptFrom(streamId: string): Promise<number> {
    const known = this.truncations.get(streamId);
    if (known !== undefined) return known;
    let keepFrom = 1;
    try {
      const { metadata } = await this.client.getStreamMetadata(streamId);
      if (typeof metadata?.truncateBefore === 'number') keepFrom = metadata.truncateBefore + 1;
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    this.truncations.set(streamId, keepFrom);
    return keepFrom;
  }

  async headPosition(): Promise<string | null> {
    for await (const resolved of this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: SCAN_PAGE })) {
      if (resolved.event?.position && this.isOurStream(resolved.event.streamId)) return encodePosition(resolved.event.position);
    }
    return null;
  }

  /**
   * A catch-up subscription to $all, filtered to this service's stream prefixes, resuming after
   * `after`. Events that arrived while the handler was busy are handed over together.
   */
  follow(after: string | null, handler: FollowHandler, onError: (error: unknown) => void): Subscription {
    const subscription = this.client.subscribeToAll({
      fromPosition: after === null ? START : decodePosition(after),
      filter: streamNameFilter({ prefixes: [...this.streamPrefixes] }),
    });
    const running = (async () => {
      for await (const first of subscription) {
        const batch = [first];
        let next: AllStreamResolvedEvent | null;
        while (batch.length < FOLLOW_BATCH && (next = subscription.read() as AllStreamResolvedEvent | null) !== null) batch.push(next);
        const events = await this.withoutPruned(batch.flatMap((resolved) => (resolved.event ? [toStoredEvent(resolved.event)] : [])));
        if (events.length > 0) await handler(events);
      }
    })().catch(onError);
    return {
      stop: async () => {
        await subscription.unsubscribe();
        await running;
      },
    };
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  /** Events strictly after `after` (EventStoreDB reads $all from a position inclusively). */
  private async readAllPage(after: string | null, maxCount: number): Promise<Recorded[]> {
    const page: Recorded[] = [];
    const fromPosition = after === null ? START : decodePosition(after);
    for await (const resolved of this.client.readAll({ fromPosition, direction: FORWARDS, maxCount: maxCount + 1 })) {
      const event = resolved.event;
      if (!event?.position) continue;
      if (after !== null && comparePositions(encodePosition(event.position), after) <= 0) continue;
      page.push(event);
      if (page.length === maxCount) break;
    }
    return page;
  }
}

function toStoredEvent(event: Recorded): StoredEvent {
  if (!event.position) throw new Error(`EventStoreDB gave no position for ${event.streamId}; version 22.10 or later is needed`);
  return {
    streamId: event.streamId,
    revision: fromEventRevision(event.revision),
    position: encodePosition(event.position),
    type: event.type,
    data: event.data,
    metadata: event.metadata as StoredEvent['metadata'],
  };
}
