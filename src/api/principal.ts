import type { Actor } from '../commands/actor';

/** Who a verified bearer token says the caller is. */
export type Principal = Readonly<{
  /** The user or service id (`sub`). */
  id: string;
  email: string | null;
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

export function actorOf(principal: Principal): Actor {
  return { userId: principal.id, email: principal.email };
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
}
