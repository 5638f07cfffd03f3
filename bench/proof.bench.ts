import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadSodium } from '../src/crypto/sodium';
import { workspaceAuditExport } from '../src/proof/auditExport';
import { chainEvents, EMPTY_CHAIN, type ChainHead } from '../src/proof/chain';
import { HeadsTree } from '../src/proof/headsTree';
import { prevSealOf } from '../src/proof/seal';
import { SealHistory } from '../src/proof/sealHistory';
import { Sealer } from '../src/proof/sealer';
import { newSigningKeyText, parseSigningKey } from '../src/proof/signingKey';
import { parsePublicKey } from '../src/proof/signingKey';
import { verifyExportFile } from '../src/proof/verifyExportFile';
import { openDatabase } from '../src/stores/sqlite/database';
import { SqliteEventStore } from '../src/stores/sqlite/sqlite.eventStore';
import { SqliteFollowerCheckpoints } from '../src/stores/sqlite/sqlite.followerCheckpoints';
import { saveResult } from './lib/report';

/**
 * What proof costs (DESIGN §8): hashing an event as it is written, a seal over many streams, and
 * the offline verifier's throughput. Absolute figures, on this machine, for the README and notes:
 *   npm run bench:proof
 */
const sodium = await loadSodium();
/** A sealer that seals only when told to (sealUpTo) and logs nothing. */
const QUIET_SEALER = { intervalMs: 3_600_000, clock: () => new Date(), log: { info: () => {}, error: () => {} } };
/** Every figure printed, by what it measures, for bench/results/proof.json. */
const figures: Record<string, number | string> = {};
const at = new Date().toISOString();
const envelope = () => ({ dataKeyId: `dk_${randomBytes(12).toString('hex')}`, nonce: randomBytes(24).toString('base64'), ciphertext: randomBytes(60).toString('base64') });
const secretSet = () => ({ type: 'SecretSet', data: { key: 'API_KEY', version: 3, value: envelope(), fingerprint: randomBytes(32).toString('base64url') }, metadata: { actor: 'alice', at, schemaVersion: 1 as const, requestId: 'r1', clientAddress: envelope() } });
const resolved = () => ({
  type: 'SecretsResolved',
  data: { trigger: 'manual', triggeredBy: 'alice', outcome: 'resolved', references: Array.from({ length: 5 }, (_, i) => ({ key: `K${i}`, version: 1, fingerprint: randomBytes(32).toString('base64url') })), personal: null, missing: [] },
  metadata: { actor: 'executor', at, schemaVersion: 1 as const, requestId: 'r2' },
});

function perEvent(label: string, make: () => { type: string; data: unknown; metadata: { actor: string; at: string; schemaVersion: 1 } }) {
  const events = Array.from({ length: 20_000 }, make);
  let head: ChainHead = EMPTY_CHAIN;
  const started = process.hrtime.bigint();
  for (const event of events) head = chainEvents('workspaceSecrets-ws', head, [event]).head;
  const micros = Number(process.hrtime.bigint() - started) / 1e3 / events.length;
  console.log(`hash chain, ${label}: ${micros.toFixed(1)} µs per event`);
  figures[`hash chain µs per event, ${label}`] = Number(micros.toFixed(1));
}
perEvent('SecretSet (value and address envelopes)', secretSet);
perEvent('SecretsResolved (5 references)', resolved);

