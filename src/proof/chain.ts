import type { NewEvent, StoredEvent } from '../events/stored';
import { eventHash, GENESIS } from './eventHash';
import { merged } from '../merged';

/** Where a stream's chain ends: its revision and the hash of its last event. */
export type ChainHead = Readonly<{ revision: number; hash: string }>;

export const EMPTY_CHAIN: ChainHead = { revision: 0, hash: GENESIS };

/**
 * The hash that chains a stored event: the one in its metadata. An event written before chaining
 * (on EventStoreDB, whose events cannot be rewritten in place) has none; the next one then chains
 * to the hash it would have, which a verifier computes the same way.
 */
export function chainHashOf(stored: StoredEvent): string {
  const hash = stored.metadata.hash;
  return typeof hash === 'string' ? hash : eventHash(merged(stored, { stream: stored.streamId }));
}

export function chainHeadOf(stored: StoredEvent | null): ChainHead {
  return stored ? { revision: stored.revision, hash: chainHashOf(stored) } : EMPTY_CHAIN;
}

/**
 * Chains events onto a stream's head (DESIGN §8): each gets `prev`, the hash before it, and
 * `hash`, its own, computed over exactly what will be stored. Returns the events to append and
 * the head they make. Only valid for an append conditional on `head.revision`.
 */
export function chainEvents(stream: string, head: ChainHead, events: readonly NewEvent[]): { events: NewEvent[]; head: ChainHead } {
  let { revision, hash } = head;
  const chained = events.map((event) => {
    revision += 1;
    const { hash: _stale, ...rest } = event.metadata;
    const metadata = merged(rest, { prev: hash });
    hash = eventHash({ stream, revision, type: event.type, data: event.data, metadata });
    return { ...event, metadata: merged(metadata, { hash }) };
  });
  return { events: chained, head: { revision, hash } };
}
