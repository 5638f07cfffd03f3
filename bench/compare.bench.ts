import { join, resolve } from 'node:path';
import { load, LOAD_CORE, type LoadResult } from './lib/load';
import { printTable, saveResult, settings, type Row } from './lib/report';
import { client, executor, owner, resolveBody, seedWorkspace } from './lib/seed';
import { startService, UNLIMITED_SETTINGS } from './lib/servers';

/**
 * A change measured A/B: this checkout's bundle against another checkout's (BENCH_BASELINE, a
 * directory where `npm run build` ran, e.g. a `git worktree` of the commit before the change),
 * alternating round by round on fresh data directories, so both see the same phase of a machine
 * whose speed drifts. Loads: resolution with 5 references, and batch saves of 10 keys spread over
 * 100 workspaces (`RATE_LIMIT_MAX` raised, as in the writes benchmark).
 */
const baseline = process.env.BENCH_BASELINE;
if (!baseline) throw new Error('BENCH_BASELINE: the directory of the build to compare with (with dist/server.mjs built)');
const builds = [
  { name: 'baseline', entry: join(resolve(baseline), 'dist/server.mjs') },
  { name: 'this checkout', entry: resolve('dist/server.mjs') },
] as const;
console.log(`load generator on core ${LOAD_CORE}; baseline ${builds[0].entry}`);

type Load = (url: string, cpu: () => number | null) => Promise<LoadResult>;
const resolution: Load = async (url, cpu) => {
  const workspaceId = await seedWorkspace(url, 20);
  const headers = { authorization: `Bearer ${executor}` };
  return load({ url: `${url}/v1/resolve`, method: 'POST', headers, body: resolveBody(workspaceId, 5), durationSeconds: settings.seconds, serverCpu: cpu });
};
const spreadSaves: Load = async (url, cpu) => {
  const call = client(url);
  const workspaces: string[] = [];
  for (let i = 0; i < 100; i += 1) workspaces.push((await call('POST', '/v1/workspaces', owner, { name: `w${i}` })).id);
  const pick = () => workspaces[Math.floor(Math.random() * workspaces.length)]!;
  let counter = 0;
  const batch = () => JSON.stringify({ set: Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`KEY_${k}`, `value-${(counter += 1)}-${k}`.padEnd(40, 'x')])) });
  const path = () => `/v1/workspaces/${pick()}/secrets`;
  return load({ url: `${url}${path()}`, method: 'PATCH', headers: { authorization: `Bearer ${owner}` }, durationSeconds: settings.seconds, serverCpu: cpu, setupRequest: (request) => ({ ...request, path: path(), body: batch() }) });
};

const rows: Row[] = [];
for (const [name, run] of [['resolution, 5 references', resolution], ['batch saves of 10 keys, spread over 100 workspaces', spreadSaves]] as const) {
  const runs = new Map<string, LoadResult[]>(builds.map((b) => [b.name, []]));
  for (let round = 0; round < settings.rounds; round += 1) {
    // Alternating which goes first: neither always runs in the other's wake.
    for (const build of round % 2 === 0 ? builds : [...builds].reverse()) {
      const service = await startService({ entry: build.entry, env: UNLIMITED_SETTINGS });
      try {
        runs.get(build.name)!.push(await run(service.url, service.cpu));
      } finally {
        await service.stop();
      }
    }
  }
  for (const build of builds) rows.push({ case: `${name}: ${build.name}`, service: runs.get(build.name)! });
}
printTable('A/B: this checkout against BENCH_BASELINE', rows);
saveResult('compare', { baseline: builds[0].entry, rows });
