import { rmSync } from 'node:fs';
import { load, LOAD_CORE, median } from './lib/load';
import { printTable, saveResult, settings, type Row } from './lib/report';
import { client, owner } from './lib/seed';
import { copyOf, seededLog } from './lib/seedInProcess';
import { startService, UNLIMITED_SETTINGS } from './lib/servers';

/**
 * Writes: batch saves of 10 keys per request, all to one workspace, then spread over 100, then
 * to one workspace that holds 1,000 secrets.
 * Reports saves per second and the projection lag: from a save's acknowledgement until a query
 * (without minPosition) shows it. Target ≥ 1,000 saves/s, lag p99 ≤ 50 ms.
 */
const KEYS = 10;
const SPREAD = 100;
console.log(`load generator on core ${LOAD_CORE}`);
/** The target holds after 1,000,000 events are in the log: the service starts on a copy of one (BENCH_LOG_EVENTS=0: a fresh log). */
const LOG_EVENTS = Number(process.env.BENCH_LOG_EVENTS ?? 1_000_000);
const dataDir = LOG_EVENTS > 0 ? copyOf(await seededLog(LOG_EVENTS)) : undefined;
console.log(`events in the log before the first save: ${LOG_EVENTS}`);
const service = await startService({ dataDir, env: UNLIMITED_SETTINGS });
try {
  const call = client(service.url);
  const workspaces: string[] = [];
  for (let i = 0; i < SPREAD; i += 1) workspaces.push((await call('POST', '/v1/workspaces', owner, { name: `w${i}` })).id);
  // A scope as full as a scope gets: what a command folds grows with its keys, not only with its log.
  const full = (await call('POST', '/v1/workspaces', owner, { name: 'full' })).id as string;
  await call('PATCH', `/v1/workspaces/${full}/secrets`, owner, { set: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`FULL_${i}`, `v${i}`.padEnd(40, 'x')])) });
  let counter = 0;
  /** 10 keys set anew: KEY_0…KEY_9, or in the full workspace 10 of the keys it holds, in turn (a new one would pass the scope's 1,000). */
  const batch = (inFull: boolean) => {
    counter += 1;
    const keyOf = (k: number) => (inFull ? `FULL_${(counter * KEYS + k) % 1000}` : `KEY_${k}`);
    return JSON.stringify({ set: Object.fromEntries(Array.from({ length: KEYS }, (_, k) => [keyOf(k), `value-${counter}-${k}`.padEnd(40, 'x')])) });
  };
  const headers = { authorization: `Bearer ${owner}` };
  const rows: Row[] = [];
  for (const [name, pick, isFull] of [
    ['one workspace', () => workspaces[0]!, false],
    [`spread over ${SPREAD} workspaces`, () => workspaces[Math.floor(Math.random() * SPREAD)]!, false],
    ['one workspace of 1,000 secrets', () => full, true],
  ] as const) {
    const run = (seconds: number) =>
      load({
        url: `${service.url}/v1/workspaces/${pick()}/secrets`,
        method: 'PATCH',
        headers,
        durationSeconds: seconds,
        connections: settings.connections,
        serverCpu: service.cpu,
        setupRequest: (request) => ({ ...request, path: `/v1/workspaces/${pick()}/secrets`, body: batch(isFull) }),
      });
    await run(2);
    const runs = [];
    for (let round = 0; round < settings.rounds; round += 1) runs.push(await run(settings.seconds));
    rows.push({ case: `batch saves of ${KEYS} keys, ${name}`, service: runs, extra: { 'keys/s': Math.round(median(runs.map((r) => r.rps)) * KEYS) } });
  }
  printTable('Writes (PATCH …/secrets with 10 keys; req/s = saves/s)', rows);

  // Lag: acknowledged, then visible to a plain query? Sequential probes on an idle service.
  const lags: number[] = [];
  const ws = workspaces[1]!;
  for (let i = 0; i < 300; i += 1) {
    const value = `lag-${i}`.padEnd(20, 'x');
    const saved = await call('PATCH', `/v1/workspaces/${ws}/secrets`, owner, { set: { LAG: value } });
    const acked = performance.now();
    for (;;) {
      const list = await call('GET', `/v1/workspaces/${ws}/secrets`, owner);
      if (list.revision >= saved.revision) break;
    }
    lags.push(performance.now() - acked);
  }
  lags.sort((a, b) => a - b);
  const lag = { p50: lags[Math.floor(lags.length * 0.5)]!, p99: lags[Math.floor(lags.length * 0.99)]! };
  console.log(`projection lag, acknowledged → visible to a query without minPosition: p50 ${lag.p50.toFixed(2)} ms, p99 ${lag.p99.toFixed(2)} ms (includes one GET)`);
  saveResult(LOG_EVENTS > 0 ? 'writes' : 'writes.fresh-log', { logEventsBefore: LOG_EVENTS, rows, lag });
} finally {
  await service.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
