import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_SCAN_ROWS, AUDIT_SCAN_STEP, HISTORY_PAGE_MAX, LISTED_WITHOUT } from '../src/projections/queries';
import { viewCollections, viewHistory, viewIds, viewLists, type AuditDoc, type SecretDoc, type ViewDocs } from '../src/projections/views';
import { boundedPage, type PageQuery } from '../src/stores/readStore.port';
import { openDatabase } from '../src/stores/sqlite/database';
import { SqliteReadStore } from '../src/stores/sqlite/sqlite.readStore';
import { median } from './lib/load';
import { hardware, saveResult } from './lib/report';

/**
 * How long one audit page holds the process (SQLite answers synchronously) when its filter
 * matches few of the rows it goes through: a large workspace's resolution records filtered by a
 * rare actor, type or key, and a small workspace's rows by a key name or run id the large one
 * uses too. Each
 * case unbounded (every row read in one statement) against bounded (AUDIT_SCAN_ROWS), in one run;
 * and a secret with many versions read whole against one page of its history:
 *   npm run bench:auditscan   (BENCH_AUDIT_ROWS, default 300,000; BENCH_HISTORY_VERSIONS, default 100,000)
 */
const ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 300_000);
const VERSIONS = Number(process.env.BENCH_HISTORY_VERSIONS ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'secrets-bench-audit-'));
try {
  const store = new SqliteReadStore<ViewDocs>(openDatabase(join(dir, 'views.sqlite'), { durable: false }), viewCollections, viewHistory, viewLists);
  const { generation } = await store.checkpoint();
  const row = (position: number, owner: string, actor: string): AuditDoc => ({
    position: String(position),
    owner,
    scope: 'workspace',
    stream: 'records',
    type: 'SecretsResolved',
    actor,
    at: new Date(Date.UTC(2026, 0, 1) + position).toISOString(),
    key: null,
    version: null,
    fingerprint: null,
    subject: null,
    detail: { references: 3 },
    // The large workspace's records all name one run; run ids are the client's, any workspace may use one.
    runId: owner === 'workspace:large' ? 'ci' : null,
    keys: ['OPENAI_API_KEY', 'DATABASE_URL', 'REGION'],
    request: { requestId: 'r'.repeat(16) },
  });
  const at = (n: number) => new Date(Date.UTC(2026, 0, 1) + n).toISOString();
  /** The secret as version n left it: what its time-travel history keeps, and its history is read from. */
  const version = (n: number): SecretDoc => ({
    ownerId: 'large',
    key: 'OPENAI_API_KEY',
    version: n,
    value: { dataKeyId: 'dk_'.padEnd(26, '0'), nonce: 'n'.repeat(32), ciphertext: 'c'.repeat(96) },
    fingerprint: 'f'.repeat(43),
    displayName: null,
    description: null,
    createdAt: at(1),
    createdBy: 'executor',
    updatedAt: at(n),
    updatedBy: 'executor',
    members: [],
    rollbackOf: null,
  });
  const BATCH = 5000;
  for (let first = 1; first <= ROWS; first += BATCH) {
    const writes = Array.from({ length: Math.min(BATCH, ROWS - first + 1) }, (_, i) => {
      const doc = row(first + i, 'workspace:large', 'executor');
      return { collection: 'audit' as const, id: viewIds.audit(doc.position), doc, position: doc.position };
    });
    await store.commit(writes, writes.at(-1)!.position, generation);
  }
  const last = row(ROWS + 1, 'workspace:small', 'alice');
  await store.commit([{ collection: 'audit', id: viewIds.audit(last.position), doc: last, position: last.position }], last.position, generation);

  const cases: Array<[string, PageQuery<AuditDoc>['where']]> = [
    ['large workspace, a rare actor', { owner: 'workspace:large', actor: 'alice' }],
    ['large workspace, a rare type', { owner: 'workspace:large', type: 'SecretRevealed' }],
    // As the audit asks: whose rows first, then the key (looked up row by row).
    ['small workspace, a key the large one uses', { owner: 'workspace:small', keys: 'OPENAI_API_KEY' }],
    ['large workspace, a key it never used', { owner: 'workspace:large', keys: 'STRIPE_KEY' }],
    ['small workspace, a run id the large one uses', { owner: 'workspace:small', runId: 'ci', actor: 'nobody' }],
  ];
  const time = async (page: () => Promise<unknown>) => {
    const runs: number[] = [];
    for (let run = 0; run < 7; run += 1) {
      const started = performance.now();
      await page();
      runs.push(performance.now() - started);
    }
    return median(runs);
  };
  // A bounded page reads its rows a step at a time, the process serving others between two: what
  // it holds the process for is its longest step; what it costs, all of them together.
  const results: Array<{ case: string; unboundedMs: number | null; boundedMs: number; pageMs?: number }> = [];
  for (const [name, where] of cases) {
    const query = { where, limit: 100 };
    const unbounded = await time(() => store.page('audit', query));
    const holds: number[] = [];
    const page = await time(async () => {
      let started = performance.now();
      let longest = 0;
      await boundedPage<ViewDocs, 'audit'>(store, 'audit', query, { rows: AUDIT_SCAN_ROWS, step: AUDIT_SCAN_STEP }, async () => {
        longest = Math.max(longest, performance.now() - started);
        started = performance.now();
        return true;
      });
      holds.push(Math.max(longest, performance.now() - started));
    });
    results.push({ case: name, unboundedMs: Number(unbounded.toFixed(1)), boundedMs: Number(median(holds).toFixed(1)), pageMs: Number(page.toFixed(1)) });
  }

  // A secret's versions: every one in one read (as the history route answered until it was paged)
  // against one page of HISTORY_PAGE_MAX, the most a page holds now.
  const secret = viewIds.secret('large', 'OPENAI_API_KEY');
  for (let first = 1; first <= VERSIONS; first += BATCH) {
    const writes = Array.from({ length: Math.min(BATCH, VERSIONS - first + 1) }, (_, i) => {
      const doc = version(first + i);
      return { collection: 'workspaceSecrets' as const, id: secret, doc, position: String(ROWS + 1 + doc.version), at: doc.updatedAt };
    });
    await store.commit(writes, writes.at(-1)!.position, generation);
  }
  const wholeHistory = await time(() => store.firstVersions('workspaceSecrets', secret, { limit: VERSIONS }));
  // A page is read as the history route reads it: without what it never shows (LISTED_WITHOUT).
  const historyPage = await time(() => store.firstVersions('workspaceSecrets', secret, { limit: HISTORY_PAGE_MAX + 1, omit: LISTED_WITHOUT }));
  results.push({ case: `one secret's ${VERSIONS.toLocaleString('en')} versions: all of them, against one history page`, unboundedMs: Number(wholeHistory.toFixed(1)), boundedMs: Number(historyPage.toFixed(1)) });
  // One version whose details changed as many times: a history page seeks from number to number,
  // it does not walk over the states that share one (the unbounded column: every state read).
  const renamed = viewIds.secret('large', 'RENAMED_KEY');
  for (let first = 1; first <= VERSIONS; first += BATCH) {
    const writes = Array.from({ length: Math.min(BATCH, VERSIONS - first + 1) }, (_, i) => {
      const doc = { ...version(1), key: 'RENAMED_KEY', displayName: null, updatedAt: at(first + i) };
      return { collection: 'workspaceSecrets' as const, id: renamed, doc, position: String(ROWS + 1 + VERSIONS + first + i), at: doc.updatedAt };
    });
    await store.commit(writes, writes.at(-1)!.position, generation);
  }
  const renamedPage = await time(() => store.firstVersions('workspaceSecrets', renamed, { limit: HISTORY_PAGE_MAX + 1, omit: LISTED_WITHOUT }));
  results.push({ case: `one version with ${VERSIONS.toLocaleString('en')} states (its details changed): its history page`, unboundedMs: null, boundedMs: Number(renamedPage.toFixed(1)) });
  await store.close();
  // In this process, no server: what one page costs the process that answers it.
  const machine = `${hardware()}; the read store in this process (taskset core 0)`;
  console.log(`\n### One page's hold on the process (${ROWS.toLocaleString('en')} audit rows of one workspace, a page examines at most ${AUDIT_SCAN_ROWS.toLocaleString('en')}, ${AUDIT_SCAN_STEP.toLocaleString('en')} at a time; a history page holds at most ${HISTORY_PAGE_MAX.toLocaleString('en')} versions)\n\n${machine}\n`);
  console.log('| case | unbounded ms | bounded: longest hold ms | bounded: whole page ms |\n| --- | --- | --- | --- |');
  for (const r of results) console.log(`| ${r.case} | ${r.unboundedMs ?? '–'} | ${r.boundedMs} | ${r.pageMs ?? r.boundedMs} |`);
  saveResult('auditScan', { rows: ROWS, scanRows: AUDIT_SCAN_ROWS, scanStep: AUDIT_SCAN_STEP, versions: VERSIONS, historyPage: HISTORY_PAGE_MAX, results }, machine);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
