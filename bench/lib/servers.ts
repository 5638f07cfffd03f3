import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSigner } from 'fast-jwt';
import { createServer, type AddressInfo } from 'node:net';
import { cpuMs, rssMiB, spawnPinned, stop } from './processes';

export const SERVER_CORE = 0;
export const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';
/** Fixed, so a data directory seeded by one benchmark run opens in the next (bench data only: never use it for anything else). */
export const MASTER_KEYS = `bench:${createHash('sha256').update('secrets-service benchmark master key').digest('base64')}`;

export type Server = Readonly<{ url: string; pid: number; dataDir?: string; stop(): Promise<void>; rss(): number | null; cpu(): number | null }>;

/** A port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Polls a URL until it answers 200 (readiness), or gives up. */
export async function waitUntilReady(url: string, timeoutMs = 600_000, exited?: Promise<unknown>): Promise<number> {
  const started = performance.now();
  let gone = false;
  void exited?.then(() => (gone = true));
  while (performance.now() - started < timeoutMs) {
    if (gone) throw new Error(`the server exited before ${url} was ready`);
    try {
      if ((await fetch(url)).ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms`);
}

/** How the service is started: `bundle` (default) runs `node dist/server.mjs`, the production bundle; `start` runs exactly what `npm start` runs. */
export const SERVER_MODE = process.env.BENCH_SERVER === 'start' ? 'start' : 'bundle';
const SERVER_ARGS = SERVER_MODE === 'start' ? ['--import', 'tsx', 'src/server.ts'] : ['dist/server.mjs'];

/**
 * Settings routes allow 6,000 requests per principal per minute by default, and the listing and
 * write benchmarks load them as one principal: those pass this to measure speed, not the limiter.
 */
export const UNLIMITED_SETTINGS = { RATE_LIMIT_MAX: '100000000' } as const;

/**
 * The service with its default configuration (log level, rate limits, records all as shipped),
 * on the embedded SQLite default, pinned to the server core. Only what a benchmark names in `env`
 * differs from `npm start`.
 */
export async function startService(
  options: { dataDir?: string; env?: Record<string, string>; nodeArgs?: string[]; /** Another build's server bundle (bench/compare.bench.ts). */ entry?: string } = {},
): Promise<Server & { readyAfterMs: number }> {
  // A data directory made here is removed when the service stops; one passed in stays (seeded logs are reused).
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'secrets-bench-'));
  const port = await freePort();
  const child = spawnPinned(SERVER_CORE, process.execPath, [...(options.nodeArgs ?? []), ...(options.entry === undefined ? SERVER_ARGS : [options.entry])], {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    JWT_SECRET,
    SECRETS_MASTER_KEYS: MASTER_KEYS,
    ...options.env,
  });
  child.stdout!.resume();
  child.stderr!.resume();
  const url = `http://127.0.0.1:${port}`;
  const readyAfterMs = await waitUntilReady(`${url}/readyz`, 600_000, new Promise((resolve) => child.once('exit', resolve)));
  const stopAndClean = async () => {
    await stop(child);
    if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, pid: child.pid!, dataDir, readyAfterMs, stop: stopAndClean, rss: () => rssMiB(child.pid!), cpu: () => cpuMs(child.pid!) };
}

/** Bare fastify answering a small JSON to the same kind of request: the ceiling on this machine. */
export async function startBareFastify(): Promise<Server> {
  const port = await freePort();
  const child = spawnPinned(SERVER_CORE, process.execPath, ['--import', 'tsx', 'bench/lib/bareFastify.ts'], { ...process.env, PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url, 30_000);
  return { url, pid: child.pid!, stop: () => stop(child), rss: () => rssMiB(child.pid!), cpu: () => cpuMs(child.pid!) };
}

export function benchToken(sub: string, claims: Record<string, unknown> = {}): string {
  const sign = createSigner({ key: JWT_SECRET, algorithm: 'HS256', expiresIn: 24 * 3_600_000 });
  return sign({ sub, email: `${sub}@example.com`, ...claims });
}