const key = parseSigningKey(newSigningKeyText('bench'), sodium);
for (const streams of [10_000, 100_000]) {
  const tree = new HeadsTree();
  for (let i = 0; i < streams; i += 1) tree.set({ stream: `workspaceRecords-ws_${i}.main`, revision: 1, hash: randomBytes(32).toString('hex') });
  let started = process.hrtime.bigint();
  tree.root();
  const first = Number(process.hrtime.bigint() - started) / 1e6;
  for (const moved of [10, 1000]) {
    const rounds = 20;
    started = process.hrtime.bigint();
    for (let round = 0; round < rounds; round += 1) {
      for (let i = 0; i < moved; i += 1) tree.set({ stream: `workspaceRecords-ws_${Math.floor(Math.random() * streams)}.main`, revision: 2 + round * moved + i, hash: randomBytes(32).toString('hex') });
      key.sign({ sequence: round + 1, at, position: '1', root: tree.root(), size: tree.size, prevSeal: prevSealOf(null), keyId: key.keyId });
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6 / rounds;
    console.log(`seal over ${streams} streams, ${moved} heads moved: ${ms.toFixed(2)} ms (first root from scratch: ${first.toFixed(0)} ms)`);
    figures[`seal ms, ${streams} streams, ${moved} heads moved`] = Number(ms.toFixed(2));
    figures[`first root ms, ${streams} streams`] = Math.round(first);
  }
}

// The verifier: a workspace of 100,000 events (5 streams), sealed, exported to a file, checked.
const dir = mkdtempSync(join(tmpdir(), 'bench-proof-'));
try {
  const store = new SqliteEventStore(openDatabase(':memory:', { durable: false }));
  const streams = ['workspace-ws', 'workspaceSecrets-ws', 'workspaceRecords-ws.a', 'workspaceRecords-ws.b', 'workspaceRecords-ws.c'];
  const heads = new Map<string, ChainHead>();
  for (let i = 0; i < 100_000; i += 100) {
    const stream = streams[(i / 100) % streams.length]!;
    const head = heads.get(stream) ?? EMPTY_CHAIN;
    const chained = chainEvents(stream, head, Array.from({ length: 100 }, (_, j) => (j % 2 ? secretSet() : resolved())));
    await store.append(stream, chained.events, { expectedRevision: head.revision });
    heads.set(stream, chained.head);
  }
  const sealer = new Sealer(store, sodium, key, QUIET_SEALER);
  await sealer.run();
  await sealer.sealUpTo(await store.headPosition());
  await sealer.stop();
  const file = join(dir, 'export.ndjson');
  const lines: string[] = [];
  let started = process.hrtime.bigint();
  for await (const line of await workspaceAuditExport({ store, history: new SealHistory(store, sodium), sodium, clock: () => new Date() }, 'ws', { digestEnvelopes: true })) lines.push(JSON.stringify(line));
  const exportSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  writeFileSync(file, `${lines.join('\n')}\n`);
  started = process.hrtime.bigint();
  const report = await verifyExportFile(file, [parsePublicKey(`${key.keyId}:${key.publicKey}`)], null);
  console.log(
    `export of ${report.events} events: ${exportSeconds.toFixed(2)} s (${Math.round(report.events / exportSeconds)} events/s); ` +
      `offline verification: ${report.ok ? 'intact' : 'BROKEN'}, ${report.seconds.toFixed(2)} s, ${Math.round(report.events / report.seconds)} events/s`,
  );
  figures['export events/s'] = Math.round(report.events / exportSeconds);
  figures['offline verification events/s'] = Math.round(report.events / report.seconds);
  figures['offline verification'] = report.ok ? 'intact' : 'BROKEN';

  // Start-up: the sealer replays every seal to rebuild its tree (README, "Seal"). 10,000 seals of
  // 5 moved heads each among 2,000 streams, made by the sealer itself, then read back as a start does.
  const replayStore = new SqliteEventStore(openDatabase(':memory:', { durable: false }));
  const replayHeads = new Map<string, ChainHead>();
  const appendTo = async (stream: string) => {
    const head = replayHeads.get(stream) ?? EMPTY_CHAIN;
    const chained = chainEvents(stream, head, [resolved()]);
    await replayStore.append(stream, chained.events, { expectedRevision: head.revision });
    replayHeads.set(stream, chained.head);
  };
  for (let i = 0; i < 2_000; i += 1) await appendTo(`workspaceRecords-ws_${i}.main`);
  const replayStates = new SqliteFollowerCheckpoints(openDatabase(':memory:', { durable: false }));
  const replaySealer = new Sealer(replayStore, sodium, key, { ...QUIET_SEALER, states: replayStates });
  await replaySealer.run();
  const SEALS = 10_000;
  for (let seal = 0; seal < SEALS; seal += 1) {
    for (let i = 0; i < 5; i += 1) await appendTo(`workspaceRecords-ws_${Math.floor(Math.random() * 2_000)}.main`);
    await replaySealer.sealUpTo(await replayStore.headPosition());
  }
  await replaySealer.stop();
  // Every seal from the first (as exports since a seal and verify-audit read them), then from the
  // snapshot the sealer saved when it stopped (as a start reads them).
  for (const [label, states] of [['every seal', undefined], ['from the snapshot', replayStates]] as const) {
    const replays: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      started = process.hrtime.bigint();
      const replayed = new SealHistory(replayStore, sodium, states);
      await replayed.refresh();
      replays.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (replayed.problem !== null) throw new Error(`the replayed seals do not check out: ${replayed.problem}`);
    }
    const replayMs = [...replays].sort((a, b) => a - b)[1]!;
    console.log(`seal history of ${SEALS} seals (5 heads each, 2,000 streams) read ${label}: ${replayMs.toFixed(1)} ms (median of 3)`);
    figures[`seal history ms, ${SEALS} seals, ${label}`] = Number(replayMs.toFixed(1));
  }
  saveResult('proof', figures);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
