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
}>;

/** Erases the document type so projections of different views fit one list. */
export function projection<Doc extends object>(definition: Projection<Doc>): Projection {
  return definition as unknown as Projection;
}
