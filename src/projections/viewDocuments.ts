import type { EventStore } from '../stores/eventStore.port';
import type { FollowerCheckpoints } from '../stores/followerCheckpoints.port';
import type { ReadStore } from '../stores/readStore.port';
import type { AnyProjection } from './projection';
import { rebuildViews } from './rebuild';
import type { ViewDocs } from './views';

/**
 * The shape of the view documents, raised whenever a projection's documents change shape, so
 * views made by an earlier version are rebuilt from the log instead of being read as if they
 * were of this one (on every backend: SQLite also drops tables that lack a column it queries).
 * 1: until personal data was sealed. 2: personal data sealed (DESIGN §8), invitations found by `emailIndex`.
 * 3: history kept for time travel (DESIGN §9), and the revision of each workspace's own stream.
 * 4: workspaces record their deletion (`deletedAt`, `deletedBy`), and members who left are gone;
 *    (with the secret lifecycle) versions keep their envelopes, deleted secrets and destroyed keys.
 * 5: audit rows list the keys they are about (`keys`, found through it), instead of a document
 *    per key in a collection of its own.
 * 6: audit row ids, and positions stored in the views, are `sortablePosition`s (a length, then the
 *    digits) instead of 40 zero-padded digits.
 * 7: a secret's versions are read from its time-travel history (which numbers them), not a view of
 *    their own; a secret names the version a rollback set again (`rollbackOf`).
 */
export const VIEW_DOCUMENTS_VERSION = 7;

/**
 * Where the version of the live views' documents is kept: beside the followers' checkpoints,
 * which live with the views (one SQLite file, one MongoDB database), never move back, and are
 * left alone by a rebuild, as this record must be.
 */
const RECORD = 'view-documents';

export type ViewDocumentsLog = Readonly<{ info: (obj: object, msg: string) => void }>;

/**
 * Run by a role that projects, before its projector follows the log: views that hold documents
 * of an earlier version (or of none recorded) are rebuilt from the log and swapped in; empty
 * views are only marked. Several projector instances starting at once may each rebuild: a
 * rebuild swaps in complete views whoever runs it (rebuild.ts).
 */
export async function rebuildViewsOfAnEarlierVersion(
  eventStore: Pick<EventStore, 'readAll'>,
  readStore: ReadStore<ViewDocs>,
  records: FollowerCheckpoints,
  projections: readonly AnyProjection[],
  log: ViewDocumentsLog,
): Promise<void> {
  const recorded = await records.get(RECORD);
  if (recorded !== null && BigInt(recorded) >= BigInt(VIEW_DOCUMENTS_VERSION)) return;
  if ((await readStore.checkpoint()).position !== null) {
    const { events, seconds } = await rebuildViews(eventStore, readStore, projections);
    log.info({ events, seconds }, `views rebuilt from the log: their documents were of version ${recorded ?? 1}, now ${VIEW_DOCUMENTS_VERSION}`);
  }
  await markViewDocuments(records);
}

/** Records that the live views hold documents of this version (after a rebuild made them). */
export function markViewDocuments(records: Pick<FollowerCheckpoints, 'save'>): Promise<void> {
  return records.save(RECORD, String(VIEW_DOCUMENTS_VERSION));
}
