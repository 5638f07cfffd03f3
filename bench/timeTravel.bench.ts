import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseMasterKeys } from '../src/crypto/masterKeys';
import { streamIds } from '../src/events/streams';
import { viewCollections, viewHistory, viewLists } from '../src/projections/views';
import { createService } from '../src/service';
import { openSqliteStores } from '../src/stores/sqlite/openSqliteStores';
import { median } from './lib/load';
import { machine, saveResult } from './lib/report';
import { owner } from './lib/seed';
import { JWT_SECRET, MASTER_KEYS, startBareFastify, startService, UNLIMITED_SETTINGS } from './lib/servers';

/**
 * Time travel (DESIGN §9): one workspace of 1,000 keys whose secrets stream holds 101,000 events
 * (1,000 keys set with their first Admins, then changed 99 times: 100 batch saves), seeded
 * through the commands once per data directory (BENCH_DATA_DIR reuses it). Against the service as
 * it ships, one request at a time: the list as of a position drawn uniformly over the scope's
 * history (target ≤ 20 ms p50), the plain list for comparison, and bare fastify's smallest answer
 * as the floor.
 */
const KEYS = 1000;
const ROUNDS = Number(process.env.BENCH_TT_ROUNDS ?? 100);
const REQUESTS = Number(process.env.BENCH_TT_REQUESTS ?? 300);
const dataDir = process.env.BENCH_DATA_DIR ?? join(tmpdir(), `secrets-bench-timetravel-${KEYS}x${ROUNDS}`);

async function seed(): Promise<void> {
  const service = await createService({
    ...openSqliteStores(dataDir, viewCollections, viewHistory, viewLists),
    masterKeys: parseMasterKeys(MASTER_KEYS),
    jwtSecret: JWT_SECRET,
    log: { error: (o: object, m: string) => console.error(m, o), info: () => {} },
  });
  const who = { userId: 'owner', email: 'owner@example.com' };
  const { workspaceId } = await service.deps.workspaces.create(who, 'time travel');
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round += 1) {
    const set = Object.fromEntries(Array.from({ length: KEYS }, (_, k) => [`KEY_${k}`, `round-${round}-key-${k}`.padEnd(40, 'x')]));
    await service.deps.secrets.saveWorkspace(who, workspaceId, { set, delete: [] });
    if (round % 10 === 9) console.log(`seeded ${(round + 1) * KEYS} events (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  await service.close();
}

if (!existsSync(join(dataDir, 'events.sqlite'))) await seed();
const stores = openSqliteStores(dataDir, viewCollections, viewHistory, viewLists);
const created = (await stores.eventStore.readAll(null, 10)).find((e) => e.streamId.startsWith('workspace-'));
if (!created) throw new Error(`no workspace in ${dataDir}`);
const workspaceId = created.streamId.slice('workspace-'.length);
const positions = (await stores.eventStore.readStream(streamIds.workspaceSecrets(workspaceId))).map((e) => e.position);
await Promise.all([stores.eventStore.close(), stores.readStore.close(), stores.keyStore.close()]);
console.log(`workspace ${workspaceId}: ${positions.length} events in its secrets stream`);

/** Sequential requests, one at a time: latency in ms, median and tail. */
async function timed(url: (i: number) => string, headers: Record<string, string>) {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS + 20; i += 1) {
    const started = performance.now();
    const reply = await fetch(url(i), { headers });
    if (!reply.ok) throw new Error(`${url(i)}: ${reply.status} ${await reply.text()}`);
    await reply.arrayBuffer();
    if (i >= 20) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: median(times), p90: times[Math.floor(times.length * 0.9)]!, p99: times[Math.floor(times.length * 0.99)]! };
}

const service = await startService({ dataDir, env: UNLIMITED_SETTINGS });
const bare = await startBareFastify();
try {
  const auth = { authorization: `Bearer ${owner}` };
  const list = `${service.url}/v1/workspaces/${workspaceId}/secrets`;
  const pick = () => positions[Math.floor(Math.random() * positions.length)]!;
  const asOf = await timed(() => `${list}?asOf=${pick()}`, auth);
  const plain = await timed(() => list, auth);
  const floor = await timed(() => bare.url, {});
  const rows = [
    ['asOf list, position uniform over the history', asOf],
    ['plain list (now)', plain],
    ['bare fastify, smallest answer', floor],
  ] as const;
  console.log(`\n${machine()}\n1 workspace, ${KEYS} keys, ${positions.length} events in its secrets stream; ${REQUESTS} sequential requests each\n`);
  console.log('| case | p50 ms | p90 ms | p99 ms |\n|---|---|---|---|');
  for (const [name, t] of rows) console.log(`| ${name} | ${t.p50.toFixed(2)} | ${t.p90.toFixed(2)} | ${t.p99.toFixed(2)} |`);
  saveResult('timeTravel', { keys: KEYS, events: positions.length, rows: Object.fromEntries(rows) });
} finally {
  await service.stop();
  await bare.stop();
}
