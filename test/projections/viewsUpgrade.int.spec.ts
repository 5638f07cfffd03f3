import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/stores/sqlite/database';
import type { Client } from '../support/client';
import { startTestApp, testMasterKeys, token } from '../support/testService';
import { must } from '../support/workspaces';

/**
 * Views made by the version before personal data was sealed: the invitations had no emailIndex
 * (no column for it in SQLite, no field in the documents). Views are rebuildable: the service
 * must rebuild them, not stop on them or miss an invitation.
 */
describe('Views made by an older version, when the service starts on them', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const alice = { token: token('alice') };
  const erin = { token: token('erin') };
  /** One set of master keys for the directory's every start: its data keys are wrapped by them. */
  const masterKeys = testMasterKeys();

  /** A data directory with a workspace, erin invited; closed. */
  async function dataDirWithInvitation(): Promise<{ dir: string; ws: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'secrets-upgrade-'));
    dirs.push(dir);
    const first = await startTestApp(dir, { masterKeys });
    const ws = (await must<{ id: string }>(first.call, 'POST', '/v1/workspaces', { ...alice, body: { name: 'Acme' } })).id;
    await must(first.call, 'POST', `/v1/workspaces/${ws}/invitations`, { ...alice, body: { email: 'erin@example.com', permission: 'read' } });
    await first.close();
    return { dir, ws };
  }

  /** What the invitations view held before: the same rows, without emailIndex. */
  function asBeforeSealing(dir: string, { dropColumn }: { dropColumn: boolean }) {
    const db = openDatabase(join(dir, 'views.sqlite'), { durable: false });
    const rows = db.prepare<[], { id: string; position: string; doc: string }>('SELECT id, position, doc FROM view_invitations').all();
    if (dropColumn) {
      db.exec('DROP TABLE view_invitations');
      db.exec('CREATE TABLE view_invitations (id TEXT PRIMARY KEY, position TEXT NOT NULL, doc TEXT, f_workspaceId ANY, f_email ANY) STRICT');
    }
    for (const row of rows) {
      const { emailIndex: _dropped, ...old } = JSON.parse(row.doc) as Record<string, unknown>;
      db.prepare('INSERT OR REPLACE INTO view_invitations (id, position, doc, f_workspaceId) VALUES (?, ?, ?, ?)').run(row.id, row.position, JSON.stringify(old), old.workspaceId as string);
    }
    // Nothing recorded which version of the documents these views hold.
    db.exec("DELETE FROM follower_checkpoints WHERE follower = 'view-documents'");
    db.close();
  }

  const expectInvitationFound = async (call: Client, ws: string) => {
    const mine = await must<{ invitations: Array<{ id: string; workspaceId: string }> }>(call, 'GET', '/v1/me/invitations', erin);
    expect(mine.invitations.map((i) => i.workspaceId)).toEqual([ws]);
    await must(call, 'POST', `/v1/invitations/${mine.invitations[0]!.id}/accept`, erin);
  };

  it('drops SQLite views whose tables lack a column the views are now queried by, and rebuilds them from the log', async () => {
    const { dir, ws } = await dataDirWithInvitation();
    asBeforeSealing(dir, { dropColumn: true });
    const second = await startTestApp(dir, { masterKeys });
    await second.caughtUp();
    await expectInvitationFound(second.call, ws);
  });

  it('rebuilds views whose documents are of an older shape, before following the log', async () => {
    const { dir, ws } = await dataDirWithInvitation();
    asBeforeSealing(dir, { dropColumn: false });
    const second = await startTestApp(dir, { masterKeys });
    await second.caughtUp();
    await expectInvitationFound(second.call, ws);
  });
});
