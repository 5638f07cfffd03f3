import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client';
import { leaksIn, leaksInFiles } from '../support/leaks';
import { startServer, type ServerProcess } from '../support/serverProcess';
import { token } from '../support/testService';
import { liveAndRebuiltViews } from '../support/viewsCheck';
import { createWorkspace } from '../support/workspaces';

const CLIENTS = 50;
const alice = token('alice');
const runner = token('runner', { scope: 'secrets:resolve' });

describe(`Concurrency: ${CLIENTS} clients saving one scope at once with If-Match`, () => {
  let server: ServerProcess;
  let call: Client;
  let ws: string;
  const values: string[] = [];
  const answers: string[] = [];
  const secrets = () => `/v1/workspaces/${ws}/secrets`;
  const etag = async () => (await call('GET', secrets(), { token: alice })).headers.etag!;
  const save = async (key: string, value: string, ifMatch: string) => {
    values.push(value);
    const reply = await call('PATCH', secrets(), { token: alice, body: { set: { [key]: value } }, headers: { 'if-match': ifMatch } });
    answers.push(reply.text);
    return reply;
  };

  beforeAll(async () => {
    server = await startServer();
    call = server.call;
    ws = await createWorkspace(call, 'alice', 'Race');
  });
  afterAll(() => rmSync(server.dataDir, { recursive: true, force: true }));

  it('lets exactly one of the clients holding the same ETag commit; the others get 412', async () => {
    for (let round = 0; round < 5; round += 1) {
      const current = await etag();
      const replies = await Promise.all(
        Array.from({ length: CLIENTS }, (_, i) => save(`SHARED`, `round${round}-client${i}-${Math.random().toString(36).slice(2)}`, current)),
      );
      const statuses = replies.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 412)).toHaveLength(CLIENTS - 1);
      const winner = replies.find((r) => r.status === 200)!;
      // Creating the key also records its creator as Admin: two events the first time, one after.
      expect(winner.headers.etag).toBe(`"${Number(JSON.parse(current)) + (round === 0 ? 2 : 1)}"`);
    }
  });

  it('loses no update when every client retries its 412s with the fresh ETag', async () => {
    const committed = new Map<string, string>();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, i) => {
        const key = `KEY_${i}`;
        const value = `client${i}-${Math.random().toString(36).slice(2)}`;
        for (;;) {
          const reply = await save(key, value, await etag());
          if (reply.status === 200) break;
          expect(reply.status).toBe(412);
        }
        committed.set(key, value);
      }),
    );
    const resolved = await call('POST', '/v1/resolve', {
      token: runner,
      body: { workspaceId: ws, trigger: 'manual', triggeredBy: 'alice', input: Object.fromEntries([...committed.keys()].map((k) => [k, `{{${k}}}`])) },
    });
    expect(resolved.status).toBe(200);
    expect((resolved.body as { output: unknown }).output).toEqual(Object.fromEntries(committed));
  });

  it('leaves live views equal to a fresh rebuild, and no value in answers, logs or data files', async () => {
    expect(await server.stop()).toBe(0);
    const { live, rebuilt, head, checkpoint } = await liveAndRebuiltViews(server.dataDir);
    expect(checkpoint).toBe(head);
    expect(live).toEqual(rebuilt);
    expect(leaksInFiles(server.dataDir, values)).toEqual([]);
    expect(leaksIn(server.output(), values)).toEqual([]);
    expect(leaksIn(answers.join('\n'), values)).toEqual([]);
  });
});
