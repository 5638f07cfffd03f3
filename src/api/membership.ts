import type { FastifyRequest } from 'fastify';
import { Forbidden, NotFound } from '../errors';
import type { Views } from '../projections/queries';
import type { MemberDoc } from '../projections/views';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's membership of the route's workspace, set by the `member` and `admin` preHandlers. */
    member: MemberDoc;
  }
}

/**
 * The membership checks queries share, as preHandlers for routes with `:ws`: read from the views
 * (commands read theirs from the `workspace-` stream). Non-members get the 404 that keeps a
 * workspace's existence secret.
 */
export function membershipChecks(views: Pick<Views, 'member'>) {
  const member = async (request: FastifyRequest) => {
    const found = await views.member((request.params as { ws: string }).ws, request.principal.id);
    if (!found) throw new NotFound('Workspace not found', 'workspace_not_found');
    request.member = found;
  };
  const admin = async (request: FastifyRequest) => {
    await member(request);
    if (request.member.permission !== 'admin') throw new Forbidden('Only workspace admins can do this');
  };
  return { member, admin };
}
