import type { EventStore, StoredEvent } from './eventStore.port';

const PAGE = 1000;

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * A stream's events after `afterRevision`, read a page at a time. Between pages the event loop
 * turns: SQLite's reads settle without one, and a stream read whole (the seals, by an export or a
 * sweep) would otherwise hold every request until it ended.
 */
export async function* eventsOf(store: Pick<EventStore, 'readStream'>, stream: string, afterRevision = 0): AsyncGenerator<StoredEvent> {
  for (let after = afterRevision; ; ) {
    const page = await store.readStream(stream, after, PAGE);
    yield* page;
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.revision;
    await nextTurn();
  }
}

/** A stream's events from its last backwards, newest first, a page at a time, the event loop turning between pages. */
export async function* eventsBackwardsOf(store: Pick<EventStore, 'readStreamBackwards'>, stream: string): AsyncGenerator<StoredEvent> {
  for (let before: number | null = null; ; ) {
    const page = await store.readStreamBackwards(stream, before, PAGE);
    yield* page;
    if (page.length < PAGE) return;
    before = page[page.length - 1]!.revision;
    await nextTurn();
  }
}
