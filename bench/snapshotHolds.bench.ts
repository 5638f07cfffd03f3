import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecretsState } from '../src/commands/secrets.state';
import { StateSnapshots } from '../src/commands/stateSnapshots';
import { chainEvents, EMPTY_CHAIN } from '../src/proof/chain';
import { parseSealSnapshot, sealSnapshotPieces, type SealSnapshot } from '../src/proof/sealSnapshot';
import { openDatabase } from '../src/stores/sqlite/database';
import { SqliteEventStore } from '../src/stores/sqlite/sqlite.eventStore';
import { SqliteFollowerCheckpoints } from '../src/stores/sqlite/sqlite.followerCheckpoints';
import { median } from './lib/load';
import { hardware, saveResult } from './lib/report';

/**
 * `npm run bench:holds`: how long the largest saved states hold the event loop while they are
 * saved and read, in process, on SQLite files like the service's (the views file's pages and
 * sync). Two states: a secrets scope at every bound (10,000 keys, each with 5 roles and 5 kept
 * lifetimes: 50,000 of each, the bounds of a scope), and the sealer's snapshot of HEADS stream
 * heads. A hold is the longest gap between the ticks of a 1 ms timer while the work runs (a
 * histogram enabled just before the work misses its first delay: the early morning of 2026-12-01
 * reported 33 ms for a save that held 286–370).
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const HEADS = Number(process.env.BENCH_HEADS ?? 100_000);
const STREAM = 'workspaceSecrets-ws_bench';

function atEveryBound(): SecretsState {
  const sealed = () => ({ dataKeyId: 'dk_details', nonce: randomBytes(24).toString('base64'), ciphertext: randomBytes(60).toString('base64') });
  const roles = () => new Map(Array.from({ length: 5 }, (_, i) => [`user_${i}_${randomBytes(8).toString('hex')}`, 'member' as const]));
  const keys = Array.from({ length: 10_000 }, (_, k) => `KEY_${k}`);
  return {
    secrets: new Map(keys.map((key) => [key, { version: 10, dataKeyId: `dk_${randomBytes(12).toString('hex')}`, fingerprint: randomBytes(32).toString('base64url'), displayName: sealed(), description: null, members: roles() }])),
    lastVersions: new Map(keys.map((key) => [key, 10])),
    lifetimes: new Map(keys.map((key) => [key, Array.from({ length: 5 }, (_, i) => ({ dataKeyId: `dk_${randomBytes(12).toString('hex')}`, firstVersion: 2 * i + 1, lastVersion: 2 * i + 2 }))])),
    keptLifetimes: 50_000,
    explicitRoles: 50_000,
    deleted: new Map(),
  } as unknown as SecretsState;
}

function sealerSnapshot(): SealSnapshot {
  const heads = Array.from({ length: HEADS }, (_, i) => [`secretRecords-inst_${String(i).padStart(8, '0')}-ws_${randomBytes(8).toString('hex')}`, i + 1, randomBytes(32).toString('hex')] as const);
  return { revision: 5, hash: 'a'.repeat(64), newestAt: 5, keys: [], heads: heads.sort(([a], [b]) => (a < b ? -1 : 1)) };
}

/** The work's time, and the longest the event loop waited meanwhile. */
async function timed(work: () => Promise<unknown>): Promise<{ ms: number; holdMs: number }> {
  let last = performance.now();
  let longest = 0;
  const ticks = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await new Promise((resolve) => setTimeout(resolve, 20));
  longest = 0;
  last = performance.now();
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  // Let the timer run once more: a hold at the very end shows only at its next tick.
  await new Promise((resolve) => setTimeout(resolve, 5));
  clearInterval(ticks);
  return { ms, holdMs: longest };
}

const dir = mkdtempSync(join(tmpdir(), 'snapshot-holds-'));
const samples: Record<string, { ms: number; holdMs: number }[]> = {};
const note = (name: string, sample: { ms: number; holdMs: number }) => (samples[name] ??= []).push(sample);
try {
  const store = new SqliteEventStore(openDatabase(':memory:', { durable: false }));
  const chained = chainEvents(STREAM, EMPTY_CHAIN, [{ type: 'Bench', data: {}, metadata: { actor: 'bench', at: new Date().toISOString(), schemaVersion: 1 } } as never]);
  await store.append(STREAM, chained.events, { expectedRevision: 0 });
  const [event] = await store.readStream(STREAM);
  const saved = new SqliteFollowerCheckpoints(openDatabase(join(dir, 'views.sqlite'), { durable: false, pageSize: 8192 }));
  const key = randomBytes(32);
  const snapshots = new StateSnapshots(saved, store, async () => key);
  const state = atEveryBound();
  const loaded = { state, revision: 1, position: event!.position, lastHash: chained.head.hash };
  const seals = sealerSnapshot();
  for (let round = 0; round < ROUNDS; round += 1) {
    note('a scope at every bound: save', await timed(() => snapshots.save(STREAM, loaded, 'bench/1')));
    note('a scope at every bound: read', await timed(async () => {
      if (!(await snapshots.read(STREAM, 'bench/1'))) throw new Error('the snapshot was not read back');
    }));
    note(`the sealer's snapshot of ${HEADS.toLocaleString('en')} heads: save`, await timed(async () => saved.saveState('sealer', await sealSnapshotPieces(seals))));
    note(`the sealer's snapshot of ${HEADS.toLocaleString('en')} heads: read`, await timed(async () => {
      if ((await parseSealSnapshot(await saved.getState('sealer')))?.heads.length !== HEADS) throw new Error('the seals snapshot was not read back');
    }));
    console.log(`round ${round + 1}: ${Object.entries(samples).map(([name, list]) => `${name} ${list.at(-1)!.ms.toFixed(0)} ms (held ${list.at(-1)!.holdMs.toFixed(1)})`).join('; ')}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const rows = Object.entries(samples).map(([name, list]) => ({
  case: name,
  ms: Math.round(median(list.map((s) => s.ms))),
  holdMs: Number(median(list.map((s) => s.holdMs)).toFixed(1)),
  holdMsMax: Number(Math.max(...list.map((s) => s.holdMs)).toFixed(1)),
}));
console.log(
  [
    '\n### Saved states at their largest: time, and the longest the event loop waited\n',
    `${hardware()}; in process, SQLite files as the service's views file; median of ${ROUNDS} rounds\n`,
    '| case | ms | longest hold ms (median) | longest hold ms (max) |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.case} | ${row.ms} | ${row.holdMs} | ${row.holdMsMax} |`),
  ].join('\n'),
);
saveResult('snapshotHolds', { rounds: ROUNDS, heads: HEADS, rows });
