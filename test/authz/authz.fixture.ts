import type { Client } from '../support/client';
import { token } from '../support/testService';
import { as, createWorkspace, join, must, setWorkspaceSecret } from '../support/workspaces';

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
  const admin = 'alice';
  const ws = await createWorkspace(call, admin, 'Matrix');
  const invite = async (email: string) =>
    (await must<{ id: string }>(call, 'POST', `/v1/workspaces/${ws}/invitations`, { ...as(admin), body: { email, permission: 'read' } })).id;
  await join(call, ws, admin, 'bob', 'write');
  await join(call, ws, admin, 'carol', 'read');
  await join(call, ws, admin, 'erin', 'read', true);
  await join(call, ws, admin, 'sam', 'read');
  await join(call, ws, admin, 'mia', 'read');
  await join(call, ws, admin, 'tina', 'write');
  await invite('oscar@example.com');

  /** Sets a key and shares it like KEY: sam its Admin, mia its Member. */
  const sharedKey = async (key: string) => {
    await setWorkspaceSecret(call, ws, admin, key, VALUE);
    await must(call, 'POST', `/v1/workspaces/${ws}/secrets/${key}/members`, { ...as(admin), body: { email: 'sam@example.com', role: 'admin' } });
    await must(call, 'POST', `/v1/workspaces/${ws}/secrets/${key}/members`, { ...as(admin), body: { email: 'mia@example.com', role: 'member' } });
    return key;
  };
  await sharedKey('KEY');
  let n = 0;
  /** A fresh key shared like KEY. */
  const freshKey = () => sharedKey(`KEY_${(n += 1)}`);
  const oscarInvitation = async () => {
    const invitations = (await call('GET', '/v1/me/invitations', { token: tokenOf('otherUser') })).body as { invitations: { id: string }[] };
    if (invitations.invitations[0]) return invitations.invitations[0].id;
    return invite('oscar@example.com');
  };
  /** A fresh member to remove. */
  const freshMember = async () => {
    const sub = `temp${(n += 1)}`;
    await join(call, ws, admin, sub, 'read');
    return sub;
  };
  const freshInvitation = () => invite(`invitee${(n += 1)}@example.com`);
  /** A fresh key shared like KEY, deleted by the admin: one to restore. */
  const freshDeletedKey = async () => {
    const key = await freshKey();
    await must(call, 'DELETE', `/v1/workspaces/${ws}/secrets/${key}`, as(admin));
    return key;
  };
  /** Deletes the workspace (as its admin), for a call on a deleted workspace. */
  const deleted = () => must(call, 'DELETE', `/v1/workspaces/${ws}`, { ...as(admin), body: { confirm: 'Matrix' } });
  /** Undeletes the workspace if it is deleted, so the next rows find it as before. */
  const restored = async (again: Client) => {
    const reply = await again('POST', `/v1/workspaces/${ws}/undelete`, as(admin));
    if (reply.status !== 200 && reply.status !== 409) throw new Error(`could not undelete the matrix workspace: ${reply.text}`);
  };
  return { ws, freshKey, freshDeletedKey, freshMember, freshInvitation, oscarInvitation, deleted, restored };
}
