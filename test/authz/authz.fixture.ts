import { expect } from 'vitest';
import type { Client } from '../support/client';
import { token } from '../support/testService';

/** The callers of the matrix: every standing DESIGN §1 and §3 distinguish. */
export const principals = {
  admin: { sub: 'alice' },
  writer: { sub: 'bob' },
  reader: { sub: 'carol' },
  external: { sub: 'erin' },
  nonMember: { sub: 'dave' },
  secretAdmin: { sub: 'sam' },
  secretMember: { sub: 'mia' },
  otherUser: { sub: 'oscar' },
  executor: { sub: 'svc_exec', scope: 'secrets:resolve', email: null },
  auditor: { sub: 'svc_audit', scope: 'audit:read', email: null },
} as const;

export type PrincipalName = keyof typeof principals;
export const principalNames = Object.keys(principals) as PrincipalName[];

export function tokenOf(name: PrincipalName): string {
  const p = principals[name] as { sub: string; scope?: string; email?: null };
  return token(p.sub, { scope: p.scope, email: p.email });
}

export const VALUE = 'matrix-value-0f3c9a';

/**
 * A workspace where alice is admin, bob write, carol read, erin external read, sam (read) the
 * Admin and mia (read) the Member of KEY; tina (write) is a spare member; oscar is invited.
 */
export async function seedWorkspace(call: Client) {
  const as = (name: PrincipalName | 'tina') => (name === 'tina' ? token('tina') : tokenOf(name));
  const ok = async (method: string, url: string, body?: unknown, who: PrincipalName | 'tina' = 'admin') => {
    const reply = await call(method, url, { token: as(who), body });
    expect(reply.status, `${method} ${url} as ${who}: ${reply.text}`).toBeLessThan(300);
    return reply.body as Record<string, unknown>;
  };
  const ws = (await ok('POST', '/v1/workspaces', { name: 'Matrix' })).id as string;
  const join = async (who: PrincipalName | 'tina', permission: string, external = false) => {
    const { id } = await ok('POST', `/v1/workspaces/${ws}/invitations`, { email: `${who === 'tina' ? 'tina' : principals[who as PrincipalName].sub}@example.com`, permission, external });
    await ok('POST', `/v1/invitations/${id as string}/accept`, undefined, who);
  };
  await join('writer', 'write');
  await join('reader', 'read');
  await join('external', 'read', true);
  await join('secretAdmin', 'read');
  await join('secretMember', 'read');
  await join('tina', 'write');
  await ok('POST', `/v1/workspaces/${ws}/invitations`, { email: 'oscar@example.com', permission: 'read' });

  let n = 0;
  /** A fresh key shared like KEY: sam its Admin, mia its Member. */
  const freshKey = async () => {
    n += 1;
    const key = `KEY_${n}`;
    await ok('PUT', `/v1/workspaces/${ws}/secrets/${key}`, { value: VALUE });
    await ok('POST', `/v1/workspaces/${ws}/secrets/${key}/members`, { email: 'sam@example.com', role: 'admin' });
    await ok('POST', `/v1/workspaces/${ws}/secrets/${key}/members`, { email: 'mia@example.com', role: 'member' });
    return key;
  };
  await ok('PUT', `/v1/workspaces/${ws}/secrets/KEY`, { value: VALUE });
  await ok('POST', `/v1/workspaces/${ws}/secrets/KEY/members`, { email: 'sam@example.com', role: 'admin' });
  await ok('POST', `/v1/workspaces/${ws}/secrets/KEY/members`, { email: 'mia@example.com', role: 'member' });
  const oscarInvitation = async () => {
    const invitations = (await call('GET', '/v1/me/invitations', { token: tokenOf('otherUser') })).body as { invitations: { id: string }[] };
    if (invitations.invitations[0]) return invitations.invitations[0].id;
    return (await ok('POST', `/v1/workspaces/${ws}/invitations`, { email: 'oscar@example.com', permission: 'read' })).id as string;
  };
  /** A fresh member to remove. */
  const freshMember = async () => {
    n += 1;
    const sub = `temp${n}`;
    const { id } = await ok('POST', `/v1/workspaces/${ws}/invitations`, { email: `${sub}@example.com`, permission: 'read' });
    expect((await call('POST', `/v1/invitations/${id as string}/accept`, { token: token(sub) })).status).toBe(200);
    return sub;
  };
  const freshInvitation = async () => {
    n += 1;
    return (await ok('POST', `/v1/workspaces/${ws}/invitations`, { email: `invitee${n}@example.com`, permission: 'read' })).id as string;
  };
  return { ws, freshKey, freshMember, freshInvitation, oscarInvitation, ok };
}
