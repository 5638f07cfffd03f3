import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { createSecretsClient, liveSecrets, unwrap, type SecretsClient } from '../../clients/typescript';
import { recording, type Transport } from './clientTransport';
import { token } from './testService';

const resolveScope = { scope: 'secrets:resolve' };

export type ScenarioResult = {
  /** Every plaintext value the scenario stored. */
  values: string[];
  /** Bodies of every response except resolutions: none may contain a value. */
  nonResolveBodies: string[];
};

/** What a typed call answered: its status, and its body (data or problem). */
async function answered(call: Promise<{ data?: unknown; error?: unknown; response: Response }>) {
  const { data, error, response } = await call;
  return { status: response.status, body: (data ?? error) as Record<string, unknown> | undefined, headers: response.headers };
}

/**
 * The end-to-end scenario of issue 2 through the TypeScript client, over any transport (a server
 * over HTTP, or an app in process): members with admin, write and external read permissions;
 * workspace and personal secrets with the same key; manual and scheduled resolutions; refused
 * edits; a stale If-Match; bad inputs that write nothing (sent raw: a typed client cannot send
 * them); a deleted secret that fails resolution; a removed member; a member who leaves; the
 * workspace deleted and undeleted.
 */
export async function runScenario(transport: Transport): Promise<ScenarioResult> {
  const recorded = recording(transport, (_method, path) => path !== '/v1/resolve');
  const as = (sub: string, options: Parameters<typeof token>[1] = {}): SecretsClient =>
    createSecretsClient({ baseUrl: recorded.baseUrl, token: token(sub, options), fetch: recorded.fetch });
  const [alice, bob, carol, dave, executor] = [as('alice'), as('bob'), as('carol'), as('dave'), as('executor', resolveScope)];
  /** A request as it is on the wire, for the bodies no typed call would send. */
  const raw = async (method: string, path: string, body: string) => {
    const request = new Request(`${recorded.baseUrl}${path}`, {
      method,
      body,
      headers: { authorization: `Bearer ${token('alice')}`, 'content-type': 'application/json' },
    });
    const response = await recorded.fetch(request);
    return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
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
  const created = await alice.POST('/v1/workspaces', { body: { name: 'Acme' } });
  expect(created.response.status).toBe(201);
  const ws = unwrap(created).id;
  const path = { ws };
  const one = (key: string) => ({ params: { path: { ws, key } } });
  for (const [email, permission, external] of [
    ['bob@example.com', 'write', false],
    ['carol@example.com', 'read', true],
  ] as const) {
    expect((await alice.POST('/v1/workspaces/{ws}/invitations', { params: { path }, body: { email, permission, external } })).response.status).toBe(201);
  }
  for (const user of [bob, carol]) {
    const [invitation] = unwrap(await user.GET('/v1/me/invitations')).invitations;
    expect((await user.POST('/v1/invitations/{id}/accept', { params: { path: { id: invitation!.id } } })).response.status).toBe(200);
  }
  const { members } = unwrap(await carol.GET('/v1/workspaces/{ws}/members', { params: { path } }));
  expect(members.map((m) => [m.userId, m.permission, m.external]).sort()).toEqual([
    ['alice', 'admin', false],
    ['bob', 'write', false],
    ['carol', 'read', true],
  ]);

  // Workspace secrets by the admin and the write member; personal secrets with a shared key.
  expect((await alice.PUT('/v1/workspaces/{ws}/secrets/{key}', { ...one('API_KEY'), body: { value: V.apiKey } })).response.status).toBe(201);
  expect((await bob.PATCH('/v1/workspaces/{ws}/secrets', { params: { path }, body: { set: { BOB_TOKEN: V.bobToken, SHARED: V.sharedWs } } })).response.status).toBe(200);
  const personal = (key: string) => ({ params: { path: { key } } });
  expect((await alice.PUT('/v1/me/secrets/{key}', { ...personal('SHARED'), body: { value: V.sharedPersonal } })).response.status).toBe(201);
  expect((await alice.PUT('/v1/me/secrets/{key}', { ...personal('ALICE_ONLY'), body: { value: V.aliceOnly } })).response.status).toBe(201);
  expect((await bob.PUT('/v1/me/secrets/{key}', { ...personal('BOB_PERSONAL'), body: { value: V.bobPersonal } })).response.status).toBe(201);

  const list = await carol.GET('/v1/workspaces/{ws}/secrets', { params: { path } });
  const listed = liveSecrets(unwrap(list));
  expect(listed.secrets.map((s) => s.key)).toEqual(['API_KEY', 'BOB_TOKEN', 'SHARED']);
  expect(listed.secrets.every((s) => s.myRole === null)).toBe(true);
  expect(list.response.headers.get('etag')).toBe(`"${listed.revision}"`);

  // Manual runs use the clicking user's personal secrets; scheduled runs the owner's.
  const input = { url: 'https://api.example.com', headers: { Authorization: 'Bearer {{ API_KEY }}', 'X-Shared': '{{SHARED}}' } };
  const manual = await executor.POST('/v1/resolve', {
    body: { workspaceId: ws, trigger: 'manual', triggeredBy: 'bob', input: { ...input, mine: '{{BOB_PERSONAL}}' } },
  });
  expect(unwrap(manual)).toEqual({
    output: { url: input.url, headers: { Authorization: `Bearer ${V.apiKey}`, 'X-Shared': V.sharedWs }, mine: V.bobPersonal },
    references: [
      { key: 'API_KEY', scope: 'workspace', version: 1 },
      { key: 'SHARED', scope: 'workspace', version: 1 },
      { key: 'BOB_PERSONAL', scope: 'personal', version: 1 },
    ],
  });
  const scheduled = await executor.POST('/v1/resolve', {
    body: { workspaceId: ws, trigger: 'schedule', workflowOwnerId: 'alice', input: ['{{ALICE_ONLY}}', '{{BOB_PERSONAL}}'], onMissing: 'keep' },
  });
  expect(unwrap(scheduled).output).toEqual([V.aliceOnly, '{{BOB_PERSONAL}}']);

  // Each role that may not edit is refused, and nothing is written.
  const revision = async () => liveSecrets(unwrap(await alice.GET('/v1/workspaces/{ws}/secrets', { params: { path } }))).revision;
  const before = await revision();
  const status = async (call: Promise<{ response: Response }>) => (await call).response.status;
  expect(await status(carol.PUT('/v1/workspaces/{ws}/secrets/{key}', { ...one('API_KEY'), body: { value: 'x' } }))).toBe(403);
  expect(await status(carol.PATCH('/v1/workspaces/{ws}/secrets', { params: { path }, body: { set: { NEW_KEY: 'x' } } }))).toBe(403);
  expect(await status(bob.PUT('/v1/workspaces/{ws}/secrets/{key}', { ...one('API_KEY'), body: { value: 'x' } }))).toBe(403);
  expect(await status(bob.PATCH('/v1/workspaces/{ws}/secrets', { params: { path }, body: { set: { BOB_TOKEN: 'y', API_KEY: 'x' } } }))).toBe(403);
  expect(await status(dave.PUT('/v1/workspaces/{ws}/secrets/{key}', { ...one('API_KEY'), body: { value: 'x' } }))).toBe(404);
  expect(await status(dave.GET('/v1/workspaces/{ws}/secrets', { params: { path } }))).toBe(404);

  // Bad input: a 4xx naming the field, and nothing written.
  const bad = async (reply: { status: number; body?: Record<string, unknown>; headers: Headers }, expected: number, field?: string) => {
    expect(reply.status).toBe(expected);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    if (field) expect((reply.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field);
  };
  await bad(await answered(alice.PUT('/v1/workspaces/{ws}/secrets/{key}', { ...one('BAD-KEY'), body: { value: 'x' } })), 400, 'key');
  await bad(await answered(alice.PUT('/v1/workspaces/{ws}/secrets/{key}', { ...one('BIG'), body: { value: 'x'.repeat(64 * 1024 + 1) } })), 400, 'value');
  await bad(await answered(alice.PUT('/v1/workspaces/{ws}/secrets/{key}', { ...one('EMPTY'), body: { value: '' } })), 400, 'value');
  await bad(await raw('PATCH', `/v1/workspaces/${ws}/secrets`, JSON.stringify({ set: { A: 'x' }, sett: {} })), 400, 'sett');
  await bad(await raw('PATCH', `/v1/workspaces/${ws}/secrets`, '{"set": {"A": "x"'), 400);
  await bad(await answered(alice.PATCH('/v1/workspaces/{ws}/secrets', { params: { path }, body: { set: {}, delete: [] } })), 400);
  await bad(await answered(alice.PATCH('/v1/workspaces/{ws}/secrets', { params: { path }, body: { set: { A: 'x' }, delete: ['A'] } })), 400);
  const tooMany = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`K${i}`, 'v']));
  await bad(await answered(alice.PATCH('/v1/workspaces/{ws}/secrets', { params: { path }, body: { set: tooMany } })), 409);
  expect(await revision()).toBe(before);

  // A stale If-Match is refused; the current one is accepted and moves the ETag.
  const ifMatch = (tag: string) => ({ params: { path: { ws, key: 'API_KEY' }, header: { 'If-Match': tag } } });
  const current = await alice.PUT('/v1/workspaces/{ws}/secrets/{key}', { ...ifMatch(`"${before}"`), body: { value: V.rotated } });
  expect(current.response.status).toBe(200);
  expect(current.response.headers.get('etag')).toBe(`"${before + 1}"`);
  expect(await status(alice.PUT('/v1/workspaces/{ws}/secrets/{key}', { ...ifMatch(`"${before}"`), body: { value: 'x' } }))).toBe(412);

  // A deleted secret makes resolution fail, naming the key and where it was.
  expect(await status(bob.DELETE('/v1/workspaces/{ws}/secrets/{key}', one('BOB_TOKEN')))).toBe(204);
  const failed = await answered(
    executor.POST('/v1/resolve', { body: { workspaceId: ws, trigger: 'api', workflowOwnerId: 'bob', input: { step: { auth: '{{BOB_TOKEN}}' } } } }),
  );
  expect(failed.status).toBe(422);
  expect(failed.body!.missing).toEqual([{ key: 'BOB_TOKEN', path: '/step/auth', reason: 'deleted' }]);

  // A removed member loses every right at once, their personal fallback included.
  const member = (userId: string) => ({ params: { path: { ws, userId } } });
  expect(await status(alice.DELETE('/v1/workspaces/{ws}/members/{userId}', member('alice')))).toBe(409);
  expect(await status(alice.DELETE('/v1/workspaces/{ws}/members/{userId}', member('bob')))).toBe(204);
  expect(await status(bob.GET('/v1/workspaces/{ws}/secrets', { params: { path } }))).toBe(404);
  expect(await status(executor.POST('/v1/resolve', { body: { workspaceId: ws, trigger: 'manual', triggeredBy: 'bob', input: '{{API_KEY}}' } }))).toBe(403);
  const ownerGone = await answered(
    executor.POST('/v1/resolve', { body: { workspaceId: ws, trigger: 'webhook', workflowOwnerId: 'bob', input: '{{API_KEY}} {{BOB_PERSONAL}}' } }),
  );
  expect(ownerGone.status).toBe(422);
  expect((ownerGone.body!.missing as { key: string }[]).map((m) => m.key)).toEqual(['BOB_PERSONAL']);

  // Re-joining starts without the secret roles held before.
  const again = unwrap(await alice.POST('/v1/workspaces/{ws}/invitations', { params: { path }, body: { email: 'bob@example.com', permission: 'write' } }));
  expect(await status(bob.POST('/v1/invitations/{id}/accept', { params: { path: { id: again.id } } }))).toBe(200);
  expect(await status(bob.PUT('/v1/workspaces/{ws}/secrets/{key}', { ...one('SHARED'), body: { value: 'x' } }))).toBe(403);

  // Leaving, deleting and undeleting the workspace (DESIGN §9): access ends at once, and comes back whole.
  expect(await status(carol.POST('/v1/workspaces/{ws}/leave', { params: { path } }))).toBe(200);
  expect(await status(carol.GET('/v1/workspaces/{ws}/secrets', { params: { path } }))).toBe(404);
  expect(await status(alice.DELETE('/v1/workspaces/{ws}', { params: { path }, body: { confirm: 'Acme' } }))).toBe(202);
  for (const user of [alice, bob]) expect(await status(user.GET('/v1/workspaces/{ws}/secrets', { params: { path } }))).toBe(404);
  const resolveApiKey = () =>
    answered(executor.POST('/v1/resolve', { body: { workspaceId: ws, trigger: 'schedule', workflowOwnerId: 'alice', input: '{{API_KEY}}' } }));
  expect((await resolveApiKey()).status).toBe(404);
  expect(await status(alice.GET('/v1/workspaces/{ws}/audit', { params: { path, query: { type: ['WorkspaceDeleted'] } } }))).toBe(200);
  expect(await status(alice.POST('/v1/workspaces/{ws}/undelete', { params: { path } }))).toBe(200);
  expect((await resolveApiKey()).body).toMatchObject({ output: V.rotated });

  return { values: Object.values(V), nonResolveBodies: recorded.texts };
}
