import type { EventStore } from '../stores/eventStore.port';
import type { ReadStore } from '../stores/readStore.port';
import type { AnyProjection } from './projection';
import { projectAll } from './projector';
import type { ViewDocs } from './views';

/**
 * Rebuilds every view from the log into fresh tables or collections, then swaps them in. A
 * projector running meanwhile notices the swap (new checkpoint generation) and continues from
 * the rebuilt checkpoint, so events appended during the rebuild are applied too.
 */
export async function rebuildViews(
  eventStore: Pick<EventStore, 'readAll'>,
  readStore: ReadStore<ViewDocs>,
  projections: readonly AnyProjection[],
): Promise<{ events: number; seconds: number }> {
  const started = performance.now();
  const target = await readStore.startRebuild();
  try {
    const events = await projectAll(eventStore, target.store, projections);
    await target.swapIn();
    return { events, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    await target.discard();
    throw error;
  }
}
