import { load } from './lib/load';
import { executor, resolveBody, seedWorkspace } from './lib/seed';
import { startService } from './lib/servers';

/**
 * `npm run bench:profile`: a CPU profile of the service under the 5-reference resolution load
 * (written to bench/profiles/ when the server stops); open it in Chrome DevTools or speedscope.
 */
const references = Number(process.env.PROFILE_REFERENCES ?? 5);
const service = await startService({ nodeArgs: ['--cpu-prof', '--cpu-prof-dir=bench/profiles'] });
try {
  const workspaceId = await seedWorkspace(service.url, 20);
  const result = await load({
    url: `${service.url}/v1/resolve`,
    method: 'POST',
    headers: { authorization: `Bearer ${executor}` },
    body: resolveBody(workspaceId, references),
    durationSeconds: Number(process.env.BENCH_SECONDS ?? 10),
  });
  console.log(`${references} references: ${Math.round(result.rps)} req/s, p99 ${result.p99} ms`);
} finally {
  await service.stop();
}
