import type { FastifyRequest } from 'fastify';
import { Forbidden, NotFound } from '../errors';
import type { Views } from '../projections/queries';
import type { MemberDoc } from '../projections/views';
import { SCOPE_AUDIT } from './principal';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's membership of the route's workspace, set by the `member` and `admin` preHandlers. */
    member: MemberDoc;
    /** Set by the `reader` preHandler: the caller's membership, or null for an `audit:read` token that is no member. */
    reader: MemberDoc | null;
  }
}

/**
 * The membership checks queries share, as preHandlers for routes with `:ws`: read from the views
 * (commands read theirs from the `workspace-` stream). Non-members get the 404 that keeps a
 * workspace's existence secret.
 */
export function membershipChecks(views: Pick<Views, 'member' | 'workspace'>) {
  const member = async (request: FastifyRequest) => {
    const found = await views.member((request.params as { ws: string }).ws, request.principal.id);
    if (!found) throw new NotFound('Workspace not found', 'workspace_not_found');
    request.member = found;
  };
  const admin = async (request: FastifyRequest) => {
    await member(request);
    if (request.member.permission !== 'admin') throw new Forbidden('Only workspace admins can do this');
  };
  /** Members, and `audit:read` tokens (DESIGN §7): they read lists, details and history, never a value, never a write. */
  const reader = async (request: FastifyRequest) => {
    const workspaceId = (request.params as { ws: string }).ws;
    const found = await views.member(workspaceId, request.principal.id);
    if (found) {
      request.reader = found;
      return;
    }
    if (!request.principal.scopes.has(SCOPE_AUDIT) || !(await views.workspace(workspaceId))) throw new NotFound('Workspace not found', 'workspace_not_found');
    request.reader = null;
  };
  return { member, admin, reader };
}
