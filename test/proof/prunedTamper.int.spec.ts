import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ServiceOptions } from '../../src/service';
import { startTestApp } from '../support/testService';
import { as, must, setWorkspaceSecret, workspaceWith } from '../support/workspaces';
import { exportText, findingsOf, sealAll, sealing, testPublicKey, verifyText } from './proofSupport';

const DAY = 24 * 60 * 60 * 1000;
const alice = as('alice');

/**
 * A record stream pruned of its first events (RECORD_RETENTION_DAYS) starts, in an export, at an
 * anchor: a head a seal of the export committed to. The verifier accepts exactly that, and still
 * names by stream and revision whatever else was done to the SQLite file or to the export: an
 * event changed or removed after the anchor, a truncation behind a sealed head, a prefix removed
 * where no seal anchors it, an anchor forged.
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

type History = { dir: string; ws: string; records: string; other: string; anchorSeal: number };
type Line = Record<string, unknown> & { kind: string };

let now = Date.parse('2026-03-01T00:00:00.000Z');
const options = (extra: Partial<ServiceOptions> = {}): Partial<ServiceOptions> => ({
  ...sealing,
  sealing: { ...sealing.sealing, intervalMs: 3_600_000 },
  clock: () => new Date(now),
  ...extra,
});

/**
 * Records 1-4 of `records` written on day 0 (1-2 sealed by seal 1, 3 by seal 2), pruned on day 40
 * through 3 (seal 2), the pruning recorded as revision 5 and sealed at shutdown; then another
 * instance's record stream of the workspace, `other`, with two records, sealed, never pruned.
 */
async function prunedHistory(): Promise<History> {
  const dir = mkdtempSync(join(tmpdir(), 'pruned-tamper-'));
  dirs.push(dir);
  const app = await startTestApp(dir, options({ settings: { recordRetentionDays: 30 } }));
  const ws = await workspaceWith(app.call, 'alice', {});
  await setWorkspaceSecret(app.call, ws, 'alice', 'API_KEY', 'value');
  const reveal = (call: typeof app.call) => must(call, 'POST', `/v1/workspaces/${ws}/secrets/API_KEY/reveal`, alice);
  await reveal(app.call);
  await reveal(app.call);
  await sealAll(app);
  await reveal(app.call);
  const anchorSeal = (await sealAll(app)).sequence;
  await reveal(app.call);
  now += 40 * DAY;
  expect(await app.service.pruner!.prune()).toBe(1);
  await app.close();
  const second = await startTestApp(dir, options({ instanceId: 'other' }));
  await reveal(second.call);
  await reveal(second.call);
  await second.close();
  return { dir, ws, records: `workspaceRecords-${ws}.main`, other: `workspaceRecords-${ws}.other`, anchorSeal };
}

function tamper(dir: string, sql: string, ...values: unknown[]): void {
  const db = new Database(join(dir, 'events.sqlite'));
  try {
    db.prepare(sql).run(...values);
  } finally {
    db.close();
  }
}

/** The export as a reviewer checks it, after `edit` (a change to the export's lines) if given. */
async function reviewerSees(history: History, edit: (lines: Line[]) => Line[] = (lines) => lines): Promise<string[]> {
  const app = await startTestApp(history.dir, options());
  const lines = (await exportText(app.call, history.ws)).trim().split('\n').map((line) => JSON.parse(line) as Line);
  const text = edit(lines).map((line) => JSON.stringify(line)).join('\n');
  return findingsOf(await verifyText(text, [await testPublicKey()]));
}

const anchorOf = (lines: Line[]) => lines.find((line) => line.kind === 'anchor') as Line & { seal: number; leaf: Record<string, unknown> };
const withAnchor = (lines: Line[], anchor: Line) => lines.map((line) => (line.kind === 'anchor' ? anchor : line));

