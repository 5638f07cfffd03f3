/**
 * The read side's storage: named collections of JSON documents, each stamped with the log
 * position it last applied. Documents are written only forward (a write whose position is
 * not after the stored one is ignored), so replays and duplicate deliveries are no-ops.
 * A deleted document stays as a tombstone (doc null) that keeps its position.
 */

/** What a store holds: the type of the documents of each collection, by collection name. */
export type DocumentMap = Record<string, object>;

/** The collections of a document map, and the fields of one collection's documents. */
export type CollectionOf<Docs extends DocumentMap> = keyof Docs & string;
export type FieldOf<Docs extends DocumentMap, C extends CollectionOf<Docs>> = keyof Docs[C] & string;

/** Every collection of the map, with the fields it is queried by (each adapter indexes them). */
export type CollectionSpec<Docs extends DocumentMap> = {
  readonly [C in CollectionOf<Docs>]: readonly FieldOf<Docs, C>[];
};

/**
 * The queried fields (named in the CollectionSpec too) that hold a list of strings: a query for
 * one value keeps the documents whose list holds it, among those the query's first field (never a
 * list field) leads to, one probe a document. A list field is not walked: its values are every
 * owner's (a common key name leads to every workspace's audit rows), and entries kept by document
 * are written together with it, where entries by value were written among those of the same value
 * (a save of ten keys wrote ten pages of them, a fifth of the pages a spread save wrote). SQLite
 * keeps a table of (id, value) pairs, a document about five keys costing five small entries, not
 * five documents; MongoDB matches the list in the document. Matched one value at a time.
 */
export type ListSpec<Docs extends DocumentMap> = {
  readonly [C in CollectionOf<Docs>]?: readonly FieldOf<Docs, C>[];
};

/**
 * The collections that keep every version of their documents (time travel, DESIGN §9), each with
 * the field that names a document's scope (its workspace or user: `scopeAt` lists a scope), or
 * null for one read by id only; for one whose documents count their own versions (a secret's
 * `version`), the numeric field that does (`firstVersions` pages by it); and `byInstant` for one
 * whose documents are asked for as they were at an instant (`versionAt` with `instant`), which
 * alone keeps an index by time: the others are asked by position, an instant having first been
 * turned into one through a collection that is (an index nobody reads was 16% of the pages a
 * spread save wrote). A write to such a collection must carry its event's time (`at`).
 */
export type HistorySpec<Docs extends DocumentMap> = {
  readonly [C in CollectionOf<Docs>]?: KeptHistory & Readonly<{ scope: FieldOf<Docs, C> | null; version?: FieldOf<Docs, C> }>;
};

/** A page of a document's numbered versions (see `firstVersions`): after a number, in its order. */
export type VersionsQuery = Readonly<{ after?: number; order?: 'asc' | 'desc'; limit: number; omit?: undefined }>;

/**
 * Such a page with fields left out of each version's document: `omit` names them by path
 * (`members`, `value.ciphertext`), for a page that shows none of them. A secret's version holds
 * its sealed value (up to ~87 KiB) and its roles: a page of 1,000 whole versions was ~88 MB to
 * read and parse, in one statement (1.1–1.3 s of CPU here).
 */
export type ThinVersionsQuery = Omit<VersionsQuery, 'omit'> & Readonly<{ omit: readonly string[] }>;

/** A document with fields left out of it (`ThinVersionsQuery`): any field, at any depth, may be missing. */
export type Thinned<Doc> = Doc extends object ? { readonly [K in keyof Doc]?: Thinned<Doc[K]> } : Doc;

/** A moment in the past: a log position, or an instant (RFC 3339, compared as UTC text). */
export type AsOf = Readonly<{ position: string } | { instant: string }>;

/** A document as it was, or a tombstone (doc null), with the position and time of the event that made it so. */
export type Version<Doc> = Readonly<{ doc: Doc | null; position: string; at: string }>;
/**
 * A version as `firstVersions` lists it, with the size of its whole document as stored (UTF-8
 * bytes of its JSON on SQLite, of its BSON on MongoDB; 0 for a tombstone), however much of it
 * the query left out: what reading it cost grows with that size (readCharges.ts).
 */
export type SizedVersion<Doc> = Version<Doc> & Readonly<{ storedBytes: number }>;

