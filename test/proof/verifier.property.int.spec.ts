import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSodium } from '../../src/crypto/sodium';
import { workspaceAuditExport } from '../../src/proof/auditExport';
import { chainEvents, EMPTY_CHAIN, type ChainHead } from '../../src/proof/chain';
import type { ExportLine } from '../../src/proof/exportFormat';
import { ExportVerifier } from '../../src/proof/exportVerifier';
import { SealHistory } from '../../src/proof/sealHistory';
import { Sealer } from '../../src/proof/sealer';
import { parseSigningKey } from '../../src/proof/signingKey';
import { openDatabase } from '../../src/stores/sqlite/database';
import { SqliteEventStore } from '../../src/stores/sqlite/sqlite.eventStore';
import { TEST_SIGNING_KEY, testPublicKey } from './proofSupport';

const WS = 'ws_p';
/** The workspace's streams, and one of another workspace, which the export must leave out. */
const STREAMS = [`workspace-${WS}`, `workspaceSecrets-${WS}`, `workspaceRecords-${WS}.a`, `workspaceRecords-${WS}.b`, 'workspace-ws_other'];
const clock = () => new Date('2026-11-29T12:00:00.000Z');
const quiet = { info: () => {}, error: () => {} };

/** A log of events spread over the streams, all of it sealed, exported for the workspace. */
async function sealedExport(plan: ReadonlyArray<readonly [number, string]>): Promise<ExportLine[]> {
  const sodium = await loadSodium();
  const store = new SqliteEventStore(openDatabase(':memory:', { durable: false }));
  const heads = new Map<string, ChainHead>();
  for (const [streamIndex, word] of plan) {
    const stream = STREAMS[streamIndex]!;
    const head = heads.get(stream) ?? EMPTY_CHAIN;
    const event = { type: 'Something', data: { word, nested: { list: [word, 1] } }, metadata: { actor: 'alice', at: clock().toISOString(), schemaVersion: 1 as const, requestId: `r-${word}` } };
    const chained = chainEvents(stream, head, [event]);
    await store.append(stream, chained.events, { expectedRevision: head.revision });
    heads.set(stream, chained.head);
  }
  const sealer = new Sealer(store, sodium, parseSigningKey(TEST_SIGNING_KEY, sodium), { intervalMs: 3_600_000, clock, log: quiet });
  await sealer.run();
  await sealer.sealUpTo(await store.headPosition());
  await sealer.stop();
  const lines: ExportLine[] = [];
  for await (const line of await workspaceAuditExport({ store, history: new SealHistory(store, sodium), sodium, clock }, WS, { digestEnvelopes: true })) lines.push(line);
  await store.close();
  return lines;
}

async function verify(lines: readonly ExportLine[]) {
  const verifier = new ExportVerifier(await loadSodium(), [await testPublicKey()]);
  for (const line of lines) verifier.line(JSON.parse(JSON.stringify(line)));
  return verifier.finish();
}

type EventLine = Extract<ExportLine, { kind: 'event' }>;
/** One change to one event, as whoever edits the store would make it. */
const mutations: Record<string, (lines: ExportLine[], at: number) => ExportLine[]> = {
  data: (lines, at) => replace(lines, at, (e) => ({ ...e, data: { ...(e.data as object), word: 'forged' } })),
  type: (lines, at) => replace(lines, at, (e) => ({ ...e, type: 'Forged' })),
  actor: (lines, at) => replace(lines, at, (e) => ({ ...e, metadata: { ...e.metadata, actor: 'mallory' } })),
  time: (lines, at) => replace(lines, at, (e) => ({ ...e, metadata: { ...e.metadata, at: '2000-01-01T00:00:00.000Z' } })),
  request: (lines, at) => replace(lines, at, (e) => ({ ...e, metadata: { ...e.metadata, requestId: 'forged' } })),
  revision: (lines, at) => replace(lines, at, (e) => ({ ...e, revision: e.revision + 1 })),
  deleted: (lines, at) => lines.filter((_, i) => i !== at),
  duplicated: (lines, at) => [...lines.slice(0, at + 1), lines[at]!, ...lines.slice(at + 1)],
  movedToEnd: (lines, at) => {
    const events = lines.filter((l, i) => l.kind === 'event' && i !== at);
    return [...lines.filter((l) => l.kind !== 'event' && l.kind !== 'end'), ...events, lines[at]!, lines.at(-1)!];
  },
};

function replace(lines: ExportLine[], at: number, change: (event: EventLine) => EventLine): ExportLine[] {
  return lines.map((line, i) => (i === at ? change(line as EventLine) : line));
}

/** Each stream's events in the order the export gives them: what a change must change. */
function byStream(lines: readonly ExportLine[]): Array<[string, unknown[]]> {
  const streams: Record<string, unknown[]> = {};
  for (const line of lines) if (line.kind === 'event') (streams[line.stream] ??= []).push(line);
  return Object.entries(streams).sort(([a], [b]) => a.localeCompare(b));
}

/** The end line recounted, as a forger would, so the cut is not what gives the change away. */
function recount(lines: ExportLine[]): ExportLine[] {
  const events = lines.filter((l) => l.kind === 'event').length;
  return lines.map((line) => (line.kind === 'end' ? { ...line, events } : line));
}

describe('the verifier, over any sealed log', () => {
  const plan = fc.array(fc.tuple(fc.integer({ min: 0, max: STREAMS.length - 1 }), fc.string({ minLength: 1, maxLength: 8 })), { minLength: 1, maxLength: 25 });

  it('accepts every untampered export and rejects every export with one event changed, removed, repeated or moved', async () => {
    await fc.assert(
      fc.asyncProperty(plan, fc.constantFrom(...Object.keys(mutations)), fc.nat(), async (events, mutation, pick) => {
        const lines = await sealedExport(events);
        expect((await verify(lines)).findings).toEqual([]);
        const eventIndexes = lines.flatMap((line, i) => (line.kind === 'event' ? [i] : []));
        fc.pre(eventIndexes.length > 0);
        const at = eventIndexes[pick % eventIndexes.length]!;
        const mutated = mutations[mutation]!(lines, at);
        // Moving a stream's last event past other streams' events changes nothing a stream holds.
        fc.pre(JSON.stringify(byStream(mutated)) !== JSON.stringify(byStream(lines)));
        const report = await verify(recount(mutated));
        expect(report.ok, `${mutation} of line ${at}`).toBe(false);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