describe('a pruned record stream in an export', () => {
  it('starts at its anchor in the seal the pruning named, and nothing is found', async () => {
    const history = await prunedHistory();
    let anchor: ReturnType<typeof anchorOf> | undefined;
    expect(await reviewerSees(history, (lines) => ((anchor = anchorOf(lines)), lines))).toEqual([]);
    expect(anchor).toMatchObject({ seal: history.anchorSeal, leaf: { stream: history.records, revision: 3 } });
  });

  it("records a pruning of another instance's stream in that stream, and the export verifies", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pruned-other-'));
    dirs.push(dir);
    const other = await startTestApp(dir, options({ instanceId: 'other' }));
    const ws = await workspaceWith(other.call, 'alice', {});
    await setWorkspaceSecret(other.call, ws, 'alice', 'API_KEY', 'value');
    for (let i = 0; i < 2; i += 1) await must(other.call, 'POST', `/v1/workspaces/${ws}/secrets/API_KEY/reveal`, alice);
    await sealAll(other);
    await must(other.call, 'POST', `/v1/workspaces/${ws}/secrets/API_KEY/reveal`, alice);
    await sealAll(other);
    await other.close();
    now += 40 * DAY;
    // The projector instance `main` prunes `other`'s stream at start.
    const main = await startTestApp(dir, options({ settings: { recordRetentionDays: 30 } }));
    await main.close();
    const stream = `workspaceRecords-${ws}.other`;
    const db = new Database(join(dir, 'events.sqlite'), { readonly: true });
    const kept = db.prepare('SELECT revision, type FROM events WHERE stream_id = ? ORDER BY revision').all(stream);
    db.close();
    expect(kept).toEqual([{ revision: 3, type: 'SecretRevealed' }, { revision: 4, type: 'RecordsPruned' }]);
    expect(await reviewerSees({ dir, ws, records: stream, other: stream, anchorSeal: 0 })).toEqual([]);
  });

  it('names an event changed after the anchor', async () => {
    const history = await prunedHistory();
    tamper(history.dir, `UPDATE events SET metadata = json_set(metadata, '$.actor', 'mallory') WHERE stream_id = ? AND revision = 4`, history.records);
    expect(await reviewerSees(history)).toEqual([`modified ${history.records} 4`]);
  });

  it('names an event removed right after the anchor, offline and on the server', async () => {
    const history = await prunedHistory();
    tamper(history.dir, 'DELETE FROM events WHERE stream_id = ? AND revision = 4', history.records);
    expect(await reviewerSees(history)).toEqual([`missing ${history.records} 4`]);
    const app = await startTestApp(history.dir, options());
    const reply = await app.call('POST', `/v1/workspaces/${history.ws}/audit/verify`, alice);
    const findings = reply.text.trim().split('\n').map((line) => JSON.parse(line) as Line).filter((line) => line.kind === 'finding');
    expect(findings).toMatchObject([{ problem: 'missing', stream: history.records, revision: 4 }]);
  });

  it('names a truncation behind the sealed head of a pruned stream', async () => {
    const history = await prunedHistory();
    // Revision 5 is the record of the pruning itself: without it the anchor is unrecorded too.
    tamper(history.dir, 'DELETE FROM events WHERE stream_id = ? AND revision = 5', history.records);
    expect(await reviewerSees(history)).toEqual([`anchor_unrecorded ${history.records} 3`, `truncated ${history.records} 5`]);
  });

  it('names the first events of a record stream removed where no seal anchors them', async () => {
    const history = await prunedHistory();
    tamper(history.dir, 'DELETE FROM events WHERE stream_id = ? AND revision = 1', history.other);
    expect(await reviewerSees(history)).toEqual([`missing ${history.other} 1`]);
  });

  it('names first events removed exactly through a sealed head, where no pruning was recorded', async () => {
    const history = await prunedHistory();
    // `other` gets two more records, sealed: its head at 2 is in a seal and events follow it.
    const again = await startTestApp(history.dir, options({ instanceId: 'other' }));
    for (let i = 0; i < 2; i += 1) await must(again.call, 'POST', `/v1/workspaces/${history.ws}/secrets/API_KEY/reveal`, alice);
    await sealAll(again);
    await again.close();
    // Removing 1-2 leaves a prefix an export can anchor in a seal: only the missing
    // RecordsPruned record tells the removal from a pruning.
    tamper(history.dir, 'DELETE FROM events WHERE stream_id = ? AND revision <= 2', history.other);
    expect(await reviewerSees(history)).toEqual([`anchor_unrecorded ${history.other} 2`]);
  });

  it.each([
    ['another hash', (leaf: Record<string, unknown>) => ({ ...leaf, hash: 'f'.repeat(64) }), 3],
    ['another revision', (leaf: Record<string, unknown>) => ({ ...leaf, revision: 2 }), 2],
  ])('names an anchor forged with %s, and the stream as missing its first events', async (_what, forge, revision) => {
    const history = await prunedHistory();
    const findings = await reviewerSees(history, (lines) => {
      const anchor = anchorOf(lines);
      return withAnchor(lines, { ...anchor, leaf: forge(anchor.leaf) });
    });
    expect(findings).toEqual([`anchor_invalid ${history.records} ${revision}`, `missing ${history.records} 1`]);
  });

  it("names an anchor whose proof is another stream's", async () => {
    const history = await prunedHistory();
    const forStream = await reviewerSees(history, (lines) => {
      const anchor = anchorOf(lines);
      return withAnchor(lines, { ...anchor, leaf: { ...anchor.leaf, stream: history.other } });
    });
    expect(forStream).toEqual([`anchor_invalid ${history.other} 3`, `missing ${history.records} 1`]);

    // A true head of the workspace's secrets stream, proven in the newest seal: not a record stream, never pruned.
    const secrets = `workspaceSecrets-${history.ws}`;
    const ofSecrets = await reviewerSees(history, (lines) => {
      const proof = lines.find((line) => line.kind === 'proof' && (line.set as { stream?: string }).stream === secrets) as Line & { seal: number; leaves: Line[] };
      return withAnchor(lines, { kind: 'anchor', seal: proof.seal, leaf: proof.leaves[0]! });
    });
    expect(ofSecrets).toEqual([`anchor_invalid ${secrets} ${(await revisionOf(history, secrets))}`, `missing ${history.records} 1`]);
  });
});

async function revisionOf(history: History, stream: string): Promise<number> {
  const db = new Database(join(history.dir, 'events.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT max(revision) AS revision FROM events WHERE stream_id = ?').get(stream) as { revision: number }).revision;
  } finally {
    db.close();
  }
}
