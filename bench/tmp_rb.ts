import { allProjections } from '../src/projections';
import { rebuildViews } from '../src/projections/rebuild';
import { openSqliteStores } from '../src/stores/sqlite/openSqliteStores';
const { eventStore, readStore } = openSqliteStores('/tmp/bench50k');
for (let i = 0; i < 3; i++) { const r = await rebuildViews(eventStore, readStore, allProjections); console.log(Math.round(r.events / r.seconds)); }
