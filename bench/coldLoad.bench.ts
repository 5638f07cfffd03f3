import Database from 'better-sqlite3';
import { join } from 'node:path';
import { median } from './lib/load';
import { machine, saveResult } from './lib/report';
import { owner } from './lib/seed';
import { longScope } from './lib/seedInProcess';
import { startService } from './lib/servers';

/**
 * The first command on a long scope after a start, when no process holds its state: one
 * workspace whose secrets stream holds EVENTS events (1,000 keys, saved 10 at a time). Each round
 * starts the service twice on the same data directory, alternating: once with the stream's
 * snapshot removed (the stream is read from its first event, as before snapshots), once with the
 * snapshot that load left. Reported: the first save's time and the server's CPU for it, and the
 * slowest `/healthz` asked every 5 ms meanwhile (what every other request waited at worst).
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const { dataDir, workspaceId } = await longScope(EVENTS);

/** Removes the stream's snapshot while no service runs (the views' file holds the saved states). */
function removeSnapshot(): void {
  const db = new Database(join(dataDir, 'views.sqlite'));
  const name = `state:workspaceSecrets-${workspaceId}`;
  for (const table of ['follower_state_generations', 'follower_state_parts']) db.prepare(`DELETE FROM ${table} WHERE follower = ?`).run(name);
  db.close();
}

type Sample = { ms: number; cpuMs: number; slowestHealthzMs: number };

async function firstSave(round: number): Promise<Sample> {
  const service = await startService({ dataDir });
  let slowest = 0;
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const asked = performance.now();
      await fetch(`${service.url}/healthz`).catch(() => {});
      slowest = Math.max(slowest, performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const cpuBefore = service.cpu()!;
  const started = performance.now();
  const reply = await fetch(`${service.url}/v1/workspaces/${workspaceId}/secrets/KEY_1`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${owner}`, 'content-type': 'application/json' },
    body: JSON.stringify({ value: `cold-${round}` }),
  });
  const ms = performance.now() - started;
  const cpuMs = service.cpu()! - cpuBefore;
  probing = false;
  await probe;
  await service.stop();
  if (reply.status !== 200) throw new Error(`the first save answered ${reply.status}: ${await reply.text()}`);
  return { ms, cpuMs, slowestHealthzMs: slowest };
}

const samples: Record<'without' | 'with', Sample[]> = { without: [], with: [] };
for (let round = 0; round < ROUNDS; round += 1) {
  removeSnapshot();
  samples.without.push(await firstSave(round));
  samples.with.push(await firstSave(round));
  console.log(`round ${round + 1}: without ${JSON.stringify(samples.without.at(-1))}, with ${JSON.stringify(samples.with.at(-1))}`);
}

const summary = (list: Sample[]) => ({
  firstSaveMs: Math.round(median(list.map((s) => s.ms))),
  serverCpuMs: Math.round(median(list.map((s) => s.cpuMs))),
  slowestHealthzMs: Math.round(median(list.map((s) => s.slowestHealthzMs))),
});
const result = { events: EVENTS, withoutSnapshot: summary(samples.without), withSnapshot: summary(samples.with) };
const row = (name: string, s: ReturnType<typeof summary>) => `| ${name} | ${s.firstSaveMs} | ${s.serverCpuMs} | ${s.slowestHealthzMs} |`;
console.log(
  [
    `\n### The first save on a long scope after a start (${EVENTS} events in its stream)\n`,
    machine(),
    `median of ${ROUNDS} alternating rounds\n`,
    '| start | first save ms | server CPU ms | slowest /healthz ms |',
    '| --- | --- | --- | --- |',
    row('stream read from its first event', result.withoutSnapshot),
    row('from its snapshot', result.withSnapshot),
    `\nratio of the first save's server CPU, snapshot / none: ${(result.withSnapshot.serverCpuMs / result.withoutSnapshot.serverCpuMs).toFixed(3)}\n`,
  ].join('\n'),
);
saveResult('coldLoad', result);
