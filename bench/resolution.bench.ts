import { load, LOAD_CORE, type LoadResult } from './lib/load';
import { printTable, saveResult, settings, type Row } from './lib/report';
import { executor, resolveBody, seedWorkspace } from './lib/seed';
import { startBareFastify, startService } from './lib/servers';

/**
 * Resolution with 1, 5 and 20 references, with auth, against bare fastify answering a small JSON
 * to the same POST, loaded alternately. Target: 5 references ≥ 0.6 of bare fastify's req/s,
 * p99 ≤ 10 ms at 50 connections.
 */
console.log(`load generator on core ${LOAD_CORE}`);
const bare = await startBareFastify();
const service = await startService();
try {
  const workspaceId = await seedWorkspace(service.url, 20);
  const rows: Row[] = [];
  for (const references of [1, 5, 20]) {
    const body = resolveBody(workspaceId, references);
    const headers = { authorization: `Bearer ${executor}` };
    const run = (seconds: number) =>
      load({ url: `${service.url}/v1/resolve`, method: 'POST', headers, body, durationSeconds: seconds, connections: settings.connections, serverCpu: service.cpu });
    const runBare = (seconds: number) =>
      load({ url: bare.url, method: 'POST', body, durationSeconds: seconds, connections: settings.connections, serverCpu: bare.cpu });
    await runBare(2);
    await run(2);
    const serviceRuns: LoadResult[] = [];
    const bareRuns: LoadResult[] = [];
    for (let round = 0; round < settings.rounds; round += 1) {
      bareRuns.push(await runBare(settings.seconds));
      serviceRuns.push(await run(settings.seconds));
    }
    rows.push({ case: `${references} reference${references > 1 ? 's' : ''}`, service: serviceRuns, bare: bareRuns, extra: { 'RSS MiB': Math.round(service.rss() ?? 0) } });
  }
  printTable('Resolution (POST /v1/resolve, executor token)', rows);
  saveResult('resolution', rows);
} finally {
  await service.stop();
  await bare.stop();
}
