import { loadConfig } from '../config';
import { allProjections } from '../projections';
import { rebuildViews } from '../projections/rebuild';
import { openSqliteStores } from '../stores/sqlite/openSqliteStores';

/** `npm run rebuild`: rebuilds the views from the event log and swaps them in. */
const config = loadConfig();
const { eventStore, readStore, keyStore } = openSqliteStores(config.DATA_DIR);
try {
  const { events, seconds } = await rebuildViews(eventStore, readStore, allProjections);
  console.log(`rebuilt the views from ${events} events in ${seconds.toFixed(2)} s`);
} finally {
  await Promise.all([eventStore.close(), readStore.close(), keyStore.close()]);
}
