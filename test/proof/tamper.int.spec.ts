import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { eventHash, GENESIS } from '../../src/proof/eventHash';
import type { SignedSeal } from '../../src/proof/seal';
import { startTestApp, type OwnTestApp } from '../support/testService';
import { as, setWorkspaceSecret } from '../support/workspaces';
import { busyWorkspace, exportText, findingsOf, sealAll, sealing, testPublicKey, verifyText } from './proofSupport';

/**
 * A reviewer holding only an export, the public key and a seal kept from before catches whoever
 * edits the SQLite files directly (DESIGN §8): each change is named by stream and revision, or by
 * seal. Every test builds a history with three seals, stops the service, changes events.sqlite
 * with SQLite itself, starts the service again and checks what an export shows.
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

type Row = { position: number; stream_id: string; revision: number; type: string; data: string; metadata: string };
type History = { dir: string; ws: string; seals: SignedSeal[]; secrets: string; records: string; membership: string };

async function historyWithSeals(): Promise<History> {
  const dir = mkdtempSync(join(tmpdir(), 'tamper-'));
  dirs.push(dir);
  const app = await startTestApp(dir, sealing);
  const ws = await busyWorkspace(app.call);
  const seals = [await sealAll(app)];
  await setWorkspaceSecret(app.call, ws, 'alice', 'SECOND', 'v2');
  seals.push(await sealAll(app));
  await setWorkspaceSecret(app.call, ws, 'bob', 'THIRD', 'v3');
  seals.push(await sealAll(app));
  await app.close();
  return { dir, ws, seals, secrets: `workspaceSecrets-${ws}`, records: `workspaceRecords-${ws}.main`, membership: `workspace-${ws}` };
}

/** Changes the event log with SQLite, the service stopped. */
function tamper(dir: string, change: (db: Database.Database) => void): void {
  const db = new Database(join(dir, 'events.sqlite'));
  try {
    db.transaction(() => change(db))();
  } finally {
    db.close();
  }
}

const rows = (db: Database.Database, stream: string) => db.prepare<[string], Row>('SELECT * FROM events WHERE stream_id = ? ORDER BY revision').all(stream);
const setJson = (db: Database.Database, column: 'data' | 'metadata', stream: string, revision: number, path: string, value: string) =>
  db.prepare(`UPDATE events SET ${column} = json_set(${column}, '${path}', ?) WHERE stream_id = ? AND revision = ?`).run(value, stream, revision);

/** What the export of the history shows now, checked as a reviewer would (with the kept seal, if given). */
async function reviewerSees(history: History, kept: SignedSeal | null = null): Promise<{ findings: string[]; app: OwnTestApp }> {
  const app = await startTestApp(history.dir, sealing);
  const text = await exportText(app.call, history.ws, kept?.sequence);
  return { findings: findingsOf(await verifyText(text, [await testPublicKey()], kept)), app };
}

