import { Forbidden, NotFound } from '../errors';
import type { MemberDoc } from '../projections/views';
import type { Views } from '../projections/queries';
import type { Principal } from './principal';

/**
 * The caller's membership, from the views, for queries. Non-members get the 404 that keeps a
 * workspace's existence secret.
 */
export async function requireMembership(views: Views, principal: Principal, workspaceId: string): Promise<MemberDoc> {
  const member = await views.member(workspaceId, principal.id);
  if (!member) throw new NotFound('Workspace not found', 'workspace_not_found');
  return member;
}

export async function requireWorkspaceAdmin(views: Views, principal: Principal, workspaceId: string): Promise<MemberDoc> {
  const member = await requireMembership(views, principal, workspaceId);
  if (member.permission !== 'admin') throw new Forbidden('Only workspace admins can do this');
  return member;
}
