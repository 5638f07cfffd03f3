import autocannon from 'autocannon';

export const LOAD_CORE = 1;

export type LoadResult = Readonly<{
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  statuses: Record<string, number>;
  /** Server CPU time per request, µs (when the server's pid was given): steadier than req/s on a shared machine. */
  cpuPerRequestUs?: number;
}>;

export type LoadOptions = Readonly<{
  url: string;
  connections?: number;
  durationSeconds?: number;
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT';
  headers?: Record<string, string>;
  body?: string;
  /** Makes each request's body (and path) anew (costs the load generator time per request). */
  setupRequest?: (request: { path: string; body?: string }) => { path: string; body?: string };
  /** A pool of prepared requests that every connection cycles through: spread without per-request cost. */
  pool?: ReadonlyArray<{ path: string; body?: string }>;
  /** Reads the server's CPU time in ms, to report CPU per request. */
  serverCpu?: () => number | null;
}>;

/** One load run with autocannon (the driver process is pinned to the load core). */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const cpuBefore = options.serverCpu?.() ?? null;
  const result = await autocannon({
    url: options.url,
    connections: options.connections ?? 50,
    duration: options.durationSeconds ?? 10,
    method: options.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: options.body,
    requests: options.pool
      ? options.pool.map((r) => ({ ...r, method: options.method ?? 'GET' }))
      : options.setupRequest
        ? [{ setupRequest: options.setupRequest as never }]
        : undefined,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, (stat as { count: number }).count])),
    ...cpuPerRequest(cpuBefore, options.serverCpu?.() ?? null, result.requests.total),
  };
}

function cpuPerRequest(before: number | null, after: number | null, requests: number) {
  return before === null || after === null || requests === 0 ? {} : { cpuPerRequestUs: ((after - before) * 1000) / requests };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
