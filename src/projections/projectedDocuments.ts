import { LRUCache } from 'lru-cache';
import type { Positioned, ReadStore, ViewWrite } from '../stores/readStore.port';
import { docKey } from './applyEvents';
import { textIn } from './textIn';
import type { CollectionName, ViewDoc, ViewDocs } from './views';

/** How many documents the projector keeps as it wrote them, and their text in all (~32 MiB of heap at most). */
const DEFAULT_LIMIT = 10_000;
const DEFAULT_MAX_TEXT = 16 * 1024 * 1024;
/** What a kept document weighs besides its text. */
const ENTRY_WEIGHT = 256;

/**
 * The documents the projector committed lately, so that the next batches find them in memory
 * instead of reading them back from the views: reading and parsing the secrets a save changes
 * again was ~6% of a spread save's CPU profile. Only the collections read before an event is
 * applied, tombstones included; a document enters once committed, as committed, so what is kept
 * is what the views hold, as long as this projector applies the log in order: a rebuild swapped
 * in (a new generation) makes the projector follow again with a new memory. Another projector
 * applying the same log (MongoDB) writes the same documents at the same positions, so a document
 * kept here and newer in the views only has this one apply again what the other did.
 */
export class ProjectedDocuments {
  private readonly docs: LRUCache<string, Positioned<ViewDoc>>;

  constructor(
    private readonly store: Pick<ReadStore<ViewDocs>, 'getMany'>,
    private readonly read: ReadonlySet<CollectionName>,
    limit = DEFAULT_LIMIT,
    maxText = DEFAULT_MAX_TEXT,
  ) {
    this.docs = new LRUCache({ max: limit, maxSize: maxText, sizeCalculation: (found) => ENTRY_WEIGHT + textIn(found.doc) });
  }

  /** What the store's getMany answers: the kept documents, and the store's for the rest. */
  async getMany<C extends CollectionName>(collection: C, ids: readonly string[]): Promise<Map<string, Positioned<ViewDocs[C]>>> {
    const found = new Map<string, Positioned<ViewDocs[C]>>();
    const missing: string[] = [];
    for (const id of ids) {
      const kept = this.docs.get(docKey(collection, id)) as Positioned<ViewDocs[C]> | undefined;
      if (kept) found.set(id, kept);
      else missing.push(id);
    }
    if (missing.length > 0) for (const [id, doc] of await this.store.getMany(collection, missing)) found.set(id, doc);
    return found;
  }

  /** A committed batch's writes, in order: the last write of a document is what the views hold. */
  remember(writes: readonly ViewWrite<ViewDocs>[]): void {
    for (const { collection, id, doc, position } of writes) {
      if (this.read.has(collection)) this.docs.set(docKey(collection, id), { doc, position });
    }
  }
}
