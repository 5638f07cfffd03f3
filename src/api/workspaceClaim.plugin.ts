import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Forbidden } from '../errors';

/**
 * Where a route's workspace comes from, for the token `ws` claim (DESIGN §6):
 * - a function: the workspace the request acts in (undefined: none named, validation or the
 *   handler will refuse it);
 * - `'none'`: the route acts outside any workspace (`/v1/me/*`, creating a workspace), so a
 *   token limited to workspaces may not use it;
 * - `'any'`: the route answers only what the token covers by itself (lists, `/v1/me/audit`).
 * Routes whose path has `:ws` act in that workspace and `/v1/me/*` routes in none, unless they
 * say otherwise; any other route must say.
 */
export type WorkspaceOf = 'none' | 'any' | ((request: FastifyRequest) => string | undefined | Promise<string | undefined>);

declare module 'fastify' {
  interface FastifyContextConfig {
    workspaceOf?: WorkspaceOf;
  }
}

const fromParams = (request: FastifyRequest) => (request.params as { ws?: string }).ws;

function defaultFor(url: string): WorkspaceOf | undefined {
  if (url.includes('/:ws')) return fromParams;
  if (url.startsWith('/v1/me/')) return 'none';
  return undefined;
}

/**
 * The one check of the `ws` claim: a token that carries one acts only in the workspaces it
 * lists, on every route, with a 403 elsewhere, whether that workspace exists or not. It runs
 * before validation, right after authentication and the rate limits.
 */
export const workspaceClaimPlugin = fp(
  async (app) => {
    app.addHook('onRoute', (route) => {
      const workspaceOf = route.config?.workspaceOf ?? defaultFor(route.url);
      if (workspaceOf === undefined) throw new Error(`Route ${route.method} ${route.url} must say which workspace it acts in (config.workspaceOf)`);
      route.config = { ...route.config, workspaceOf };
    });
    // A callback hook: most tokens carry no claim, and they pay nothing here.
    app.addHook('preValidation', (request, _reply, done) => {
      const claimed = request.principal.workspaces;
      if (claimed === null) return done();
      const workspaceOf = request.routeOptions.config.workspaceOf!;
      if (workspaceOf === 'any') return done();
      if (workspaceOf === 'none') return done(new Forbidden('This token is limited to some workspaces and may not act outside them', 'ws_claim'));
      Promise.resolve(workspaceOf(request)).then((workspaceId) => {
        if (workspaceId !== undefined && !claimed.has(workspaceId)) done(new Forbidden('This token is limited to other workspaces', 'ws_claim'));
        else done();
      }, done);
    });
  },
  { name: 'workspace-claim', dependencies: ['auth'] },
);
