/**
 * The read side's storage: named collections of JSON documents, each stamped with the log
 * position it last applied. Documents are written only forward (a write whose position is
 * not after the stored one is ignored), so replays and duplicate deliveries are no-ops.
 * A deleted document stays as a tombstone (doc null) that keeps its position.
 */
export type CollectionSpec = Readonly<Record<string, readonly string[]>>;

export type Positioned = Readonly<{ doc: unknown; position: string }>;
export type Found = Readonly<{ id: string; doc: unknown; position: string }>;

export type ViewWrite = Readonly<{
  collection: string;
  id: string;
  /** null deletes the document, leaving a tombstone. */
  doc: object | null;
  position: string;
}>;

/**
 * Where a projector stands. `generation` changes when a rebuild swaps in new views: a
 * projector that started on an older generation must not move the new checkpoint.
 */
export type Checkpoint = Readonly<{ position: string | null; generation: string }>;

/**
 * A page of live documents, in id order: equality on fields (the first one should be indexed),
 * inclusive bounds on one field (ISO timestamps compare as strings), after an id (keyset paging).
 */
export type PageQuery = Readonly<{
  where: Readonly<Record<string, string | number>>;
  range?: Readonly<{ field: string; min?: string; max?: string }>;
  afterId?: string;
  limit: number;
}>;

export interface ReadStore {
  /** The document or tombstone with that id, undefined when there never was one. */
  get(collection: string, id: string): Promise<Positioned | undefined>;
  getMany(collection: string, ids: readonly string[]): Promise<Map<string, Positioned>>;
  /** Live (non-deleted) documents whose indexed `field` equals `value`, ordered by id. */
  find(collection: string, field: string, value: string): Promise<Found[]>;
  page(collection: string, query: PageQuery): Promise<Found[]>;
  /** Every live document of a collection, ordered by id (rebuild comparisons, tests). */
  all(collection: string): Promise<Found[]>;
  checkpoint(): Promise<Checkpoint>;
  /**
   * Applies the writes (each only if its position is after the stored one) and moves the
   * checkpoint to `position`, unless the checkpoint's generation is no longer `generation`;
   * then it writes nothing and returns false.
   */
  commit(writes: readonly ViewWrite[], position: string, generation: string): Promise<boolean>;
  /** An empty store beside the live one; `swapIn` replaces the live views with it. */
  startRebuild(): Promise<RebuildTarget>;
  close(): Promise<void>;
}

export interface RebuildTarget {
  readonly store: ReadStore;
  swapIn(): Promise<void>;
  discard(): Promise<void>;
}
