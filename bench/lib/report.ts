import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { canPin } from './processes';
import { SERVER_MODE } from './servers';
import { median, type LoadResult } from './load';

export type Row = Readonly<{ case: string; service: LoadResult[]; bare?: LoadResult[]; extra?: Record<string, string | number> }>;

export const settings = {
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
};

/** The hardware and Node version, for any benchmark. */
export function hardware(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

/** The hardware, and how a server under load is run. */
export function machine(): string {
  return `${hardware()}; ${
    canPin ? 'server pinned to core 0, load generator to core 1 (taskset)' : 'NOT pinned (no taskset)'
  }; service started as ${SERVER_MODE === 'start' ? '`npm start` (tsx)' : 'the production bundle (node dist/server.mjs)'}`;
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);

/** Medians over the alternating rounds, and the ratio of requests per second against bare fastify. */
export function summarize(row: Row) {
  const rps = median(row.service.map((r) => r.rps));
  const bareRps = row.bare ? median(row.bare.map((r) => r.rps)) : undefined;
  const ratios = row.bare ? row.service.map((r, i) => r.rps / row.bare![i]!.rps) : [];
  return {
    case: row.case,
    rps,
    p50: median(row.service.map((r) => r.p50)),
    p99: median(row.service.map((r) => r.p99)),
    bareRps,
    ratio: ratios.length ? median(ratios) : undefined,
    failures: row.service.reduce((n, r) => n + r.errors + r.non2xx, 0),
    cpuUs: median(row.service.map((r) => r.cpuPerRequestUs ?? NaN)),
    bareCpuUs: row.bare ? median(row.bare.map((r) => r.cpuPerRequestUs ?? NaN)) : undefined,
    ...row.extra,
  };
}

export function printTable(title: string, rows: readonly Row[]): string {
  const summaries = rows.map(summarize);
  const extraKeys = [...new Set(rows.flatMap((r) => Object.keys(r.extra ?? {})))];
  const header = ['case', 'req/s', 'p50 ms', 'p99 ms', 'bare fastify req/s', 'ratio', 'CPU µs/req', 'bare CPU µs/req', 'failed', ...extraKeys];
  const lines = [
    `### ${title}`,
    '',
    `${machine()}; ${settings.connections} connections, ${settings.seconds} s per run, median of ${settings.rounds} alternating rounds.`,
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...summaries.map((s) =>
      `| ${[
        s.case,
        fmt(s.rps),
        fmt(s.p50, 1),
        fmt(s.p99, 1),
        s.bareRps === undefined ? '–' : fmt(s.bareRps),
        s.ratio === undefined ? '–' : fmt(s.ratio, 2),
        Number.isNaN(s.cpuUs) ? '–' : fmt(s.cpuUs),
        s.bareCpuUs === undefined || Number.isNaN(s.bareCpuUs) ? '–' : fmt(s.bareCpuUs),
        s.failures,
        ...extraKeys.map((k) => String((s as Record<string, unknown>)[k] ?? '')),
      ].join(' | ')} |`,
    ),
  ];
  const text = lines.join('\n');
  console.log(`\n${text}\n`);
  return text;
}

/** `setup`: how the figures were taken, when not by a server under load (machine()). */
export function saveResult(name: string, data: unknown, setup = machine()): void {
  const dir = join(process.cwd(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  // The `npm start` runs (BENCH_SERVER=start) are kept beside the bundle's, not over them.
  writeFileSync(join(dir, `${name}${SERVER_MODE === 'start' ? '.npm-start' : ''}.json`), `${JSON.stringify({ machine: setup, at: new Date().toISOString(), data }, null, 2)}\n`);
}
