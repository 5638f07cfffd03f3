import type { Positioned, ReadStore, ViewWrite } from '../stores/readStore.port';
import { textIn } from './textIn';
import { keepsHistory, viewHistory, type CollectionName, type ViewDocs } from './views';

/**
 * What the held documents may weigh in all, in characters of text: 64 Mi. A character counted
 * costs ~1.3–2.8 bytes of heap (measured: more with a secret's member objects), so ~85–180 MiB.
 */
const DEFAULT_MAX_TEXT = 64 * 1024 * 1024;
/** What a held document weighs besides its text (its objects, its place in the Map). */
const ENTRY_WEIGHT = 256;

type Held = Readonly<{ write: ViewWrite<ViewDocs>; text: number }>;
/** A collection's held documents, first held first, and their text in all. */
type Collection = { readonly held: Map<string, Held>; text: number };

/**
 * The documents a rebuild holds back: each document of a collection it reads before applying an
 * event, or that keeps history, is kept in memory as the last event left it and written once,
 * when it leaves memory or the rebuild ends (`release`), instead of once per event. A collection
 * with history still gets each version as it comes (a write of the version only). At 1,000,000
 * events a secret is saved ~50 times: writing it each time over its older self was ~20% of the
 * rebuild's commits. Only a rebuild may use it: it is the one writer and reader of its target
 * tables, so what is held, and the store for the rest, is all there is. The audit rows, made from
 * their event alone and written once, are never held.
 *
 * At most `limit` documents are held, and `maxText` characters of text in all (`textIn`, plus
 * ENTRY_WEIGHT each): a secret's document holds its sealed value, up to ~87 KiB, so 50,000 of
 * them would hold over 4 GiB. Past either, the collection holding the most documents (or text)
 * writes out those it has held longest. First in, first out, rather than least recently written:
 * moving a document to the end of its Map at each write cost twice the hashing, and the Map's
 * deleted entries, which the next eviction walks over (in all, 1.4 µs a write, a rebuild's share
 * rising from 2% to 6%).
 */
export class HeldDocuments {
  /** By collection, then id: a collection's ids are unique keys as they come, with no key to build. */
  private readonly docs = new Map<CollectionName, Collection>();
  private size = 0;
  private text = 0;

  constructor(
    private readonly store: Pick<ReadStore<ViewDocs>, 'getMany'>,
    private readonly held: ReadonlySet<CollectionName>,
    private readonly limit: number,
    private readonly maxText = DEFAULT_MAX_TEXT,
  ) {}

  /** What the store's getMany answers: the held documents, and the store's for the rest. */
  async getMany<C extends CollectionName>(collection: C, ids: readonly string[]): Promise<Map<string, Positioned<ViewDocs[C]>>> {
    const found = new Map<string, Positioned<ViewDocs[C]>>();
    const held = this.docs.get(collection)?.held;
    const missing: string[] = [];
    for (const id of ids) {
      const write = held?.get(id)?.write;
      if (write) found.set(id, { doc: write.doc as ViewDocs[C] | null, position: write.position });
      else missing.push(id);
    }
    if (missing.length > 0) for (const [id, doc] of await this.store.getMany(collection, missing)) found.set(id, doc);
    return found;
  }

  /**
   * What to commit for a batch's writes, in their order: the documents held back (a collection
   * with history gets their versions), then those that leave memory to make room. Call it once
   * per batch, and commit what it returns before reading again.
   */
  take(writes: readonly ViewWrite<ViewDocs>[]): ViewWrite<ViewDocs>[] {
    const committed: ViewWrite<ViewDocs>[] = [];
    for (const write of writes) {
      if (!this.held.has(write.collection)) {
        committed.push(write);
        continue;
      }
      let collection = this.docs.get(write.collection);
      if (collection === undefined) this.docs.set(write.collection, (collection = { held: new Map(), text: 0 }));
      const text = ENTRY_WEIGHT + textIn(write.doc);
      const before = collection.held.get(write.id);
      collection.held.set(write.id, { write, text });
      if (before === undefined) this.size += 1;
      this.text += text - (before?.text ?? 0);
      collection.text += text - (before?.text ?? 0);
      if (keepsHistory(write.collection)) committed.push(part(write, 'version'));
    }
    while (this.over()) this.writeOut(committed);
    return committed;
  }

  private over(): boolean {
    return this.size > this.limit || this.text > this.maxText;
  }

  /** Writes out what the fullest collection (by documents, or by text when that is over) has held longest until within both limits, in one walk of its Map. */
  private writeOut(committed: ViewWrite<ViewDocs>[]): void {
    const byText = this.text > this.maxText;
    const fullest = [...this.docs.values()].reduce((a, b) => ((byText ? b.text > a.text : b.held.size > a.held.size) ? b : a));
    for (const [id, { write, text }] of fullest.held) {
      if (!this.over()) break;
      fullest.held.delete(id);
      this.size -= 1;
      this.text -= text;
      fullest.text -= text;
      committed.push(documentOnly(write));
    }
  }

  /** Every document still held, to commit at the end; none is held afterwards. */
  release(): ViewWrite<ViewDocs>[] {
    const all = [...this.docs.values()].flatMap(({ held }) => [...held.values()].map(({ write }) => documentOnly(write)));
    this.docs.clear();
    this.size = 0;
    this.text = 0;
    return all;
  }
}

/** The collections a rebuild holds the documents of: those read before an event is applied, and those with history. */
export function heldCollections(read: Iterable<CollectionName>): Set<CollectionName> {
  return new Set([...read, ...(Object.keys(viewHistory) as CollectionName[])]);
}

/** A held write as it leaves memory: for a collection with history, its document only (its version was written). */
function documentOnly(write: ViewWrite<ViewDocs>): ViewWrite<ViewDocs> {
  return keepsHistory(write.collection) ? part(write, 'document') : write;
}

/**
 * One part of a write. Spelled out rather than `{ ...write, only }`: on Node 20's V8, optimized
 * code that spreads an object and adds a property to it gives each result a map of its own, at
 * ~1 µs a write (a version per event, in a rebuild).
 */
function part(write: ViewWrite<ViewDocs>, only: 'version' | 'document'): ViewWrite<ViewDocs> {
  return { collection: write.collection, id: write.id, doc: write.doc, position: write.position, at: write.at, only };
}
