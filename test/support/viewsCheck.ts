import { allProjections } from '../../src/projections';
import { rebuildViews } from '../../src/projections/rebuild';
import { collectionNames, viewCollections, viewHistory, viewLists } from '../../src/projections/views';
import { openSqliteStores } from '../../src/stores/sqlite/openSqliteStores';

/**
 * The live views of a (stopped) server's data directory, and the same views rebuilt from its
 * event log: a projector that lost, doubled or reordered anything makes them differ.
 */
export async function liveAndRebuiltViews(dataDir: string) {
  const { eventStore, readStore, keyStore } = openSqliteStores(dataDir, viewCollections, viewHistory, viewLists);
  try {
    const dump = async () =>
      Object.fromEntries(await Promise.all(collectionNames.map(async (c) => [c, await readStore.all(c)] as const)));
    const live = await dump();
    const head = await eventStore.headPosition();
    const checkpoint = (await readStore.checkpoint()).position;
    await rebuildViews(eventStore, readStore, allProjections);
    return { live, rebuilt: await dump(), head, checkpoint };
  } finally {
    await Promise.all([eventStore.close(), readStore.close(), keyStore.close()]);
  }
}
