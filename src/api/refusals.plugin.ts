import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Refusals } from '../commands/refusals';
import type { RefusalReason } from '../events/records.events';
import { requestContextOf } from './requestContext';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The routes that reach values, whose refusals go on the record (reveal, fingerprint check, resolve). */
    refusalRoute?: string;
  }
}

/** What a problem's code says about why a value was refused. */
const reasonByCode: Readonly<Record<string, RefusalReason>> = {
  ws_claim: 'ws_claim',
  workspace_not_found: 'not_member',
  not_a_member: 'not_member',
  secret_not_found: 'unknown_key',
  destroyed: 'destroyed',
};

function reasonOf(status: number, code: string | null): RefusalReason | null {
  if (status !== 403 && status !== 404 && status !== 410) return null;
  const named = code === null ? undefined : reasonByCode[code];
  return named ?? (status === 403 ? 'forbidden' : null);
}

function workspaceOf(request: FastifyRequest): string | undefined {
  const fromPath = (request.params as { ws?: unknown } | undefined)?.ws;
  const fromBody = (request.body as { workspaceId?: unknown } | undefined)?.workspaceId;
  const workspaceId = fromPath ?? fromBody;
  return typeof workspaceId === 'string' ? workspaceId : undefined;
}

/**
 * Notes each refusal of a route that reaches values, after the answer went out (DESIGN §7):
 * 403, 404 or 410 to an authenticated principal, in a workspace. Refusals merges and records them.
 */
export const refusalsPlugin = fp<{ refusals: Pick<Refusals, 'note'> }>(
  async (app, { refusals }) => {
    const note = (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      const route = request.routeOptions.config.refusalRoute;
      if (route !== undefined && request.principal) {
        const reason = reasonOf(reply.statusCode, request.problemCode);
        const workspaceId = workspaceOf(request);
        if (reason && workspaceId !== undefined) {
          const key = (request.params as { key?: unknown }).key;
          refusals.note({
            principal: request.principal.id,
            workspaceId,
            route,
            reason,
            ...(typeof key === 'string' ? { key } : {}),
            request: requestContextOf(request),
          });
        }
      }
      done();
    };
    // Only the routes that reach values get the hook: the rest pay nothing for it.
    app.addHook('onRoute', (route) => {
      if (route.config?.refusalRoute !== undefined) route.onResponse = [...[route.onResponse ?? []].flat(), note];
    });
  },
  { name: 'refusals' },
);
