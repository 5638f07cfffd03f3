import { beforeAll, describe, expect, it } from 'vitest';
import type { Client, RequestOptions } from '../support/client';
import { useTestApp } from '../support/testService';
import { join, removeMember, type Permission } from '../support/workspaces';
import { principalNames, principals, seedWorkspace, tokenOf, VALUE, type PrincipalName } from './authz.fixture';

type Seed = Awaited<ReturnType<typeof seedWorkspace>>;
/** `after` undoes what a successful call changed that later rows rely on. */
type Request = { method: string; url: string; options?: RequestOptions; after?: (call: Client) => Promise<void> };
/** Builds the request for one caller; may first create what that call consumes. */
type Prepare = (seed: Seed, caller: PrincipalName) => Promise<Request> | Request;

const dotenv = `KEY=${VALUE}\n`;

/** How each principal is a member of the matrix workspace (seedWorkspace), to join again after leaving it. */
const membership: Partial<Record<PrincipalName, [Permission, boolean]>> = {
  writer: ['write', false],
  reader: ['read', false],
  external: ['read', true],
  secretAdmin: ['read', false],
  secretMember: ['read', false],
};
const same = { displayName: null };

/**
 * Every route of DESIGN §3, called as each principal; the status each must get.
 * Columns: admin, writer, reader, external, nonMember, secretAdmin, secretMember, otherUser, executor, auditor.
 * An `audit:read` token reads members, secret lists, details, secret members and history of the
 * workspaces it covers (DESIGN §7), never a value and never a write.
 */