/** A stored document, or a tombstone (doc null), with the log position it last applied. */
export type Positioned<Doc> = Readonly<{ doc: Doc | null; position: string }>;
/** A live document found by a query. */
export type Found<Doc> = Readonly<{ id: string; doc: Doc; position: string }>;

/**
 * A document to write into collection C. Written with C known, it ties the document to its
 * collection; the default (every collection) is what a batch of several collections holds.
 */
export type ViewWrite<Docs extends DocumentMap, C extends CollectionOf<Docs> = CollectionOf<Docs>> = Readonly<{
  collection: C;
  id: string;
  /** null deletes the document, leaving a tombstone. */
  doc: Docs[C] | null;
  position: string;
  /** The event's time: kept with the version by collections with history. */
  at?: string;
  /**
   * For a collection with history, one of the two things a write does: 'version' appends the
   * version to the history and leaves the document as it stands; 'document' replaces the document
   * and appends nothing (its version was appended before). Both when absent. A rebuild appends
   * each version as it goes and writes a document once, when done with it (`HeldDocuments`).
   */
  only?: 'version' | 'document';
}>;

/**
 * Documents taken out whole, with no tombstone: those of `collection` that match `where` (on
 * fields, the first one indexed, as a page query's) with ids from `fromId` (when given) up to
 * `throughId`. What a pruning of the log takes out of the views (DESIGN §7: the audit rows of the
 * pruned records), so that they match what a rebuild from the pruned log makes, which never had
 * them. Only collections whose ids sort in log order are removed from this way; the bounds keep
 * the search to the ids of the pruned events.
 */
export type ViewRemoval<Docs extends DocumentMap, C extends CollectionOf<Docs> = CollectionOf<Docs>> = C extends unknown
  ? Readonly<{ collection: C; where: Readonly<{ [F in keyof Docs[C] & string]?: string }>; fromId?: string; throughId: string }>
  : never;

/**
 * Where a projector stands. `generation` changes when a rebuild swaps in new views: a
 * projector that started on an older generation must not move the new checkpoint.
 */
export type Checkpoint = Readonly<{ position: string | null; generation: string }>;

/** A field equals a value, or (a list) any of its values; a list field (ListSpec) holds the one value. */
export type Match = string | number | readonly (string | number)[];

/**
 * A page of live documents, in id order (ascending unless `order` says otherwise): matches on
 * fields (the first one should be indexed), inclusive bounds on one field (ISO timestamps compare
 * as strings), beyond an id in that order (keyset paging), and not beyond `throughId` (inclusive).
 */
export type PageQuery<Doc> = Readonly<{
  where: Readonly<{ [F in keyof Doc & string]?: Match }>;
  range?: Readonly<{ field: keyof Doc & string; min?: string; max?: string }>;
  afterId?: string;
  throughId?: string;
  order?: 'asc' | 'desc';
  limit: number;
  omit?: undefined;
}>;

/** Such a page with fields left out of each document, by path (see `ThinVersionsQuery`): a deleted key's ended lifetimes, up to 1,000 of them. */
export type ThinPageQuery<Doc> = Omit<PageQuery<Doc>, 'omit'> & Readonly<{ omit: readonly string[] }>;

/** A page found among a bounded number of documents, and the id the next page starts after (null: nothing is left); see `boundedPage`. */
export type BoundedPage<Doc> = Readonly<{ found: Found<Doc>[]; nextAfterId: string | null }>;

/**
 * Typed by a map from collection name to document type. Adapters store JSON and trust the map:
 * what is committed to a collection is a document of that collection's type.
 */
