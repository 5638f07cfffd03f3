import { loadConfig } from '../config';
import { allProjections } from '../projections';
import { rebuildViews } from '../projections/rebuild';
import { markViewDocuments } from '../projections/viewDocuments';
import { viewCollections, viewHistory, viewLists } from '../projections/views';
import { openStores } from '../stores/openStores';

/** `npm run rebuild`: rebuilds the views from the event log and swaps them in. */
const config = loadConfig();
const { eventStore, readStore, keyStore, followerCheckpoints } = await openStores(config, viewCollections, viewHistory, viewLists);
try {
  const { events, seconds } = await rebuildViews(eventStore, readStore, allProjections);
  await markViewDocuments(followerCheckpoints);
  console.log(`rebuilt the views from ${events} events in ${seconds.toFixed(2)} s`);
} finally {
  await Promise.all([eventStore.close(), readStore.close(), keyStore.close()]);
}
