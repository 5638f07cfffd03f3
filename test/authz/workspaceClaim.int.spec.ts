import { beforeAll, describe, expect, it } from 'vitest';
import { token, useTestApp } from '../support/testService';
import { bodyOf, expectProblem, setPersonalSecret, setWorkspaceSecret, workspaceWith } from '../support/workspaces';

type Operation = { method: string; path: string };

/**
 * The token `ws` claim (DESIGN §6): a token that carries one acts only in the workspaces it
 * lists, on every workspace route, and not at all on `/v1/me/*` (but its audit) or when creating
 * a workspace. Alice is admin of both workspaces; her W2-only token must not reach W1.
 */
describe('Token ws claim', () => {
  const t = useTestApp();
  const call = t.call;
  let w1: string;
  let w2: string;
  let operations: Operation[];
  const w2Only = () => token('alice', { ws: [w2] });

  beforeAll(async () => {
    w1 = await workspaceWith(call, 'alice', { bob: 'write' });
    w2 = await workspaceWith(call, 'alice', {});
    for (const ws of [w1, w2]) await setWorkspaceSecret(call, ws, 'alice', 'KEY', 'claim-value-1');
    await setPersonalSecret(call, 'alice', 'KEY', 'claim-value-2');
    const doc = bodyOf<{ paths: Record<string, Record<string, unknown>> }>(await call('GET', '/docs/json'));
    operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path })));
  });

  const fill = (path: string, ws: string) =>
    path.replace('{ws}', ws).replace('{key}', 'KEY').replace('{userId}', 'bob').replace('{id}', 'inv_x');
  /** A body each kind of route would take: the claim is checked before the body is read. */
  const anyBody = { value: 'claim-value-3', set: { KEY: 'claim-value-3' }, dotenv: 'KEY=x', name: 'N', email: 'x@example.com', permission: 'read', role: 'member' };

  it('refuses every route of another workspace with 403 ws_claim, and writes nothing', async () => {
    const workspaceRoutes = operations.filter((o) => o.path.includes('{ws}'));
    expect(workspaceRoutes.length).toBeGreaterThan(20);
    const head = await t.stores.eventStore.headPosition();
    for (const { method, path } of workspaceRoutes) {
      const reply = await call(method, fill(path, w1), { token: w2Only(), body: method === 'GET' || method === 'DELETE' ? undefined : anyBody });
      expectProblem(reply, 403, 'ws_claim');
    }
    expect(await t.stores.eventStore.headPosition()).toBe(head);
  });

  it('refuses a workspace that does not exist the same way (existence is not revealed)', async () => {
    expectProblem(await call('GET', '/v1/workspaces/ws_nope/secrets', { token: w2Only() }), 403, 'ws_claim');
  });

  it('refuses /v1/me/* but its audit, and creating a workspace', async () => {
    const mine = operations.filter((o) => o.path.startsWith('/v1/me/') && o.path !== '/v1/me/audit');
    expect(mine.length).toBeGreaterThan(10);
    for (const { method, path } of mine) {
      const reply = await call(method, fill(path, w1), { token: w2Only(), body: method === 'GET' || method === 'DELETE' ? undefined : anyBody });
      expectProblem(reply, 403, 'ws_claim');
    }
    expectProblem(await call('POST', '/v1/workspaces', { token: w2Only(), body: { name: 'More' } }), 403, 'ws_claim');
    expect((await call('GET', '/v1/me/audit', { token: w2Only() })).status).toBe(200);
  });

  it('acts as usual inside the workspaces it lists, and lists only those', async () => {
    expect((await call('GET', `/v1/workspaces/${w2}/secrets`, { token: w2Only() })).status).toBe(200);
    expect((await call('PUT', `/v1/workspaces/${w2}/secrets/OTHER`, { token: w2Only(), body: { value: 'claim-value-4' } })).status).toBe(201);
    expect((await call('POST', `/v1/workspaces/${w2}/secrets/KEY/reveal`, { token: w2Only() })).status).toBe(200);
    const listed = bodyOf<{ workspaces: { id: string }[] }>(await call('GET', '/v1/workspaces', { token: w2Only() }));
    expect(listed.workspaces.map((w) => w.id)).toEqual([w2]);
  });

  it('lets a token accept an invitation only into a workspace it lists', async () => {
    const invite = async (ws: string, email: string) =>
      bodyOf<{ id: string }>(await call('POST', `/v1/workspaces/${ws}/invitations`, { token: token('alice'), body: { email, permission: 'read' } })).id;
    const toW1 = await invite(w1, 'carol@example.com');
    expectProblem(await call('POST', `/v1/invitations/${toW1}/accept`, { token: token('carol', { ws: [w2] }) }), 403, 'ws_claim');
    expect((await call('POST', `/v1/invitations/${toW1}/accept`, { token: token('carol', { ws: [w1] }) })).status).toBe(200);
  });

  it('limits resolution to the workspaces it lists', async () => {
    const resolve = (ws: string) =>
      call('POST', '/v1/resolve', {
        token: token('runner', { scope: 'secrets:resolve', ws: [w2] }),
        body: { workspaceId: ws, trigger: 'manual', triggeredBy: 'alice', input: '{{KEY}}' },
      });
    expectProblem(await resolve(w1), 403, 'ws_claim');
    expect((await resolve(w2)).status).toBe(200);
  });
});