export interface ReadStore<Docs extends DocumentMap> {
  /** The document or tombstone with that id, undefined when there never was one. */
  get<C extends CollectionOf<Docs>>(collection: C, id: string): Promise<Positioned<Docs[C]> | undefined>;
  getMany<C extends CollectionOf<Docs>>(collection: C, ids: readonly string[]): Promise<Map<string, Positioned<Docs[C]>>>;
  /** Live (non-deleted) documents whose indexed `field` (not one that holds lists) equals `value`, ordered by id. */
  find<C extends CollectionOf<Docs>>(collection: C, field: FieldOf<Docs, C>, value: string): Promise<Found<Docs[C]>[]>;
  /** How many documents `find` would answer, counted through the index without reading them (what a read is charged by before it reads). */
  count<C extends CollectionOf<Docs>>(collection: C, field: FieldOf<Docs, C>, value: string): Promise<number>;
  page<C extends CollectionOf<Docs>>(collection: C, query: PageQuery<Docs[C]>): Promise<Found<Docs[C]>[]>;
  page<C extends CollectionOf<Docs>>(collection: C, query: ThinPageQuery<Docs[C]>): Promise<Found<Thinned<Docs[C]>>[]>;
  /**
   * Where a page's scan of `count` documents ends: the id of the `count`-th document beyond
   * `afterId`, in the query's order, among those the query's first field matches when that field
   * is indexed (through its index; never a list field), else among every document of the
   * collection; null when fewer than `count` remain. Several values of the first field: each
   * value's documents count up to its share of `count`, and the scan ends where the first of
   * those ends (so it covers between a share and about the whole count).
   */
  scanEnd<C extends CollectionOf<Docs>>(collection: C, query: Pick<PageQuery<Docs[C]>, 'where' | 'afterId' | 'order'>, count: number): Promise<string | null>;
  /** Every live document of a collection, ordered by id (rebuild comparisons, tests). */
  all<C extends CollectionOf<Docs>>(collection: C): Promise<Found<Docs[C]>[]>;
  /**
   * A document of a collection with history as it was: its last version at or before the
   * position (or made at or before the instant, for a collection read `byInstant` only); undefined
   * when it had none by then.
   */
  versionAt<C extends CollectionOf<Docs>>(collection: C, id: string, asOf: AsOf): Promise<Version<Docs[C]> | undefined>;
  /** The live documents of one scope of a collection with history as they were at a position, ordered by id. */
  scopeAt<C extends CollectionOf<Docs>>(collection: C, scope: string, position: string): Promise<Found<Docs[C]>[]>;
  /** How many documents one scope of a collection with history ever held: each one `scopeAt` looks up, whatever the position. */
  scopeCount<C extends CollectionOf<Docs>>(collection: C, scope: string): Promise<number>;
  /**
   * A document's numbered versions, for a collection whose history names a version field: for each
   * number that field held, the earliest version (by position) that held it, ordered by number
   * (ascending unless `order` says otherwise), beyond `after` in that order, `limit` at most.
   * Tombstones, and versions without a number, are not listed. (A secret's versions as each was
   * set, served from the history time travel keeps: no second copy of every envelope.)
   */
  firstVersions<C extends CollectionOf<Docs>>(collection: C, id: string, query: VersionsQuery): Promise<SizedVersion<Docs[C]>[]>;
  firstVersions<C extends CollectionOf<Docs>>(collection: C, id: string, query: ThinVersionsQuery): Promise<SizedVersion<Thinned<Docs[C]>>[]>;
  checkpoint(): Promise<Checkpoint>;
  /**
   * Applies the writes (each only if its position is after the stored one) and moves the
   * checkpoint to `position`, unless the checkpoint's generation is no longer `generation`;
   * then it writes nothing and returns false. In a collection with history every write is also
   * kept as a version (a replayed one is kept once); several writes of one document are applied
   * in order. `removals` are applied after the writes, with them: they only ever name documents
   * of events before the one that removes them, which may be among the writes.
   */
  commit(writes: readonly ViewWrite<Docs>[], position: string, generation: string, removals?: readonly ViewRemoval<Docs>[]): Promise<boolean>;
  /** An empty store beside the live one; `swapIn` replaces the live views with it. */
  startRebuild(): Promise<RebuildTarget<Docs>>;
  close(): Promise<void>;
}

export interface RebuildTarget<Docs extends DocumentMap> {
  readonly store: ReadStore<Docs>;
  swapIn(): Promise<void>;
  discard(): Promise<void>;
}

/** How far a bounded page may scan: `rows` documents at most, read `step` at a time (see `boundedPage`). */
export type ScanBound = Readonly<{ rows: number; step: number }>;

