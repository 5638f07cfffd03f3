import type { FastifyRequest } from 'fastify';
import type { Actor } from '../commands/actor';
import { requestContextOf } from './requestContext';

/** Who a verified bearer token says the caller is. */
export type Principal = Readonly<{
  /** The user or service id (`sub`). */
  id: string;
  email: string | null;
  /** Whether the issuer vouches for `email`: always for HS256 tokens, `email_verified: true` for a provider's. */
  emailVerified: boolean;
  /** `local` (HS256, JWT_SECRET) or the identity provider's alias (DESIGN §10). */
  issuer: string;
  scopes: ReadonlySet<string>;
  /** The workspaces a service token is restricted to (`ws` claim); null: no restriction. */
  workspaces: ReadonlySet<string> | null;
}>;

export const SCOPE_RESOLVE = 'secrets:resolve';
export const SCOPE_AUDIT = 'audit:read';

/** Whether the token's `ws` claim (if it has one) lets it act in this workspace. */
export function tokenCovers(principal: Principal, workspaceId: string): boolean {
  return principal.workspaces === null || principal.workspaces.has(workspaceId);
}

/** The caller as commands see it: who (from the token) and the request it came with. */
export function actorOf(request: FastifyRequest): Actor {
  return { userId: request.principal.id, email: request.principal.email, request: requestContextOf(request) };
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
}
