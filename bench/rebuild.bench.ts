import { allProjections } from '../src/projections';
import { rebuildViews } from '../src/projections/rebuild';
import { viewCollections, viewHistory, viewLists } from '../src/projections/views';
import { openSqliteStores } from '../src/stores/sqlite/openSqliteStores';
import { median } from './lib/load';
import { machine, saveResult } from './lib/report';
import { seededLog } from './lib/seedInProcess';
import { startService } from './lib/servers';

/**
 * Rebuild and start-up with a large log. Seeds EVENTS events through the service's own commands
 * (seededLog: workspaces, then batch saves of 10 keys), once per data directory (kept for the next run),
 * then: views rebuilt from the log (events/s, target ≥ 50,000/s), and the time from process
 * start to /readyz with every event already projected.
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const dataDir = await seededLog(EVENTS);

const { eventStore, readStore, keyStore } = openSqliteStores(dataDir, viewCollections, viewHistory, viewLists);
const total = (await eventStore.readAll(null, 1).then(() => eventStore.headPosition())) ?? '0';
const rebuilds: number[] = [];
for (let run = 0; run < Number(process.env.BENCH_ROUNDS ?? 3); run += 1) {
  const { events, seconds } = await rebuildViews(eventStore, readStore, allProjections);
  rebuilds.push(events / seconds);
  console.log(`rebuild ${run + 1}: ${events} events in ${seconds.toFixed(1)} s = ${Math.round(events / seconds)} events/s`);
}
await Promise.all([eventStore.close(), readStore.close(), keyStore.close()]);

const startups: number[] = [];
for (let run = 0; run < Number(process.env.BENCH_ROUNDS ?? 3); run += 1) {
  const started = performance.now();
  const service = await startService({ dataDir });
  startups.push(performance.now() - started);
  console.log(`start-up ${run + 1}: ${(performance.now() - started).toFixed(0)} ms to /readyz, RSS ${Math.round(service.rss() ?? 0)} MiB`);
  await service.stop();
}

const result = {
  events: Number(total),
  rebuildEventsPerSecond: Math.round(median(rebuilds)),
  startupToReadyMs: Math.round(median(startups)),
};
console.log(`\n### Rebuild and start-up\n\n${machine()}\n\n| events in the log | rebuild events/s (median) | start-up to /readyz ms (median) |\n| --- | --- | --- |\n| ${result.events} | ${result.rebuildEventsPerSecond} | ${result.startupToReadyMs} |\n`);
// Another log size (BENCH_EVENTS, e.g. 50,000 for the per-event ratio) is kept beside the 1,000,000-event figures.
saveResult(EVENTS === 1_000_000 ? 'rebuild' : `rebuild.${EVENTS}-events`, result);