/**
 * A page that examines about `scan.rows` documents at most: a query whose other conditions match
 * few of the documents its first field leads to (an audit filter by actor in a large workspace)
 * would otherwise read all of them in one synchronous statement, and stall the process. It reads
 * `scan.step` documents' worth at a time and awaits `beforeFurtherStep` before each step after the
 * first (where a caller pays for it and lets the process serve others; false ends the page where
 * the last step ended), and stops when the page is full, nothing is left, or `scan.rows` are
 * examined. The next page starts after `nextAfterId`: the page's last document when it is full,
 * else where the scan ended (more may match beyond it); null when nothing is left. The ids it
 * gives are of documents the first field leads to: a caller that puts the field it is confined to
 * first (an owner) is never shown the id of a document beyond it.
 */
export async function boundedPage<Docs extends DocumentMap, C extends CollectionOf<Docs>>(
  store: Pick<ReadStore<Docs>, 'page' | 'scanEnd'>,
  collection: C,
  query: PageQuery<Docs[C]>,
  scan: ScanBound,
  beforeFurtherStep: () => Promise<boolean>,
): Promise<BoundedPage<Docs[C]>> {
  if (!Number.isInteger(query.limit) || query.limit < 1) throw new Error(`A page holds at least one document: ${query.limit}`);
  checkScanCount(scan.step);
  const [first, ...others] = Object.values(query.where);
  // Nothing but one value of the first field: every document its index leads to matches, so the
  // page examines no more than it answers.
  const firstFieldAlone = first !== undefined && !Array.isArray(first) && others.length === 0 && query.range?.min === undefined && query.range?.max === undefined;
  if (firstFieldAlone) {
    const found = await store.page(collection, query);
    return { found, nextAfterId: found.length === query.limit ? found[found.length - 1]!.id : null };
  }
  const found: Found<Docs[C]>[] = [];
  let afterId = query.afterId;
  for (let examined = 0; ; ) {
    // After a step, `afterId` is where it ended: a page that stops there goes on from there.
    if (examined > 0 && !(await beforeFurtherStep())) return { found, nextAfterId: afterId ?? null };
    const step = Math.min(scan.step, scan.rows - examined);
    examined += step;
    const end = await store.scanEnd(collection, { ...query, afterId }, step);
    found.push(...(await store.page(collection, { ...query, afterId, limit: query.limit - found.length, ...(end === null ? {} : { throughId: end }) })));
    if (found.length === query.limit) return { found, nextAfterId: found[found.length - 1]!.id };
    if (end === null || examined >= scan.rows) return { found, nextAfterId: end };
    afterId = end;
  }
}

/** A scan covers one document at least. */
export function checkScanCount(count: number): void {
  if (!Number.isInteger(count) || count < 1) throw new Error(`A scan covers a whole number of documents, at least one: ${count}`);
}

/** The spec as adapters read it: collection names and the fields each is queried by. */
export type IndexedFields = Readonly<Record<string, readonly string[]>>;

/** What every adapter refuses alike: a query or removal by a field the spec does not index. */
export function checkIndexed(fields: IndexedFields, collection: string, field: string): void {
  if (!fields[collection]?.includes(field)) throw new Error(`${collection}.${field} is not indexed`);
}

/**
 * A field that holds lists (ListSpec) is matched against one string, and never first (it is not
 * walked): what every adapter refuses alike otherwise.
 */
export function checkListMatches(lists: IndexedFields, collection: string, where: Readonly<Record<string, unknown>>): void {
  const [first] = Object.keys(where);
  if (first !== undefined) checkNotWalked(lists, collection, first);
  for (const [field, value] of Object.entries(where)) {
    if (lists[collection]?.includes(field) && typeof value !== 'string') throw new Error(`${collection}.${field} holds lists: it is matched against one string`);
  }
}

/** What `find` and `count` go by, and a query's first field, are never a field that holds lists (see ListSpec). */
export function checkNotWalked(lists: IndexedFields, collection: string, field: string): void {
  if (lists[collection]?.includes(field)) throw new Error(`${collection}.${field} holds lists: it is matched among what another field leads to, never walked`);
}

/**
 * A removal goes by an indexed field first, by no field that holds lists, and never into a
 * collection that keeps history: its versions stay.
 */
