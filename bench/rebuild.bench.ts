import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseMasterKeys } from '../src/crypto/masterKeys';
import { allProjections } from '../src/projections';
import { rebuildViews } from '../src/projections/rebuild';
import { viewCollections, viewHistory } from '../src/projections/views';
import { createService } from '../src/service';
import { openSqliteStores } from '../src/stores/sqlite/openSqliteStores';
import { median } from './lib/load';
import { machine, saveResult } from './lib/report';
import { JWT_SECRET, MASTER_KEYS, startService } from './lib/servers';

/**
 * Rebuild and start-up with a large log. Seeds EVENTS events through the service's own commands
 * (workspaces, then batch saves of 10 keys), once per data directory (BENCH_DATA_DIR reuses it),
 * then: views rebuilt from the log (events/s, target ≥ 50,000/s), and the time from process
 * start to /readyz with every event already projected.
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const WORKSPACES = 2_000;
const KEYS = 10;
const dataDir = process.env.BENCH_DATA_DIR ?? join(tmpdir(), `secrets-bench-${EVENTS}`);
const log = { error: (o: object, m: string) => console.error(m, o), info: () => {} };

async function seed() {
  mkdirSync(dataDir, { recursive: true });
  const service = await createService({
    ...openSqliteStores(dataDir, viewCollections, viewHistory),
    masterKeys: parseMasterKeys(MASTER_KEYS.replace(/^bench:/, 'bench:')),
    jwtSecret: JWT_SECRET,
    log,
  });
  const owner = { userId: 'owner', email: 'owner@example.com' };
  const started = performance.now();
  const workspaces: string[] = [];
  for (let i = 0; i < WORKSPACES; i += 1) workspaces.push((await service.deps.workspaces.create(owner, `w${i}`)).workspaceId);
  let events = WORKSPACES;
  let round = 0;
  const batch = () => Object.fromEntries(Array.from({ length: KEYS }, (_, k) => [`KEY_${k}`, `round${round}-key${k}`.padEnd(40, 'x')]));
  while (events < EVENTS) {
    // Every workspace saves once per round, 50 at a time (the first round also records creators).
    for (let i = 0; i < WORKSPACES && events < EVENTS; i += 50) {
      const written = await Promise.all(
        workspaces.slice(i, i + 50).map((ws) => service.deps.secrets.saveWorkspace(owner, ws, { set: batch(), delete: [] })),
      );
      events += written.reduce((n, w) => n + w.newEvents.length, 0);
    }
    round += 1;
    console.log(`seeded ${events} events (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  await service.close();
  return events;
}

const seeded = existsSync(join(dataDir, 'events.sqlite')) ? null : await seed();
const { eventStore, readStore, keyStore } = openSqliteStores(dataDir, viewCollections, viewHistory);
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
  seededNow: seeded !== null,
  rebuildEventsPerSecond: Math.round(median(rebuilds)),
  startupToReadyMs: Math.round(median(startups)),
};
console.log(`\n### Rebuild and start-up\n\n${machine()}\n\n| events in the log | rebuild events/s (median) | start-up to /readyz ms (median) |\n| --- | --- | --- |\n| ${result.events} | ${result.rebuildEventsPerSecond} | ${result.startupToReadyMs} |\n`);
saveResult('rebuild', result);