describe('tampering with the SQLite files is caught from an export', () => {
  it('finds nothing in an untouched history, with or without a kept seal', async () => {
    const history = await historyWithSeals();
    expect((await reviewerSees(history)).findings).toEqual([]);
    expect((await reviewerSees(history, history.seals[0]!)).findings).toEqual([]);
  });

  it.each([
    ['one byte of its data', 'data', '$.key', 'API_KEZ'],
    ['its actor', 'metadata', '$.actor', 'mallory'],
    ['its time', 'metadata', '$.at', '2020-01-01T00:00:00.000Z'],
    ['its request context', 'metadata', '$.requestId', 'forged-request'],
  ] as const)('names the event whose %s was changed', async (_what, column, path, value) => {
    const history = await historyWithSeals();
    tamper(history.dir, (db) => setJson(db, column, history.secrets, 1, path, value));
    expect((await reviewerSees(history)).findings).toEqual([`modified ${history.secrets} 1`]);
  });

  it('names the revision of an event deleted in the middle of a stream', async () => {
    const history = await historyWithSeals();
    tamper(history.dir, (db) => db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = 2').run(history.membership));
    expect((await reviewerSees(history)).findings).toEqual([`missing ${history.membership} 2`]);
  });

  it("names a stream whose last events were deleted after a seal, and its sealed head", async () => {
    const history = await historyWithSeals();
    let sealedHead = 0;
    tamper(history.dir, (db) => {
      sealedHead = rows(db, history.secrets).at(-1)!.revision;
      db.prepare('DELETE FROM events WHERE stream_id = ? AND revision > ?').run(history.secrets, sealedHead - 2);
    });
    expect((await reviewerSees(history)).findings).toEqual([`truncated ${history.secrets} ${sealedHead}`]);
  });

  it('names where an event was inserted', async () => {
    const history = await historyWithSeals();
    let sealedHead = 0;
    tamper(history.dir, (db) => {
      const all = rows(db, history.membership);
      sealedHead = all.at(-1)!.revision;
      // Make room at revision 2, then put a forged event there that hashes right by itself.
      for (const row of [...all].reverse().filter((r) => r.revision >= 2)) db.prepare('UPDATE events SET revision = ? WHERE position = ?').run(row.revision + 1, row.position);
      const data = { userId: 'mallory', permission: 'admin' };
      const metadata: Record<string, unknown> = { actor: 'alice', at: '2026-01-01T00:00:00.000Z', schemaVersion: 1, prev: JSON.parse(all[0]!.metadata).hash };
      metadata.hash = eventHash({ stream: history.membership, revision: 2, type: 'MemberPermissionChanged', data, metadata });
      db.prepare('INSERT INTO events (stream_id, revision, type, data, metadata) VALUES (?, 2, ?, ?, ?)').run(history.membership, 'MemberPermissionChanged', JSON.stringify(data), JSON.stringify(metadata));
    });
    const { findings } = await reviewerSees(history);
    expect(findings[0]).toBe(`modified ${history.membership} 3`);
    expect(findings).toContain(`differs_from_seal ${history.membership} ${sealedHead}`);
  });

  it('names events that were swapped', async () => {
    const history = await historyWithSeals();
    tamper(history.dir, (db) => {
      const [, second, third] = rows(db, history.membership);
      db.prepare('UPDATE events SET revision = -1 WHERE position = ?').run(second!.position);
      db.prepare('UPDATE events SET revision = 2 WHERE position = ?').run(third!.position);
      db.prepare('UPDATE events SET revision = 3 WHERE position = ?').run(second!.position);
    });
    const { findings } = await reviewerSees(history);
    expect(findings).toEqual(expect.arrayContaining([`modified ${history.membership} 2`, `modified ${history.membership} 3`]));
    // The event after them no longer follows the one before it either.
    expect(findings.every((f) => / workspace-\S+ [234]$/.test(f))).toBe(true);
  });

  it('names a stream that was removed whole', async () => {
    const history = await historyWithSeals();
    let sealedHead = 0;
    tamper(history.dir, (db) => {
      sealedHead = rows(db, history.records).at(-1)!.revision;
      db.prepare('DELETE FROM events WHERE stream_id = ?').run(history.records);
    });
    expect((await reviewerSees(history)).findings).toEqual([`removed ${history.records} ${sealedHead}`]);
  });

  it('names a history rewritten after a kept seal, every hash recomputed', async () => {
    const history = await historyWithSeals();
    const kept = history.seals[0]!;
    tamper(history.dir, (db) => {
      let prev = GENESIS;
      for (const row of rows(db, history.secrets)) {
        const data = JSON.parse(row.data);
        if (row.revision === 1) data.key = 'REWRITTEN';
        const { hash: _old, ...metadata } = JSON.parse(row.metadata);
        metadata.prev = prev;
        prev = eventHash({ stream: history.secrets, revision: row.revision, type: row.type, data, metadata });
        db.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?').run(JSON.stringify(data), JSON.stringify({ ...metadata, hash: prev }), row.position);
      }
    });
    const { findings } = await reviewerSees(history, kept);
    // The chain holds by itself now; the heads the kept seal and the newest seal committed to do not.
    expect(findings.every((f) => f.startsWith(`differs_from_seal ${history.secrets}`))).toBe(true);
    expect(findings.length).toBe(2);
  });

  it('names a forged seal, and the sealer refuses to seal over it', async () => {
    const history = await historyWithSeals();
    tamper(history.dir, (db) => {
      const newest = rows(db, 'seals').at(-1)!;
      db.prepare(`UPDATE events SET data = json_set(data, '$.seal.root', ?) WHERE position = ?`).run('f'.repeat(64), newest.position);
    });
    const { findings, app } = await reviewerSees(history);
    expect(findings).toContain(`seal_forged seal ${history.seals.at(-1)!.sequence}`);
    expect(String(app.service.sealer!.error)).toMatch(/does not check out/);
    expect((await app.call('GET', '/readyz')).status).toBe(503);
  });

  it('names seals dropped or reordered, in the export since a kept seal and on the server', async () => {
    const dropped = await historyWithSeals();
    tamper(dropped.dir, (db) => db.prepare('DELETE FROM events WHERE position = ?').run(sealRows(db)[1]!.position));
    expect((await reviewerSees(dropped, dropped.seals[0]!)).findings).toEqual(['seal_missing seal 3']);

    const reordered = await historyWithSeals();
    tamper(reordered.dir, (db) => {
      const [, second, third] = sealRows(db);
      db.prepare('UPDATE events SET revision = -1 WHERE position = ?').run(second!.position);
      db.prepare('UPDATE events SET revision = ? WHERE position = ?').run(second!.revision, third!.position);
      db.prepare('UPDATE events SET revision = ? WHERE position = ?').run(third!.revision, second!.position);
    });
    const { findings, app } = await reviewerSees(reordered, reordered.seals[0]!);
    expect(findings).toContain('seal_reordered seal 2');
    const verified = await app.call('POST', `/v1/workspaces/${reordered.ws}/audit/verify`, as('alice'));
    expect(verified.text).toContain('"problem":"seal_reordered"');
    expect(verified.text).toContain('"ok":false');
  });
});

function sealRows(db: Database.Database): Row[] {
  return rows(db, 'seals').filter((row) => row.type === 'Sealed');
}


describe('npm run verify-audit, offline', () => {
  const run = promisify(execFile);
  const cli = (file: string, key: string) =>
    run(process.execPath, [join(process.cwd(), 'node_modules/tsx/dist/cli.mjs'), 'src/cli/verifyAudit.ts', file, '--public-key', key]).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );

  it('exits 0 on an untouched export and 1 on a tampered one, naming stream and revision', async () => {
    const history = await historyWithSeals();
    const app = await startTestApp(history.dir, sealing);
    const file = join(history.dir, 'export.ndjson');
    writeFileSync(file, await exportText(app.call, history.ws));
    const { keyId, publicKey } = await testPublicKey();
    const good = await cli(file, `${keyId}:${publicKey}`);
    expect(good.code, good.stdout).toBe(0);
    expect(good.stdout).toMatch(/^INTACT: workspace .* events\/s$/m);

    const lines = (await exportText(app.call, history.ws)).split('\n');
    const edited = lines.map((line) => (line.includes('"kind":"event"') && line.includes(`"stream":"${history.secrets}","revision":2,`) ? line.replace('"actor":"', '"actor":"x') : line));
    writeFileSync(file, edited.join('\n'));
    const bad = await cli(file, `${keyId}:${publicKey}`);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`BROKEN modified (stream ${history.secrets}, revision 2)`);
  }, 60_000);
});

describe('a log written before the hash chain', () => {
  it('is hashed in place at upgrade, sealed, and verifies, its events reported as chained at migration', async () => {
    const history = await historyWithSeals();
    // As the version before chaining left it: no prev, no hash, no seals.
    tamper(history.dir, (db) => {
      db.prepare("DELETE FROM events WHERE stream_id = 'seals'").run();
      db.prepare("UPDATE events SET metadata = json_remove(metadata, '$.prev', '$.hash')").run();
      db.pragma('user_version = 0');
    });
    const app = await startTestApp(history.dir, sealing);
    await sealAll(app);
    const report = await verifyText(await exportText(app.call, history.ws), [await testPublicKey()]);
    expect(findingsOf(report)).toEqual([]);
    // Every event of the workspace was written before the upgrade.
    expect(report.chainedAtMigration).toBe(report.events);
    expect(report.events).toBeGreaterThan(10);
  });
});
