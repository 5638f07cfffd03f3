import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { leaksIn, leaksInFiles } from '../support/leaks';
import { startServer, type ServerProcess } from '../support/serverProcess';
import { token } from '../support/testService';
import { liveAndRebuiltViews } from '../support/viewsCheck';
import { createWorkspace } from '../support/workspaces';

const CRASHES = 10;
const WRITERS = 8;
const alice = token('alice');
/** The check below tests every acknowledged save's value: far more than the value-oracle budgets allow a minute. */
const AUDIT_EVERY_SAVE = { RATE_LIMIT_ORACLE_MAX: '1000000', RATE_LIMIT_ORACLE_PER_SECRET_MAX: '1000000' };

type Acked = { key: string; value: string; version: number };

describe(`Crash: kill -9 under write load, restart, ${CRASHES} times`, () => {
  let dataDir = '';
  const acked: Acked[] = [];
  const values: string[] = [];
  let output = '';
  afterAll(() => dataDir && rmSync(dataDir, { recursive: true, force: true }));

  /** Writers each own keys and save them one after another until the server dies under them. */
  async function writeUntilKilled(server: ServerProcess, ws: string, crash: number) {
    const call = server.call;
    let dead = false;
    const writer = async (w: number) => {
      for (let n = 0; !dead; n += 1) {
        const key = `W${w}_K${n % 5}`;
        const value = `crash${crash}-writer${w}-save${n}-${Math.random().toString(36).slice(2)}`;
        values.push(value);
        try {
          const reply = await call(n % 3 === 0 ? 'PATCH' : 'PUT', n % 3 === 0 ? `/v1/workspaces/${ws}/secrets` : `/v1/workspaces/${ws}/secrets/${key}`, {
            token: alice,
            body: n % 3 === 0 ? { set: { [key]: value } } : { value },
          });
          expect(reply.status).toBeLessThan(300);
          const version = n % 3 === 0 ? undefined : (reply.body as { version: number }).version;
          acked.push({ key, value, version: version ?? -1 });
        } catch {
          return; // the connection died with the server: this save was never acknowledged
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 600));
    dead = true;
    await server.kill();
    await Promise.all(writers);
  }

  it('keeps every acknowledged save, applies nothing twice, and converges to a fresh rebuild', async () => {
    let server = await startServer(AUDIT_EVERY_SAVE);
    dataDir = server.dataDir;
    const ws = await createWorkspace(server.call, 'alice', 'Crash');
    for (let crash = 0; crash < CRASHES; crash += 1) {
      await writeUntilKilled(server, ws, crash);
      output += server.output();
      server = await startServer(AUDIT_EVERY_SAVE, dataDir);
    }
    expect(acked.length).toBeGreaterThan(CRASHES * WRITERS);

    // Every acknowledged value is a version of its key, found by its fingerprint in the history.
    const recovered = server.call;
    for (const { key, value, version } of acked) {
      const check = await recovered('POST', `/v1/workspaces/${ws}/secrets/${key}/fingerprint-check`, { token: alice, body: { value } });
      expect(check.status).toBe(200);
      const matched = (check.body as { matches: { version: number }[] }).matches.map((m) => m.version);
      expect(matched, `${key} ${value}`).toHaveLength(1);
      if (version !== -1) expect(matched).toEqual([version]);
    }
    // Versions are a gap-free sequence per key: no save recorded twice, none half-recorded.
    for (const key of new Set(acked.map((a) => a.key))) {
      const history = await recovered('GET', `/v1/workspaces/${ws}/secrets/${key}/history`, { token: alice });
      const versions = (history.body as { versions: { version: number }[] }).versions.map((v) => v.version);
      expect(versions).toEqual(versions.map((_, i) => i + 1));
    }
    expect(await server.stop()).toBe(0);
    output += server.output();

    const { live, rebuilt, head, checkpoint } = await liveAndRebuiltViews(dataDir);
    expect(checkpoint).toBe(head);
    expect(live).toEqual(rebuilt);
    expect(leaksInFiles(dataDir, values)).toEqual([]);
    expect(leaksIn(output, values)).toEqual([]);
  });

  it('keeps the record of every resolution that answered, however soon after it the process dies', async () => {
    const first = await startServer();
    const ws = await createWorkspace(first.call, 'alice', 'Records');
    await first.call('PUT', `/v1/workspaces/${ws}/secrets/K`, { token: alice, body: { value: 'crash-record-value-1' } });
    const runner = token('runner', { scope: 'secrets:resolve' });
    const answered: string[] = [];
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const run = { id: `crash_run_${i}` };
        const reply = await first.call('POST', '/v1/resolve', { token: runner, body: { workspaceId: ws, trigger: 'manual', triggeredBy: 'alice', run, input: '{{K}}' } });
        if (reply.status === 200) answered.push(run.id);
      }),
    );
    // No pause: the last answer has only just been written.
    await first.kill();
    expect(answered).toHaveLength(40);
    const again = await startServer({}, first.dataDir);
    // The views catch up with the log on start: the records are in it, durable before each answer.
    const recorded = async () => {
      const audit = await again.call('GET', `/v1/workspaces/${ws}/audit?type=SecretsResolved&limit=1000`, { token: alice });
      return new Set((audit.body as { entries: { runId: string }[] }).entries.map((e) => e.runId));
    };
    await expect.poll(recorded, { timeout: 10_000 }).toEqual(new Set(answered));
    expect(await again.stop()).toBe(0);
    rmSync(first.dataDir, { recursive: true, force: true });
  });
});