const matrix: Array<[string, Prepare, number[]]> = [
  ['POST /workspaces', () => ({ method: 'POST', url: '/v1/workspaces', options: { body: { name: 'Mine' } } }), [201, 201, 201, 201, 201, 201, 201, 201, 201, 201]],
  ['GET /workspaces', () => ({ method: 'GET', url: '/v1/workspaces' }), [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['GET members', ({ ws }) => ({ method: 'GET', url: `/v1/workspaces/${ws}/members` }), [200, 200, 200, 200, 404, 200, 200, 404, 404, 200]],
  ['POST invitation', ({ ws }, who) => ({ method: 'POST', url: `/v1/workspaces/${ws}/invitations`, options: { body: { email: `from-${who}@example.com`, permission: 'read' } } }), [201, 403, 403, 403, 404, 403, 403, 404, 404, 404]],
  ['DELETE invitation', async ({ ws, freshInvitation }) => ({ method: 'DELETE', url: `/v1/workspaces/${ws}/invitations/${await freshInvitation()}` }), [204, 403, 403, 403, 404, 403, 403, 404, 404, 404]],
  ['GET /me/invitations', () => ({ method: 'GET', url: '/v1/me/invitations' }), [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['POST accept', async ({ ws, oscarInvitation }, who) => ({
    method: 'POST',
    url: `/v1/invitations/${await oscarInvitation()}/accept`,
    after: async (call) => {
      if (who === 'otherUser') await removeMember(call, ws, 'alice', 'oscar');
    },
  }), [404, 404, 404, 404, 404, 404, 404, 200, 403, 403]],
  ['PATCH member', ({ ws }) => ({ method: 'PATCH', url: `/v1/workspaces/${ws}/members/tina`, options: { body: { permission: 'write' } } }), [200, 403, 403, 403, 404, 403, 403, 404, 404, 404]],
  ['DELETE member', async ({ ws, freshMember }) => ({ method: 'DELETE', url: `/v1/workspaces/${ws}/members/${await freshMember()}` }), [204, 403, 403, 403, 404, 403, 403, 404, 404, 404]],
  ['GET secrets', ({ ws }) => ({ method: 'GET', url: `/v1/workspaces/${ws}/secrets` }), [200, 200, 200, 200, 404, 200, 200, 404, 404, 200]],
  ['PATCH secrets (edit KEY)', ({ ws }) => ({ method: 'PATCH', url: `/v1/workspaces/${ws}/secrets`, options: { body: { set: { KEY: VALUE } } } }), [200, 403, 403, 403, 404, 200, 403, 404, 404, 404]],
  ['PUT new key', ({ ws }, who) => ({ method: 'PUT', url: `/v1/workspaces/${ws}/secrets/NEW_${who}`, options: { body: { value: VALUE } } }), [201, 201, 403, 403, 404, 403, 403, 404, 404, 404]],
  ['PUT KEY', ({ ws }) => ({ method: 'PUT', url: `/v1/workspaces/${ws}/secrets/KEY`, options: { body: { value: VALUE } } }), [200, 403, 403, 403, 404, 200, 403, 404, 404, 404]],
  ['DELETE key', async ({ ws, freshKey }) => ({ method: 'DELETE', url: `/v1/workspaces/${ws}/secrets/${await freshKey()}` }), [204, 403, 403, 403, 404, 204, 403, 404, 404, 404]],
  ['POST rollback', ({ ws }) => ({ method: 'POST', url: `/v1/workspaces/${ws}/secrets/KEY/rollback`, options: { body: { version: 1 } } }), [200, 403, 403, 403, 404, 200, 403, 404, 404, 404]],
  ['GET deleted secrets', ({ ws }) => ({ method: 'GET', url: `/v1/workspaces/${ws}/secrets?deleted=true` }), [200, 403, 403, 403, 404, 403, 403, 404, 404, 403]],
  ['POST restore', async ({ ws, freshDeletedKey }) => ({ method: 'POST', url: `/v1/workspaces/${ws}/secrets/${await freshDeletedKey()}/restore` }), [200, 403, 403, 403, 404, 403, 403, 404, 404, 404]],
  ['POST destroy', async ({ ws, freshKey }) => {
    const key = await freshKey();
    return { method: 'POST', url: `/v1/workspaces/${ws}/secrets/${key}/destroy`, options: { body: { confirm: key } } };
  }, [200, 403, 403, 403, 404, 200, 403, 404, 404, 404]],
  ['POST import', ({ ws }) => ({ method: 'POST', url: `/v1/workspaces/${ws}/secrets/import`, options: { body: { dotenv } } }), [200, 403, 403, 403, 404, 200, 403, 404, 404, 404]],
  ['GET details', ({ ws }) => ({ method: 'GET', url: `/v1/workspaces/${ws}/secrets/KEY` }), [200, 200, 200, 200, 404, 200, 200, 404, 404, 200]],
  ['PATCH details', ({ ws }) => ({ method: 'PATCH', url: `/v1/workspaces/${ws}/secrets/KEY`, options: { body: same } }), [200, 403, 403, 403, 404, 200, 403, 404, 404, 404]],
  ['GET secret members', ({ ws }) => ({ method: 'GET', url: `/v1/workspaces/${ws}/secrets/KEY/members` }), [200, 403, 403, 403, 404, 200, 403, 404, 404, 200]],
  ['POST secret member', async ({ ws, freshKey }) => ({ method: 'POST', url: `/v1/workspaces/${ws}/secrets/${await freshKey()}/members`, options: { body: { email: 'tina@example.com', role: 'member' } } }), [201, 403, 403, 403, 404, 201, 403, 404, 404, 404]],
  ['PATCH secret member', async ({ ws, freshKey }) => ({ method: 'PATCH', url: `/v1/workspaces/${ws}/secrets/${await freshKey()}/members/mia`, options: { body: { role: 'admin' } } }), [200, 403, 403, 403, 404, 200, 403, 404, 404, 404]],
  ['DELETE secret member', async ({ ws, freshKey }) => ({ method: 'DELETE', url: `/v1/workspaces/${ws}/secrets/${await freshKey()}/members/mia` }), [204, 403, 403, 403, 404, 204, 403, 404, 404, 404]],
  ['POST reveal', ({ ws }) => ({ method: 'POST', url: `/v1/workspaces/${ws}/secrets/KEY/reveal` }), [200, 403, 403, 403, 404, 200, 200, 404, 404, 404]],
  ['POST bulk reveal', ({ ws }) => ({ method: 'POST', url: `/v1/workspaces/${ws}/secrets/reveal`, options: { body: { keys: ['KEY'] } } }), [200, 403, 403, 403, 404, 200, 200, 404, 404, 404]],
  ['GET history', ({ ws }) => ({ method: 'GET', url: `/v1/workspaces/${ws}/secrets/KEY/history` }), [200, 200, 200, 200, 404, 200, 200, 404, 404, 200]],
  ['POST fingerprint-check', ({ ws }) => ({ method: 'POST', url: `/v1/workspaces/${ws}/secrets/KEY/fingerprint-check`, options: { body: { value: VALUE } } }), [200, 403, 403, 403, 404, 200, 200, 404, 404, 200]],
  ['GET variables', ({ ws }) => ({ method: 'GET', url: `/v1/workspaces/${ws}/variables` }), [200, 200, 200, 200, 404, 200, 200, 404, 404, 404]],
  ['GET audit', ({ ws }) => ({ method: 'GET', url: `/v1/workspaces/${ws}/audit` }), [200, 403, 403, 403, 404, 403, 403, 404, 404, 200]],
  ['GET audit export', ({ ws }) => ({ method: 'GET', url: `/v1/workspaces/${ws}/audit/export` }), [200, 403, 403, 403, 404, 403, 403, 404, 404, 200]],
  ['POST audit verify', ({ ws }) => ({ method: 'POST', url: `/v1/workspaces/${ws}/audit/verify` }), [200, 403, 403, 403, 404, 403, 403, 404, 404, 200]],
  ['GET /audit/public-keys', () => ({ method: 'GET', url: '/v1/audit/public-keys' }), [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['GET changes', ({ ws }) => ({ method: 'GET', url: `/v1/workspaces/${ws}/secrets/changes?from=1` }), [200, 200, 200, 200, 404, 200, 200, 404, 404, 200]],
  ['GET access', ({ ws }) => ({ method: 'GET', url: `/v1/workspaces/${ws}/secrets/KEY/access` }), [200, 403, 403, 403, 404, 200, 403, 404, 404, 200]],
  ['GET secrets asOf', ({ ws }) => ({ method: 'GET', url: `/v1/workspaces/${ws}/secrets?asOf=${new Date().toISOString()}` }), [200, 200, 200, 200, 404, 200, 200, 404, 404, 200]],
  ['POST resolve', ({ ws }) => ({ method: 'POST', url: '/v1/resolve', options: { body: { workspaceId: ws, trigger: 'manual', triggeredBy: 'alice', input: '{{KEY}}' } } }), [403, 403, 403, 403, 403, 403, 403, 403, 200, 403]],
  // Personal secrets: every principal is the owner of its own.
  ['GET /me/secrets', () => ({ method: 'GET', url: '/v1/me/secrets' }), [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['PATCH /me/secrets', () => ({ method: 'PATCH', url: '/v1/me/secrets', options: { body: { set: { MINE: VALUE } } } }), [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['PUT /me/secrets/:key', () => ({ method: 'PUT', url: '/v1/me/secrets/OWN', options: { body: { value: VALUE } } }), [201, 201, 201, 201, 201, 201, 201, 201, 201, 201]],
  ['GET /me/secrets/:key', () => ({ method: 'GET', url: '/v1/me/secrets/OWN' }), [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['PATCH /me/secrets/:key', () => ({ method: 'PATCH', url: '/v1/me/secrets/OWN', options: { body: { description: 'mine' } } }), [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['POST /me reveal', () => ({ method: 'POST', url: '/v1/me/secrets/OWN/reveal' }), [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['POST /me bulk reveal', () => ({ method: 'POST', url: '/v1/me/secrets/reveal', options: { body: { keys: ['OWN'] } } }), [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['GET /me history', () => ({ method: 'GET', url: '/v1/me/secrets/OWN/history' }), [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['POST /me fingerprint-check', () => ({ method: 'POST', url: '/v1/me/secrets/OWN/fingerprint-check', options: { body: { value: VALUE } } }), [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['POST /me import', () => ({ method: 'POST', url: '/v1/me/secrets/import', options: { body: { dotenv: `IMPORTED=${VALUE}\n` } } }), [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['POST /me share', () => ({ method: 'POST', url: '/v1/me/secrets/OWN/members', options: { body: { email: 'x@example.com', role: 'member' } } }), [409, 409, 409, 409, 409, 409, 409, 409, 409, 409]],
  ['POST /me rollback', () => ({ method: 'POST', url: '/v1/me/secrets/OWN/rollback', options: { body: { version: 1 } } }), [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['DELETE /me/secrets/:key', () => ({ method: 'DELETE', url: '/v1/me/secrets/OWN' }), [204, 204, 204, 204, 204, 204, 204, 204, 204, 204]],
  ['GET /me deleted secrets', () => ({ method: 'GET', url: '/v1/me/secrets?deleted=true' }), [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['POST /me restore', () => ({ method: 'POST', url: '/v1/me/secrets/OWN/restore' }), [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['POST /me destroy', () => ({ method: 'POST', url: '/v1/me/secrets/OWN/destroy', options: { body: { confirm: 'OWN' } } }), [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['GET /me/audit', () => ({ method: 'GET', url: '/v1/me/audit' }), [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  // The lifecycle (DESIGN §9), last: each row puts the workspace back as it was for the next caller.
  ['DELETE workspace', ({ ws, restored }) => ({ method: 'DELETE', url: `/v1/workspaces/${ws}`, options: { body: { confirm: 'Matrix' } }, after: restored }), [202, 403, 403, 403, 404, 403, 403, 404, 404, 404]],
  ['POST undelete (of the deleted workspace)', async ({ ws, deleted, restored }) => {
    await deleted();
    return { method: 'POST', url: `/v1/workspaces/${ws}/undelete`, after: restored };
  }, [200, 404, 404, 404, 404, 404, 404, 404, 404, 404]],
  ['POST leave', ({ ws }, who) => ({
    method: 'POST',
    url: `/v1/workspaces/${ws}/leave`,
    after: async (call) => {
      const again = membership[who];
      if (again) await join(call, ws, 'alice', principals[who].sub, ...again);
    },
  }), [409, 200, 200, 200, 404, 200, 200, 404, 404, 404]],
];

describe('Authorisation matrix: every route, every principal (DESIGN §1, §3)', () => {
  const { call } = useTestApp();
  let seed: Seed;
  beforeAll(async () => {
    seed = await seedWorkspace(call);
  });

  it.each(matrix)('%s', async (_label, prepare, expected) => {
    const got: Record<string, number> = {};
    for (const caller of principalNames) {
      const { method, url, options, after } = await prepare(seed, caller);
      got[caller] = (await call(method, url, { ...options, token: tokenOf(caller) })).status;
      await after?.(call);
    }
    expect(got).toEqual(Object.fromEntries(principalNames.map((name, i) => [name, expected[i]])));
  });
});
