import type { Positioned, ReadStore, ViewWrite } from '../stores/readStore.port';
import { docKey } from './applyEvents';
import type { CollectionName, ViewDoc, ViewDocs } from './views';

/**
 * The documents a rebuild wrote last, so that its next batches find them in memory instead of
 * reading them back from the store: reading and parsing them again was 15% of a rebuild's CPU
 * profile (200,000 events). Only a rebuild may use it: it is the one writer of its target
 * tables, so what it remembers is what they hold. Only the collections read before an event is
 * applied are remembered (never the audit rows, made from their event alone), at most `limit`
 * documents, the least recently written forgotten first.
 */
export class WrittenDocuments {
  private readonly docs = new Map<string, Positioned<ViewDoc>>();
  /** Documents asked for since the last writes that were there already (in memory or the store). */
  private readonly existed = new Set<string>();

  constructor(
    private readonly store: Pick<ReadStore<ViewDocs>, 'getMany'>,
    private readonly read: ReadonlySet<CollectionName>,
    private readonly limit: number,
  ) {}

  /** What the store's getMany answers: the remembered documents, and the store's for the rest. */
  async getMany<C extends CollectionName>(collection: C, ids: readonly string[]): Promise<Map<string, Positioned<ViewDocs[C]>>> {
    const found = new Map<string, Positioned<ViewDocs[C]>>();
    const missing: string[] = [];
    for (const id of ids) {
      const remembered = this.docs.get(docKey(collection, id)) as Positioned<ViewDocs[C]> | undefined;
      if (remembered) found.set(id, remembered);
      else missing.push(id);
    }
    if (missing.length > 0) for (const [id, doc] of await this.store.getMany(collection, missing)) found.set(id, doc);
    for (const id of found.keys()) this.existed.add(docKey(collection, id));
    return found;
  }

  /**
   * Writes committed to the store, in order: the last write of a document is what it holds. Only
   * a document written over an earlier one is remembered: one written once and never again (a
   * version in the history, most of them) would push out those written over and over.
   */
  remember(writes: readonly ViewWrite<ViewDocs>[]): void {
    for (const { collection, id, doc, position } of writes) {
      if (!this.read.has(collection)) continue;
      const key = docKey(collection, id);
      if (!this.existed.has(key)) continue;
      // Taken out first, so that the Map's order is the order of the last writes.
      this.docs.delete(key);
      this.docs.set(key, { doc, position });
    }
    this.existed.clear();
    for (const key of this.docs.keys()) {
      if (this.docs.size <= this.limit) break;
      this.docs.delete(key);
    }
  }
}
