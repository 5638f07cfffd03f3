import type { RecordedEvent } from '../events/streams';
import type { CollectionName } from './views';

/**
 * A projection: which documents of its collection an event changes, and how. `evolve` is pure
 * and gets null for a document that does not exist (or was deleted); returning null deletes.
 */
export type Projection<Doc extends object = object> = Readonly<{
  collection: CollectionName;
  documentIds: (recorded: RecordedEvent) => readonly string[];
  evolve: (doc: Doc | null, recorded: RecordedEvent) => Doc | null;
  /**
   * The document is made from the event alone (audit rows, versions, revisions): the projector
   * writes it without reading the stored one first. The store's position guard still keeps an
   * older event from overwriting a newer document.
   */
  fromEventAlone?: true;
}>;

/** Erases the document type so projections of different views fit one list. */
export function projection<Doc extends object>(definition: Projection<Doc>): Projection {
  return definition as unknown as Projection;
}
