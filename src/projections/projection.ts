import { isRecordedOf, type EventType, type RecordedEvent, type RecordedOf } from '../events/streams';
import type { CollectionName, ViewDoc, ViewDocs } from './views';

/**
 * A projection of the events of types T into the documents of collection C: which documents an
 * event changes, and how. `evolve` is pure and gets null for a document that does not exist (or
 * was deleted), and the document's id (one event may make several documents); returning null
 * deletes. Both get only events of the types in `canHandle`.
 */
export type Projection<C extends CollectionName, T extends EventType> = Readonly<{
  collection: C;
  canHandle: readonly T[];
  documentIds: (recorded: RecordedOf<T>) => readonly string[];
  evolve: (doc: ViewDocs[C] | null, recorded: RecordedOf<T>, id: string) => ViewDocs[C] | null;
  /**
   * The document is made from the event alone (audit rows, versions, revisions): the projector
   * writes it without reading the stored one first. The store's position guard still keeps an
   * older event from overwriting a newer document.
   */
  fromEventAlone?: true;
}>;

/** Defines a projection: its collection and event types are inferred, its functions typed by them. */
export function projection<C extends CollectionName, T extends EventType>(definition: Projection<C, T>): Projection<C, T> {
  return definition;
}

/**
 * Any projection, as the projector holds projections of different views in one list: it takes
 * any recorded event, and is called for those of its types only (see `erase`).
 */
export type AnyProjection = Readonly<{
  collection: CollectionName;
  fromEventAlone: boolean;
  /** [] for an event of a type it does not handle. */
  documentIds: (recorded: RecordedEvent) => readonly string[];
  /** `doc` must be a document of `collection` (or null); an event it does not handle leaves it as it is. */
  evolve: (doc: ViewDoc | null, recorded: RecordedEvent, id: string) => ViewDoc | null;
}>;

/**
 * The one place where a projection's types are erased. Events are checked against `canHandle`
 * (a Set lookup: this runs for every event on the write path) before they reach the projection,
 * so it only ever sees the types it declared.
 */
export function erase<C extends CollectionName, T extends EventType>(p: Projection<C, T>): AnyProjection {
  const handled = new Set(p.canHandle);
  return {
    collection: p.collection,
    fromEventAlone: p.fromEventAlone === true,
    documentIds: (recorded) => (isRecordedOf(handled, recorded) ? p.documentIds(recorded) : []),
    evolve: (doc, recorded, id) =>
      // The projector passes only documents it read from, or wrote to, this projection's own
      // collection (its keys are collection and id): `doc` is a document of C.
      isRecordedOf(handled, recorded) ? p.evolve(doc as ViewDocs[C] | null, recorded, id) : doc,
  };
}
