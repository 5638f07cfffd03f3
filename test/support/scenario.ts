import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Client, Reply, RequestOptions } from './client';
import { token } from './testService';

const resolveScope = { scope: 'secrets:resolve' };

export type ScenarioResult = {
  /** Every plaintext value the scenario stored. */
  values: string[];
  /** Bodies of every response except resolutions: none may contain a value. */
  nonResolveBodies: string[];
};

/**
 * The end-to-end scenario of issue 2, against any client (in-process or real HTTP): members with
 * admin, write and external read permissions; workspace and personal secrets with the same key;
 * manual and scheduled resolutions; refused edits; a stale If-Match; bad inputs that write
 * nothing; a deleted secret that fails resolution; a removed member; a member who leaves; the
 * workspace deleted and undeleted.
 */
export async function runScenario(client: Client): Promise<ScenarioResult> {
  const alice = token('alice');
  const bob = token('bob');
  const carol = token('carol');
  const dave = token('dave');
  const executor = token('executor', resolveScope);
  const nonResolveBodies: string[] = [];
  const call = async (method: string, url: string, options?: RequestOptions): Promise<Reply> => {
    const reply = await client(method, url, options);
    if (url !== '/v1/resolve') nonResolveBodies.push(reply.text);
    return reply;
  };
  const secret = (name: string) => `${name}-${randomBytes(12).toString('hex')}`;
  const V = {
    apiKey: secret('sk_live'),
    bobToken: secret('bob_token'),
    sharedWs: secret('shared_ws'),
    sharedPersonal: secret('shared_personal'),
    aliceOnly: secret('alice_only'),
    bobPersonal: secret('bob_personal'),
    rotated: secret('rotated'),
  };

  // A workspace with an admin, a write member and an external read member.
  const created = await call('POST', '/v1/workspaces', { token: alice, body: { name: 'Acme' } });
  expect(created.status).toBe(201);
  const ws = (created.body as { id: string }).id;
  const secrets = `/v1/workspaces/${ws}/secrets`;
  for (const [email, permission, external] of [
    ['bob@example.com', 'write', false],
    ['carol@example.com', 'read', true],
  ] as const) {
    expect((await call('POST', `/v1/workspaces/${ws}/invitations`, { token: alice, body: { email, permission, external } })).status).toBe(201);
  }
  for (const user of [bob, carol]) {
    const mine = await call('GET', '/v1/me/invitations', { token: user });
    const [invitation] = (mine.body as { invitations: { id: string }[] }).invitations;
    expect((await call('POST', `/v1/invitations/${invitation!.id}/accept`, { token: user })).status).toBe(200);
  }
  const members = (await call('GET', `/v1/workspaces/${ws}/members`, { token: carol })).body as {
    members: { userId: string; permission: string; external: boolean }[];
  };
  expect(members.members.map((m) => [m.userId, m.permission, m.external]).sort()).toEqual([
    ['alice', 'admin', false],
    ['bob', 'write', false],
    ['carol', 'read', true],
  ]);

  // Workspace secrets by the admin and the write member; personal secrets with a shared key.
  expect((await call('PUT', `${secrets}/API_KEY`, { token: alice, body: { value: V.apiKey } })).status).toBe(201);
  const batch = await call('PATCH', secrets, { token: bob, body: { set: { BOB_TOKEN: V.bobToken, SHARED: V.sharedWs } } });
  expect(batch.status).toBe(200);
  expect((await call('PUT', '/v1/me/secrets/SHARED', { token: alice, body: { value: V.sharedPersonal } })).status).toBe(201);
  expect((await call('PUT', '/v1/me/secrets/ALICE_ONLY', { token: alice, body: { value: V.aliceOnly } })).status).toBe(201);
  expect((await call('PUT', '/v1/me/secrets/BOB_PERSONAL', { token: bob, body: { value: V.bobPersonal } })).status).toBe(201);

  const list = await call('GET', secrets, { token: carol });
  expect(list.status).toBe(200);
  const listed = list.body as { revision: number; secrets: { key: string; myRole: string | null }[] };
  expect(listed.secrets.map((s) => s.key)).toEqual(['API_KEY', 'BOB_TOKEN', 'SHARED']);
  expect(listed.secrets.every((s) => s.myRole === null)).toBe(true);
  expect(list.headers.etag).toBe(`"${listed.revision}"`);

  // Manual runs use the clicking user's personal secrets; scheduled runs the owner's.
  const input = { url: 'https://api.example.com', headers: { Authorization: 'Bearer {{ API_KEY }}', 'X-Shared': '{{SHARED}}' } };
  const manual = await call('POST', '/v1/resolve', {
    token: executor,
    body: { workspaceId: ws, trigger: 'manual', triggeredBy: 'bob', input: { ...input, mine: '{{BOB_PERSONAL}}' } },
  });
  expect(manual.status).toBe(200);
  expect(manual.body).toEqual({
    output: { url: input.url, headers: { Authorization: `Bearer ${V.apiKey}`, 'X-Shared': V.sharedWs }, mine: V.bobPersonal },
    references: [
      { key: 'API_KEY', scope: 'workspace', version: 1 },
      { key: 'SHARED', scope: 'workspace', version: 1 },
      { key: 'BOB_PERSONAL', scope: 'personal', version: 1 },
    ],
  });
  const scheduled = await call('POST', '/v1/resolve', {
    token: executor,
    body: { workspaceId: ws, trigger: 'schedule', workflowOwnerId: 'alice', input: ['{{ALICE_ONLY}}', '{{BOB_PERSONAL}}'], onMissing: 'keep' },
  });
  expect(scheduled.status).toBe(200);
  expect((scheduled.body as { output: unknown }).output).toEqual([V.aliceOnly, '{{BOB_PERSONAL}}']);

  // Each role that may not edit is refused, and nothing is written.
  const revision = async () => (await call('GET', secrets, { token: alice })).body as { revision: number };
  const before = (await revision()).revision;
  expect((await call('PUT', `${secrets}/API_KEY`, { token: carol, body: { value: 'x' } })).status).toBe(403);
  expect((await call('PATCH', secrets, { token: carol, body: { set: { NEW_KEY: 'x' } } })).status).toBe(403);
  expect((await call('PUT', `${secrets}/API_KEY`, { token: bob, body: { value: 'x' } })).status).toBe(403);
  expect((await call('PATCH', secrets, { token: bob, body: { set: { BOB_TOKEN: 'y', API_KEY: 'x' } } })).status).toBe(403);
  expect((await call('PUT', `${secrets}/API_KEY`, { token: dave, body: { value: 'x' } })).status).toBe(404);
  expect((await call('GET', secrets, { token: dave })).status).toBe(404);

  // Bad input: a 4xx naming the field, and nothing written.
  const bad = async (reply: Reply, status: number, field?: string) => {
    expect(reply.status).toBe(status);
    expect(reply.headers['content-type']).toContain('application/problem+json');
    if (field) expect((reply.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field);
  };
  await bad(await call('PUT', `${secrets}/BAD-KEY`, { token: alice, body: { value: 'x' } }), 400, 'key');
  await bad(await call('PUT', `${secrets}/BIG`, { token: alice, body: { value: 'x'.repeat(64 * 1024 + 1) } }), 400, 'value');
  await bad(await call('PUT', `${secrets}/EMPTY`, { token: alice, body: { value: '' } }), 400, 'value');
  await bad(await call('PATCH', secrets, { token: alice, body: { set: { A: 'x' }, sett: {} } }), 400, 'sett');
  await bad(await call('PATCH', secrets, { token: alice, rawBody: '{"set": {"A": "x"' }), 400);
  await bad(await call('PATCH', secrets, { token: alice, body: { set: {}, delete: [] } }), 400);
  await bad(await call('PATCH', secrets, { token: alice, body: { set: { A: 'x' }, delete: ['A'] } }), 400);
  const tooMany = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`K${i}`, 'v']));
  await bad(await call('PATCH', secrets, { token: alice, body: { set: tooMany } }), 409);
  expect((await revision()).revision).toBe(before);

  // A stale If-Match is refused; the current one is accepted and moves the ETag.
  const current = await call('PUT', `${secrets}/API_KEY`, { token: alice, body: { value: V.rotated }, headers: { 'if-match': `"${before}"` } });
  expect(current.status).toBe(200);
  expect(current.headers.etag).toBe(`"${before + 1}"`);
  expect((await call('PUT', `${secrets}/API_KEY`, { token: alice, body: { value: 'x' }, headers: { 'if-match': `"${before}"` } })).status).toBe(412);

  // A deleted secret makes resolution fail, naming the key and where it was.
  expect((await call('DELETE', `${secrets}/BOB_TOKEN`, { token: bob })).status).toBe(204);
  const failed = await call('POST', '/v1/resolve', {
    token: executor,
    body: { workspaceId: ws, trigger: 'api', workflowOwnerId: 'bob', input: { step: { auth: '{{BOB_TOKEN}}' } } },
  });
  expect(failed.status).toBe(422);
  expect((failed.body as { missing: unknown }).missing).toEqual([{ key: 'BOB_TOKEN', path: '/step/auth', reason: 'deleted' }]);

  // A removed member loses every right at once, their personal fallback included.
  expect((await call('DELETE', `/v1/workspaces/${ws}/members/alice`, { token: alice })).status).toBe(409);
  expect((await call('DELETE', `/v1/workspaces/${ws}/members/bob`, { token: alice })).status).toBe(204);
  expect((await call('GET', secrets, { token: bob })).status).toBe(404);
  expect(
    (await call('POST', '/v1/resolve', { token: executor, body: { workspaceId: ws, trigger: 'manual', triggeredBy: 'bob', input: '{{API_KEY}}' } }))
      .status,
  ).toBe(403);
  const ownerGone = await call('POST', '/v1/resolve', {
    token: executor,
    body: { workspaceId: ws, trigger: 'webhook', workflowOwnerId: 'bob', input: '{{API_KEY}} {{BOB_PERSONAL}}' },
  });
  expect(ownerGone.status).toBe(422);
  expect((ownerGone.body as { missing: { key: string }[] }).missing.map((m) => m.key)).toEqual(['BOB_PERSONAL']);

  // Re-joining starts without the secret roles held before.
  const again = await call('POST', `/v1/workspaces/${ws}/invitations`, { token: alice, body: { email: 'bob@example.com', permission: 'write' } });
  expect((await call('POST', `/v1/invitations/${(again.body as { id: string }).id}/accept`, { token: bob })).status).toBe(200);
  expect((await call('PUT', `${secrets}/SHARED`, { token: bob, body: { value: 'x' } })).status).toBe(403);

  // Leaving, deleting and undeleting the workspace (DESIGN §9): access ends at once, and comes back whole.
  expect((await call('POST', `/v1/workspaces/${ws}/leave`, { token: carol })).status).toBe(200);
  expect((await call('GET', secrets, { token: carol })).status).toBe(404);
  expect((await call('DELETE', `/v1/workspaces/${ws}`, { token: alice, body: { confirm: 'Acme' } })).status).toBe(202);
  for (const user of [alice, bob]) expect((await call('GET', secrets, { token: user })).status).toBe(404);
  const resolveApiKey = () =>
    call('POST', '/v1/resolve', { token: executor, body: { workspaceId: ws, trigger: 'schedule', workflowOwnerId: 'alice', input: '{{API_KEY}}' } });
  expect((await resolveApiKey()).status).toBe(404);
  expect((await call('GET', `/v1/workspaces/${ws}/audit?type=WorkspaceDeleted`, { token: alice })).status).toBe(200);
  expect((await call('POST', `/v1/workspaces/${ws}/undelete`, { token: alice })).status).toBe(200);
  expect((await resolveApiKey()).body).toMatchObject({ output: V.rotated });

  return { values: Object.values(V), nonResolveBodies };
}
