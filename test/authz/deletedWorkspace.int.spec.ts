import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/testService';
import { bodyOf, must } from '../support/workspaces';
import { principalNames, seedWorkspace, tokenOf, VALUE, type PrincipalName } from './authz.fixture';

/** `needsBody`: /docs/json says the route takes a required body. */
type Operation = { method: string; path: string; needsBody: boolean };

/**
 * What each workspace route needs to get past validation (the membership is checked after it):
 * a body, a query. A route of `/docs/json` that takes a body and is not here fails the test:
 * add it, so that every workspace route is held to the rule below.
 */
const BODIES: Record<string, unknown> = {
  'PATCH /v1/workspaces/{ws}/secrets': { set: { KEY: VALUE } },
  'PUT /v1/workspaces/{ws}/secrets/{key}': { value: VALUE },
  'PATCH /v1/workspaces/{ws}/secrets/{key}': { description: 'd' },
  'POST /v1/workspaces/{ws}/secrets/import': { dotenv: `KEY=${VALUE}\n` },
  'POST /v1/workspaces/{ws}/secrets/reveal': { keys: ['KEY'] },
  'POST /v1/workspaces/{ws}/secrets/{key}/fingerprint-check': { value: VALUE },
  'POST /v1/workspaces/{ws}/secrets/{key}/members': { email: 'tina@example.com', role: 'member' },
  'PATCH /v1/workspaces/{ws}/secrets/{key}/members/{userId}': { role: 'admin' },
  'POST /v1/workspaces/{ws}/invitations': { email: 'new@example.com', permission: 'read' },
  'PATCH /v1/workspaces/{ws}/members/{userId}': { permission: 'write' },
  'DELETE /v1/workspaces/{ws}': { confirm: 'Matrix' },
  'POST /v1/workspaces/{ws}/secrets/{key}/reveal': { version: 1 },
  'POST /v1/workspaces/{ws}/secrets/{key}/rollback': { version: 1 },
  'POST /v1/workspaces/{ws}/secrets/{key}/destroy': { confirm: 'KEY' },
};
const QUERIES: Record<string, string> = {
  'GET /v1/workspaces/{ws}/secrets/changes': '?from=1',
};
/** What a deleted workspace still answers (DESIGN §9): its audit, export and verification, to its admins then and audit:read. */
const KEPT = new Set(['GET /v1/workspaces/{ws}/audit', 'GET /v1/workspaces/{ws}/audit/export', 'POST /v1/workspaces/{ws}/audit/verify']);
const UNDELETE = 'POST /v1/workspaces/{ws}/undelete';
/** The principals with a standing in the workspace before it was deleted (all but nonMember, otherUser and executor). */
const standing: PrincipalName[] = ['admin', 'writer', 'reader', 'external', 'secretAdmin', 'secretMember', 'auditor'];

/**
 * DESIGN §9: once a workspace is deleted, access for its members ends at once: every workspace
 * route, read or write, on the command side and the query side, answers as for a workspace that
 * does not exist (404 workspace_not_found). Walks every route of /docs/json that names a
 * workspace, so a route added later is held to it too.
 */
describe('A deleted workspace answers its members as a workspace that does not exist', () => {
  const t = useTestApp();
  let seed: Awaited<ReturnType<typeof seedWorkspace>>;
  let operations: Operation[];
  let invitation: string;

  beforeAll(async () => {
    seed = await seedWorkspace(t.call);
    invitation = await seed.freshInvitation();
    const doc = bodyOf<{ paths: Record<string, Record<string, { requestBody?: { required?: boolean } }>> }>(await t.call('GET', '/docs/json'));
    operations = Object.entries(doc.paths)
      .filter(([path]) => path.includes('{ws}'))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, needsBody: op.requestBody?.required === true })));
    await must(t.call, 'DELETE', `/v1/workspaces/${seed.ws}`, { token: tokenOf('admin'), body: { confirm: 'Matrix' } });
  });

  const urlOf = (op: Operation) => {
    const name = `${op.method} ${op.path}`;
    const path = op.path.replace('{ws}', seed.ws).replace('{key}', 'KEY').replace('{userId}', 'mia').replace('{id}', invitation);
    return `${path}${QUERIES[name] ?? ''}`;
  };
  const callAs = (who: PrincipalName, op: Operation) => {
    const name = `${op.method} ${op.path}`;
    if (op.needsBody && !(name in BODIES)) throw new Error(`${name} needs a body: add one to BODIES`);
    return t.call(op.method, urlOf(op), { token: tokenOf(who), body: BODIES[name] });
  };

  it('walks every workspace route', () => {
    expect(operations.length).toBeGreaterThan(25);
  });

  it('answers 404 workspace_not_found to every former member, admin included, and audit:read, on every other route', async () => {
    const answered: string[] = [];
    for (const op of operations.filter((o) => !KEPT.has(`${o.method} ${o.path}`) && `${o.method} ${o.path}` !== UNDELETE)) {
      for (const who of standing) {
        const reply = await callAs(who, op);
        const code = (reply.body as { code?: string } | undefined)?.code;
        if (reply.status !== 404 || code !== 'workspace_not_found') answered.push(`${who} ${op.method} ${op.path}: ${reply.status} ${code}`);
      }
    }
    expect(answered).toEqual([]);
  });

  it('keeps its audit, export and verification for its admin of the moment and audit:read; other former members get 404', async () => {
    const got: string[] = [];
    for (const op of operations.filter((o) => KEPT.has(`${o.method} ${o.path}`))) {
      for (const who of principalNames) got.push(`${who} ${op.method} ${op.path} ${(await callAs(who, op)).status}`);
    }
    const expected = operations
      .filter((o) => KEPT.has(`${o.method} ${o.path}`))
      .flatMap((op) => principalNames.map((who) => `${who} ${op.method} ${op.path} ${who === 'admin' || who === 'auditor' ? 200 : 404}`));
    expect(got).toEqual(expected);
  });

  it('resolves nothing in it, for an executor (404)', async () => {
    const reply = await t.call('POST', '/v1/resolve', { token: tokenOf('executor'), body: { workspaceId: seed.ws, trigger: 'manual', triggeredBy: 'alice', input: '{{KEY}}' } });
    expect([reply.status, (reply.body as { code: string }).code]).toEqual([404, 'workspace_not_found']);
  });

  it('is listed by none of its members', async () => {
    for (const who of standing) {
      const listed = bodyOf<{ workspaces: Array<{ id: string }> }>(await t.call('GET', '/v1/workspaces', { token: tokenOf(who) }));
      expect(listed.workspaces.map((w) => w.id), who).not.toContain(seed.ws);
    }
  });

  it('comes back whole when its admin undeletes it: every member reads its secrets again', async () => {
    const undelete = operations.find((o) => `${o.method} ${o.path}` === UNDELETE)!;
    for (const who of standing.filter((w) => w !== 'admin')) expect((await callAs(who, undelete)).status, who).toBe(404);
    expect((await callAs('admin', undelete)).status).toBe(200);
    for (const who of standing) expect((await t.call('GET', `/v1/workspaces/${seed.ws}/secrets/KEY`, { token: tokenOf(who) })).status, who).toBe(200);
    expect((await t.call('POST', `/v1/workspaces/${seed.ws}/secrets/KEY/reveal`, { token: tokenOf('secretMember') })).status).toBe(200);
  });
});
