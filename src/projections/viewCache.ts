import { LRUCache } from 'lru-cache';
import { comparePositions } from '../stores/position';
import type { CollectionOf, DocumentMap, ReadStore } from '../stores/readStore.port';
import { textIn } from './textIn';
import type { ViewDocs } from './views';

type Entry<Docs extends DocumentMap> =
  | { kind: 'doc'; doc: Docs[CollectionOf<Docs>] | null; position: string | null }
  /** An event at `position` changed the document after it was cached: read it again. */
  | { kind: 'invalidated'; position: string };

/**
 * A secret's document parses to 1–2 KB of heap (its envelope, members, details): 20,000 of them
 * stay within ~40 MiB. At 200,000 a service holding 500,000 secrets reached 540 MiB of RSS.
 */
const DEFAULT_LIMIT = 20_000;
/**
 * What the documents held may weigh in all, by the text they hold (characters; a document's
 * own ~256 bytes besides). A secret's document holds its sealed value, ~90 KB for a 64 KiB one:
 * 20,000 of those would hold ~1.7 GiB; this keeps ~370 of them, or the 20,000 small ones.
 */
const DEFAULT_MAX_TEXT = 32 * 1024 * 1024;
const ENTRY_WEIGHT = 256;

/**
 * An in-process cache of view documents for the hot paths (resolution, authorisation), so they
 * never wait on storage for a document they read before. Entries are tagged with the position
 * of the document they hold; `invalidate` (called for every view write, by position) marks an
 * entry stale, and a read that finishes later is kept only if it is at least that new, so a
 * slow read can never put an older document back. Bounded: the least recently used entries go
 * first (lru-cache: evicting from a plain Map with `keys().next()` slows down as deleted slots
 * pile up at its front, to seconds per thousand evictions at this size).
 */
export class ViewCache<Docs extends DocumentMap = ViewDocs> {
  private readonly entries: LRUCache<string, Entry<Docs>>;
  /** Counts entries dropped (evicted or cleared): a read in flight across a drop is served, not cached. */
  private forgotten = 0;

  private readonly collections: ReadonlySet<string>;

  /**
   * `collections`: the ones read through the cache. Writes to the others are not marked: marking
   * every written id filled the cache with audit rows (one or more per event, never read here),
   * which pushed out the documents resolution needs and held ~2 KB per resolution.
   */
  constructor(
    private readonly store: Pick<ReadStore<Docs>, 'get'>,
    collections: readonly CollectionOf<Docs>[],
    limit = DEFAULT_LIMIT,
    maxText = DEFAULT_MAX_TEXT,
  ) {
    this.collections = new Set(collections);
    // Any eviction may drop what a read in flight must be checked against: an invalidation, or
    // a document cached after one (which stood for it).
    this.entries = new LRUCache<string, Entry<Docs>>({
      max: limit,
      maxSize: maxText,
      sizeCalculation: (entry) => ENTRY_WEIGHT + (entry.kind === 'doc' ? textIn(entry.doc) : 0),
      dispose: (_entry, _key, reason) => {
        if (reason === 'evict') this.forgotten += 1;
      },
    });
  }

  /** The live document, or null when it does not exist (or was deleted). */
  async get<C extends CollectionOf<Docs>>(collection: C, id: string): Promise<Docs[C] | null> {
    if (!this.collections.has(collection)) throw new Error(`${collection} is not read through the cache`);
    const key = `${collection}/${id}`;
    const entry = this.entries.get(key);
    // Collection names are letters only (the stores refuse others), so this key holds documents of C alone.
    if (entry?.kind === 'doc') return entry.doc as Docs[C] | null;
    const forgotten = this.forgotten;
    const found = await this.store.get(collection, id);
    const latest = this.entries.get(key);
    const stale =
      (latest?.kind === 'invalidated' && (found === undefined || comparePositions(found.position, latest.position) < 0)) ||
      (latest === undefined && this.forgotten !== forgotten);
    if (!stale && latest?.kind !== 'doc') this.set(key, { kind: 'doc', doc: found?.doc ?? null, position: found?.position ?? null });
    return found?.doc ?? null;
  }

  invalidate(collection: CollectionOf<Docs>, id: string, position: string): void {
    if (!this.collections.has(collection)) return;
    this.set(`${collection}/${id}`, { kind: 'invalidated', position });
  }

  clear(): void {
    this.forgotten += 1;
    this.entries.clear();
  }

  private set(key: string, entry: Entry<Docs>): void {
    this.entries.set(key, entry);
  }
}
