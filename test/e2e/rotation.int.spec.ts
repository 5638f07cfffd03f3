import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/serverProcess';
import { TEST_JWT_SECRET, token } from '../support/testService';
import { createWorkspace, resolver } from '../support/workspaces';

const run = promisify(execFile);
const TSX_CLI = join(process.cwd(), 'node_modules/tsx/dist/cli.mjs');
const key = () => randomBytes(32).toString('base64');

describe('npm run rotate-master-key', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('rewraps every data key under the new master key; values and personal data stay readable without the old one', async () => {
    const [k1, k2] = [`k1:${key()}`, `k2:${key()}`];
    const first = await startServer({ SECRETS_MASTER_KEYS: k1 });
    dirs.push(first.dataDir);
    const call = first.call;
    const alice = token('alice');
    const ws = await createWorkspace(call, 'alice');
    await call('PATCH', `/v1/workspaces/${ws}/secrets`, { token: alice, body: { set: { A: 'value-a-1', B: 'value-b-1' } } });
    await call('PUT', '/v1/me/secrets/C', { token: alice, body: { value: 'value-c-1' } });
    expect((await call('POST', `/v1/workspaces/${ws}/invitations`, { token: alice, body: { email: 'bob@example.com', permission: 'read' } })).status).toBe(201);
    await first.stop();

    const { stdout } = await run(process.execPath, [TSX_CLI, 'src/cli/rotateMasterKey.ts'], {
      env: { ...process.env, DATA_DIR: first.dataDir, SECRETS_MASTER_KEYS: `${k2},${k1}`, JWT_SECRET: TEST_JWT_SECRET },
    });
    // The three secrets' keys, the blind-index key, and the subject keys of alice and of bob's invited email.
    expect(stdout).toContain('wrapped 6 of 6 data keys under master key k2');

    const second = await startServer({ SECRETS_MASTER_KEYS: k2 }, first.dataDir);
    try {
      const resolved = await resolver(second.call)({ workspaceId: ws, trigger: 'manual', triggeredBy: 'alice', input: ['{{A}}', '{{B}}', '{{C}}'] });
      expect(resolved.status).toBe(200);
      expect(resolved.body.output).toEqual(['value-a-1', 'value-b-1', 'value-c-1']);
      const members = (await second.call('GET', `/v1/workspaces/${ws}/members`, { token: alice })).body as { members: { email: string }[]; invitations: { email: string }[] };
      expect([members.members.map((m) => m.email), members.invitations.map((i) => i.email)]).toEqual([['alice@example.com'], ['bob@example.com']]);
      // The blind index is the same as before: the pending invitation is still found by its email.
      expect((await second.call('POST', `/v1/workspaces/${ws}/invitations`, { token: alice, body: { email: 'Bob@example.com', permission: 'read' } })).status).toBe(409);
    } finally {
      await second.stop();
    }
  }, 60_000);
});
