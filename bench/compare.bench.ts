import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { load, LOAD_CORE, median, type LoadResult } from './lib/load';
import { printTable, saveResult, settings, type Row } from './lib/report';
import { client, executor, owner, resolveBody, seedWorkspace } from './lib/seed';
import { copyOf, seededLog } from './lib/seedInProcess';
import { JWT_SECRET, MASTER_KEYS, SERVER_CORE, startService, UNLIMITED_SETTINGS } from './lib/servers';

/**
 * A change measured A/B: this checkout's bundle against another checkout's (BENCH_BASELINE, a
 * directory where `npm run build` ran, e.g. a `git worktree` of the commit before the change),
 * alternating round by round on fresh data directories, so both see the same phase of a machine
 * whose speed drifts. Loads: resolution with 5 references, and batch saves of 10 keys spread over
 * 100 workspaces (`RATE_LIMIT_MAX` raised, as in the writes benchmark); then a rebuild of the
 * views of a seeded log by each build's own command.
 */
const baseline = process.env.BENCH_BASELINE;
if (!baseline) throw new Error('BENCH_BASELINE: the directory of the build to compare with (built: dist/server.mjs, and dist/cli/rebuild.mjs for the rebuild)');
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

function withoutServers(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'MONGODB_URL' && name !== 'EVENTSTORE_URL'));
}

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

// The rebuild, each build with its own command (`dist/cli/rebuild.mjs`) on its own copy of a seeded
// log (BENCH_REBUILD_EVENTS, default 200,000; 0 skips it), views left to each build's layout,
// alternating round by round like the loads.
const REBUILD_EVENTS = Number(process.env.BENCH_REBUILD_EVENTS ?? 200_000);
const rebuilds = new Map<string, number[]>(builds.map((b) => [b.name, []]));
let rebuiltEvents = 0;
if (REBUILD_EVENTS > 0) {
  const seeded = await seededLog(REBUILD_EVENTS);
  const copies = new Map(builds.map((b) => [b.name, copyOf(seeded, (file) => !file.includes('views.sqlite'))]));
  for (let round = 0; round < settings.rounds; round += 1) {
    for (const build of round % 2 === 0 ? builds : [...builds].reverse()) {
      const rebuildCommand = join(dirname(build.entry), 'cli/rebuild.mjs');
      // The embedded default only: a server named in the shell must not be the one rebuilt.
      const env = { ...withoutServers(process.env), DATA_DIR: copies.get(build.name)!, JWT_SECRET, SECRETS_MASTER_KEYS: MASTER_KEYS };
      const output = execFileSync('taskset', ['-c', String(SERVER_CORE), process.execPath, rebuildCommand], { env, encoding: 'utf8' });
      const [, events, seconds] = /from (\d+) events in ([\d.]+) s/.exec(output) ?? [];
      if (events === undefined) throw new Error(`Unexpected output of ${rebuildCommand}: ${output}`);
      rebuiltEvents = Number(events);
      rebuilds.get(build.name)!.push((Number(seconds) * 1e6) / Number(events));
    }
  }
  for (const dir of copies.values()) rmSync(dir, { recursive: true, force: true });
  console.log(`\n### Rebuild of ${rebuiltEvents.toLocaleString('en')} events, µs per event, round by round\n\n| build | rounds | median |\n| --- | --- | --- |`);
  for (const build of builds) {
    const perEvent = rebuilds.get(build.name)!;
    console.log(`| ${build.name} | ${perEvent.map((us) => us.toFixed(1)).join(', ')} | ${median(perEvent).toFixed(1)} |`);
  }
}
saveResult('compare', { baseline: builds[0].entry, rows, rebuildEvents: rebuiltEvents, rebuildMicrosecondsPerEvent: Object.fromEntries(rebuilds) });
