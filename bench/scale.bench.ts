import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load, LOAD_CORE, type LoadResult } from './lib/load';
import { printTable, saveResult, settings, type Row } from './lib/report';
import { executor, owner } from './lib/seed';
import { seedWorkspaces } from './lib/seedInProcess';
import { startService, UNLIMITED_SETTINGS, type Server } from './lib/servers';

/**
 * Scale: 1 workspace of 10 secrets against 10,000 workspaces of 50 (500,000 secrets), requests
 * spread at random over all workspaces, caches cold at the start. Resolution (5 references) and
 * listing; the two should be within 10% of each other. RSS reported.
 */
const LARGE = Number(process.env.BENCH_WORKSPACES ?? 10_000);
/**
 * Prepared requests per run, each to a workspace picked at random; the generator cycles through
 * them (a per-request setupRequest, or a much larger pool, made autocannon itself the bottleneck).
 */
const POOL = 5_000;
console.log(`load generator on core ${LOAD_CORE}`);
type Setup = Readonly<{ name: string; dataDir: string; ids: string[]; keys: number }>;
async function setup(name: string, workspaces: number, keys: number): Promise<Setup> {
  const dataDir = mkdtempSync(join(tmpdir(), 'secrets-scale-'));
  return { name, dataDir, ids: await seedWorkspaces(dataDir, workspaces, keys), keys };
}
const setups = [await setup('1 workspace × 10 secrets', 1, 10), await setup(`${LARGE.toLocaleString('en')} workspaces × 50 secrets`, LARGE, 50)];

const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;
const resolveBody = (ids: readonly string[], keys: number) => () => {
  const input = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`h${i}`, `Bearer {{ KEY_${1 + Math.floor(Math.random() * keys)} }}`]));
  return JSON.stringify({ workspaceId: pick(ids), trigger: 'schedule', workflowOwnerId: 'owner', input });
};

const rows: Row[] = [];
const servers: Array<{ setup: Setup; server: Server }> = [];
try {
  // Fresh processes: the caches are cold when the first run starts.
  for (const setup of setups) servers.push({ setup, server: await startService({ dataDir: setup.dataDir, env: UNLIMITED_SETTINGS }) });
  for (const kind of ['resolution (5 references)', 'listing']) {
    const runs = new Map<string, LoadResult[]>(servers.map(({ setup }) => [setup.name, []]));
    for (let round = 0; round < settings.rounds; round += 1) {
      for (const { setup, server } of servers) {
        const ids = setup.ids;
        const result = await load(
          kind === 'listing'
            ? {
                url: `${server.url}/v1/workspaces/${ids[0]}/secrets`,
                headers: { authorization: `Bearer ${owner}` },
                durationSeconds: settings.seconds,
                serverCpu: server.cpu,
                pool: Array.from({ length: POOL }, () => ({ path: `/v1/workspaces/${pick(ids)}/secrets` })),
              }
            : {
                url: `${server.url}/v1/resolve`,
                method: 'POST',
                headers: { authorization: `Bearer ${executor}` },
                durationSeconds: settings.seconds,
                serverCpu: server.cpu,
                pool: Array.from({ length: POOL }, () => ({ path: '/v1/resolve', body: resolveBody(ids, setup.keys)() })),
              },
        );
        runs.get(setup.name)!.push(result);
        if (result.errors + result.non2xx > 0) console.log(`${kind}, ${setup.name}: statuses ${JSON.stringify(result.statuses)}, errors ${result.errors}`);
      }
    }
    for (const { setup, server } of servers) {
      rows.push({ case: `${kind}, ${setup.name}`, service: runs.get(setup.name)!, extra: { 'RSS MiB': Math.round(server.rss() ?? 0) } });
    }
  }
  printTable('Scale (requests at random over every workspace; caches cold at the start)', rows);
  saveResult('scale', rows);
} finally {
  for (const { server } of servers) await server.stop();
  for (const { dataDir } of setups) rmSync(dataDir, { recursive: true, force: true });
}
