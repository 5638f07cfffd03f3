import { setImmediate } from 'node:timers/promises';
import type { EventStore, StoredEvent } from './eventStore.port';

const PAGE = 1000;

/**
 * A stream's events a page at a time, each page read by `read` from where the one before ended
 * (its last event's revision; `from` for the first), until a short page. Between pages the event
 * loop turns: SQLite's reads settle without one, and a stream read whole (the seals, by an export
 * or a sweep; a busy scope's stream, by its first command after a start) would otherwise hold
 * every request until it ended.
 */
async function* pages(read: (from: number | null) => Promise<StoredEvent[]>, from: number | null): AsyncGenerator<StoredEvent[]> {
  for (let at = from; ; ) {
    const page = await read(at);
    if (page.length > 0) yield page;
    if (page.length < PAGE) return;
    at = page[page.length - 1]!.revision;
    await setImmediate();
  }
}

/** A stream's events after `afterRevision`, in order, a page (never empty) at a time. */
export function pagesOf(store: Pick<EventStore, 'readStream'>, stream: string, afterRevision = 0): AsyncGenerator<StoredEvent[]> {
  return pages((after) => store.readStream(stream, after ?? afterRevision, PAGE), afterRevision);
}

/** A stream's events after `afterRevision`, in order, read a page at a time. */
export async function* eventsOf(store: Pick<EventStore, 'readStream'>, stream: string, afterRevision = 0): AsyncGenerator<StoredEvent> {
  for await (const page of pagesOf(store, stream, afterRevision)) yield* page;
}

/** A stream's events from its last backwards, newest first, read a page at a time. */
export async function* eventsBackwardsOf(store: Pick<EventStore, 'readStreamBackwards'>, stream: string): AsyncGenerator<StoredEvent> {
  for await (const page of pages((before) => store.readStreamBackwards(stream, before, PAGE), null)) yield* page;
}
