import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteKeyStore } from '../../src/stores/sqlite/openSqliteStores';
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

  it('retires the old master key (--retire): its wrappings are gone, the new key alone serves, the old one alone is refused at start-up', async () => {
    const [k1, k2] = [`k1:${key()}`, `k2:${key()}`];
    const first = await startServer({ SECRETS_MASTER_KEYS: k1 });
    const dir = first.dataDir;
    dirs.push(dir);
    const alice = token('alice');
    const ws = await createWorkspace(first.call, 'alice');
    await first.call('PATCH', `/v1/workspaces/${ws}/secrets`, { token: alice, body: { set: { A: 'retire-value-a', B: 'retire-value-b' } } });
    await first.call('PUT', '/v1/me/secrets/C', { token: alice, body: { value: 'retire-value-c' } });
    await first.stop();
    const cli = (keys: string, ...args: string[]) =>
      run(process.execPath, [TSX_CLI, 'src/cli/rotateMasterKey.ts', ...args], { env: { ...process.env, DATA_DIR: dir, SECRETS_MASTER_KEYS: keys, JWT_SECRET: TEST_JWT_SECRET } });

    await expect(cli(k1, '--retire', 'k1')).rejects.toMatchObject({ stderr: expect.stringContaining('k1 is the active one') });
    const { stdout } = await cli(`${k2},${k1}`, '--retire', 'k1');
    const total = Number(/wrapped (\d+) of \1 data keys under master key k2/.exec(stdout)?.[1]);
    expect(total).toBeGreaterThanOrEqual(5);
    expect(stdout).toContain(`retired ${total} wrappings under master key k1`);
    expect(stdout).toContain('drop it from SECRETS_MASTER_KEYS');

    const keys = sqliteKeyStore(dir);
    const ids = await keys.dataKeyIds();
    const wrappedUnder = new Set((await Promise.all(ids.map((id) => keys.get(id)))).flat().map((w) => w.masterKeyId));
    await keys.close();
    expect([ids.length, [...wrappedUnder]]).toEqual([total, ['k2']]);

    const refused = await startServer({ SECRETS_MASTER_KEYS: k1 }, dir).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(refused).toContain('no wrapping under any configured master key');
    for (const id of ids) expect(refused).toContain(id);

    const second = await startServer({ SECRETS_MASTER_KEYS: k2 }, dir);
    try {
      const resolved = await resolver(second.call)({ workspaceId: ws, trigger: 'manual', triggeredBy: 'alice', input: ['{{A}}', '{{B}}', '{{C}}'] });
      expect(resolved.body.output).toEqual(['retire-value-a', 'retire-value-b', 'retire-value-c']);
    } finally {
      await second.stop();
    }
  }, 60_000);
});