export function checkRemovable(
  fields: IndexedFields,
  history: Readonly<Partial<Record<string, unknown>>>,
  lists: IndexedFields,
  { collection, where }: Readonly<{ collection: string; where: Readonly<Record<string, unknown>> }>,
): void {
  const [first] = Object.keys(where);
  if (first === undefined) throw new Error(`A removal from ${collection} names no field`);
  checkIndexed(fields, collection, first);
  const listed = Object.keys(where).find((field) => lists[collection]?.includes(field));
  if (listed !== undefined) throw new Error(`${collection}.${listed} holds lists: a removal does not go by it`);
  if (history[collection] !== undefined) throw new Error(`${collection} keeps history: its documents are not removed`);
}

/** What every adapter refuses alike: an instant asked of a collection not read `byInstant` (it keeps no index by time). */
export function checkAskedByInstant(history: Readonly<Partial<Record<string, KeptHistory>>>, collection: string, asOf: AsOf): void {
  if ('instant' in asOf && history[collection]?.byInstant !== true) throw new Error(`${collection} is not read by instant: ask it by position`);
}

/** How one collection keeps its history, as adapters read a HistorySpec whatever its documents. */
export type KeptHistory = Readonly<{ scope: string | null; version?: string; byInstant?: true }>;

/** What every adapter refuses alike: a history spec for a collection it does not have, or naming a field `isField` refuses. */
export function checkHistorySpec(collections: object, history: Readonly<Partial<Record<string, KeptHistory>>>, isField: (field: string) => boolean): void {
  for (const [collection, kept] of Object.entries(history)) {
    const named = [kept!.scope, kept!.version].filter((field): field is string => field !== null && field !== undefined);
    if (!Object.hasOwn(collections, collection) || !named.every(isField)) throw new Error(`Invalid history spec for ${collection}`);
  }
}

/** What every adapter refuses alike: `firstVersions` of a collection whose history numbers no versions. */
export function checkNumbersVersions(history: Readonly<Partial<Record<string, KeptHistory>>>, collection: string): void {
  if (!history[collection]?.version) throw new Error(`${collection} numbers no versions`);
}

/**
 * What every adapter refuses alike: leaving fields out by a path that is not plain names joined
 * by dots, or by two paths one within the other (MongoDB refuses those as a collision, SQLite
 * would not). A path must not go through a list: MongoDB would take the field out of every
 * element, SQLite out of none.
 */
export function checkOmitted(paths: readonly string[] | undefined): void {
  if (paths === undefined) return;
  for (const path of paths) {
    if (!/^[A-Za-z]+(\.[A-Za-z]+)*$/.test(path)) throw new Error(`Invalid field path ${path}`);
    if (paths.some((other) => other.startsWith(`${path}.`))) throw new Error(`Invalid field path ${path}: another path is within it`);
  }
  if (new Set(paths).size !== paths.length) throw new Error('Invalid field paths: one is named twice');
}

/**
 * What a write does: replace its document (unless it is a version only), and append a version
 * (when its collection keeps history, unless it is the document only) at its event's time,
 * `versionAt` (null: no version). Throws for a write that asks for a part its collection does not
 * have, or a version without its time.
 */
export function partsOf(history: Readonly<Partial<Record<string, KeptHistory>>>, write: Pick<ViewWrite<DocumentMap>, 'collection' | 'only' | 'at'>): { document: boolean; versionAt: string | null } {
  const keeps = history[write.collection] !== undefined;
  if (write.only !== undefined && !keeps) throw new Error(`${write.collection} keeps no history: a write to it is its document, whole`);
  const document = write.only !== 'version';
  if (!keeps || write.only === 'document') return { document, versionAt: null };
  if (write.at === undefined) throw new Error(`A write to ${write.collection}, which keeps history, needs its event's time`);
  return { document, versionAt: write.at };
}

/**
 * What a version row records of its document besides the document itself: its scope (a string,
 * else null) and its number (a safe integer, else null), by the fields the collection's history
 * names. A tombstone has neither.
 */
export function versionLabels(kept: KeptHistory, doc: Readonly<Record<string, unknown>> | null): { scope: string | null; number: number | null } {
  const scope = kept.scope === null ? undefined : doc?.[kept.scope];
  const number = kept.version === undefined ? undefined : doc?.[kept.version];
  return { scope: typeof scope === 'string' ? scope : null, number: typeof number === 'number' && Number.isSafeInteger(number) ? number : null };
}
