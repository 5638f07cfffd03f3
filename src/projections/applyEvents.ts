import { parseStoredEvent, type RecordedEvent } from '../events/streams';
import type { StoredEvent } from '../stores/eventStore.port';
import { comparePositions } from '../stores/position';
import type { Positioned, ReadStore, ViewRemoval, ViewWrite } from '../stores/readStore.port';
import { auditRemovals } from './audit.projection';
import type { AnyProjection } from './projection';
import { keepsHistory, type CollectionName, type ViewDoc, type ViewDocs } from './views';

/** What a batch changes in the views: the writes, and what a pruning of the log takes out (see `auditRemovals`). */
export type ViewChanges = Readonly<{ writes: ViewWrite<ViewDocs>[]; removals: ViewRemoval<ViewDocs>[] }>;

/**
 * Folds a batch of events into view changes: loads every document the batch touches (but those
 * made from the event alone) in one go per collection, applies each event to each document it
 * concerns, in log order, skipping events at or before the document's position (so a replay
 * changes nothing). A document changed by several events of the batch is written once, as the
 * last one left it, unless its collection keeps history: then every version is written, in
 * order, each with its event's time.
 */
export async function viewChangesFor(
  store: Pick<ReadStore<ViewDocs>, 'getMany'>,
  projections: readonly AnyProjection[],
  events: readonly StoredEvent[],
): Promise<ViewChanges> {
  const recorded = events.map(parseStoredEvent).filter((r): r is RecordedEvent => r !== null);
  const removals = recorded.flatMap(auditRemovals);
  const touches = recorded.flatMap((r) =>
    projections.flatMap((p) => p.documentIds(r).map((id) => ({ projection: p, id, recorded: r }))),
  );

  const idsByCollection = new Map<CollectionName, string[]>();
  for (const { projection, id } of touches) {
    if (projection.fromEventAlone) continue;
    const ids = idsByCollection.get(projection.collection) ?? [];
    ids.push(id);
    idsByCollection.set(projection.collection, ids);
  }
  const current = new Map<string, Positioned<ViewDoc>>();
  for (const [collection, ids] of idsByCollection) {
    for (const [id, found] of await store.getMany(collection, ids)) current.set(docKey(collection, id), found);
  }

  const writes = new Map<string, ViewWrite<ViewDocs>>();
  const versions: ViewWrite<ViewDocs>[] = [];
  for (const { projection, id, recorded: r } of touches) {
    const key = docKey(projection.collection, id);
    const before = writes.get(key) ?? current.get(key);
    if (before && comparePositions(before.position, r.position) >= 0) continue;
    const doc = projection.evolve(before?.doc ?? null, r, id);
    // No document before and none after (a role removed from a deleted secret): nothing to write,
    // and no state for its history. What is stored is known here only when it was read.
    if (doc === null && (before?.doc ?? null) === null && !projection.fromEventAlone) continue;
    const write = { collection: projection.collection, id, doc, position: r.position, at: r.event.metadata.at };
    writes.set(key, write);
    if (keepsHistory(projection.collection)) versions.push(write);
  }
  return { writes: [...[...writes.values()].filter((write) => !keepsHistory(write.collection)), ...versions], removals };
}

/** One key for a document of any collection, for maps that hold documents of several. */
export function docKey(collection: string, id: string): string {
  return `${collection}\u0000${id}`;
}
