import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/serverProcess';
import { TEST_JWT_SECRET, token } from '../support/testService';
import { createWorkspace } from '../support/workspaces';

const run = promisify(execFile);
const TSX_CLI = join(process.cwd(), 'node_modules/tsx/dist/cli.mjs');

describe('npm start: graceful shutdown, restart from the checkpoint, npm run rebuild', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const alice = token('alice');
  /** A server on a data directory of its own (removed after the file), with a workspace of alice's. */
  const serverWithWorkspace = async (env: Record<string, string> = {}) => {
    const server = await startServer(env);
    dirs.push(server.dataDir);
    return { server, call: server.call, ws: await createWorkspace(server.call, 'alice') };
  };

  it('finishes an in-flight request on SIGTERM, then restarts from its stored checkpoint', async () => {
    // The in-flight query gives up on its position after 1 s here, not the 5 s of the default;
    // at debug the server logs the wait, so the test knows the request is in flight.
    const { server: first, call, ws } = await serverWithWorkspace({ VIEW_WAIT_MS: '1000', LOG_LEVEL: 'debug' });
    const put = await call('PUT', `/v1/workspaces/${ws}/secrets/API_KEY`, { token: alice, body: { value: 'v1-not-a-real-key' } });
    const position = (put.body as { position: string }).position;

    // A query waiting for a position nobody will write is in flight when SIGTERM arrives.
    const waiting = `/v1/workspaces/${ws}/secrets?minPosition=${Number(position) + 100}`;
    const inFlight = call('GET', waiting, { token: alice });
    await expect.poll(() => first.output(), { timeout: 10_000 }).toContain(`"minPosition":"${Number(position) + 100}"`);
    const exited = first.stop();
    expect((await inFlight).status).toBe(503);
    expect(await exited).toBe(0);

    const second = await startServer({}, first.dataDir);
    try {
      const ready = await second.call('GET', '/readyz');
      // The views start where they stopped: the write, and the seal made on the way out after it.
      expect(ready.body).toMatchObject({ status: 'ready' });
      expect(Number((ready.body as { position: string }).position)).toBeGreaterThan(Number(position));
      const list = await second.call('GET', `/v1/workspaces/${ws}/secrets`, { token: alice });
      expect((list.body as { secrets: { key: string }[] }).secrets.map((s) => s.key)).toEqual(['API_KEY']);
    } finally {
      await second.stop();
    }
  }, 60_000);

  it('rebuilds the views from the log with npm run rebuild', async () => {
    const { server, call, ws } = await serverWithWorkspace();
    await call('PATCH', `/v1/workspaces/${ws}/secrets`, { token: alice, body: { set: { A: 'a-value', B: 'b-value' } } });
    const before = await call('GET', `/v1/workspaces/${ws}/secrets`, { token: alice });
    await server.stop();

    const { stdout } = await run(process.execPath, [TSX_CLI, 'src/cli/rebuild.ts'], {
      env: { ...process.env, DATA_DIR: server.dataDir, JWT_SECRET: TEST_JWT_SECRET },
    });
    expect(stdout).toMatch(/rebuilt the views from \d+ events/);

    const again = await startServer({}, server.dataDir);
    try {
      const after = await again.call('GET', `/v1/workspaces/${ws}/secrets`, { token: alice });
      expect(after.body).toEqual(before.body);
    } finally {
      await again.stop();
    }
  }, 60_000);
});
