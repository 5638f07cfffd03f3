import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Forbidden, NotFound } from '../../errors';
import { owners } from '../../projections/owners';
import type { AuditFilters } from '../../projections/queries';
import type { AuditDoc } from '../../projections/views';
import type { App, AppDeps } from '../deps';
import { SCOPE_AUDIT, type Principal } from '../principal';
import { positionSchema, workspaceParams } from '../schemas';

const NDJSON = 'application/x-ndjson';
const EXPORT_PAGE = 500;

const auditQuery = z.object({
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  actor: z.string().min(1).max(256).optional(),
  key: z.string().min(1).max(256).optional(),
  type: z.string().min(1).max(64).optional(),
  cursor: positionSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  minPosition: positionSchema.optional(),
});

const auditEntry = z.object({
  position: z.string(),
  type: z.string(),
  actor: z.string(),
  at: z.string(),
  stream: z.string(),
  key: z.string().nullable(),
  version: z.number().int().nullable(),
  fingerprint: z.string().nullable(),
  subject: z.record(z.string(), z.unknown()).nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

const auditPage = z.object({ entries: z.array(auditEntry), nextCursor: positionSchema.nullable() });

/**
 * Audit times are stored as `Date#toISOString()` text and compared as text, so a bound is put in
 * that form first: `…T09:00:00Z` must include an event at `…T09:00:00.000Z`. Digits finer than a
 * millisecond round a lower bound up, so it never includes an earlier event.
 */
function timeBound(iso: string | undefined, side: 'from' | 'to'): string | undefined {
  if (iso === undefined) return undefined;
  const finer = /\.\d{3}(\d*)/.exec(iso)?.[1] ?? '';
  return new Date(Date.parse(iso) + (side === 'from' && /[1-9]/.test(finer) ? 1 : 0)).toISOString();
}

function entry({ owner: _owner, ...rest }: AuditDoc) {
  return rest;
}

/**
 * A page of entries as JSON, or with `Accept: application/x-ndjson` every match streamed, one
 * entry per line, page by page from the cursor on.
 */
async function answer(deps: Pick<AppDeps, 'views'>, request: FastifyRequest, query: z.infer<typeof auditQuery>, reply: FastifyReply, owner: string) {
  const { cursor, limit, from, to, actor, key, type } = query;
  const filters: AuditFilters = { from: timeBound(from, 'from'), to: timeBound(to, 'to'), actor, key, type };
  if (request.headers.accept?.includes(NDJSON)) {
    async function* lines() {
      let after = cursor;
      for (;;) {
        const page = await deps.views.auditPage(owner, filters, after, EXPORT_PAGE);
        for (const doc of page) yield `${JSON.stringify(entry(doc))}\n`;
        if (page.length < EXPORT_PAGE) return;
        after = page[page.length - 1]!.position;
      }
    }
    return reply.type(NDJSON).send(Readable.from(lines()));
  }
  const page = await deps.views.auditPage(owner, filters, cursor, limit);
  return { entries: page.map(entry), nextCursor: page.length === limit ? page[page.length - 1]!.position : null };
}

/** Workspace admins read their workspace's audit; `audit:read` tokens any they are allowed. */
async function requireAuditReader(deps: Pick<AppDeps, 'views'>, principal: Principal, workspaceId: string) {
  const member = await deps.views.member(workspaceId, principal.id);
  if (member?.permission === 'admin') return;
  if (principal.scopes.has(SCOPE_AUDIT)) {
    if (await deps.views.workspace(workspaceId)) return;
    throw new NotFound('Workspace not found', 'workspace_not_found');
  }
  if (!member) throw new NotFound('Workspace not found', 'workspace_not_found');
  throw new Forbidden(`Reading the audit needs workspace admin or the ${SCOPE_AUDIT} scope`);
}

export function auditRoutes(app: App, deps: Pick<AppDeps, 'views'>) {
  const tags = ['audit'];
  const description = `Filters: from, to (ISO times), actor, key, type. Pages with cursor and limit; Accept: ${NDJSON} streams every match.`;

  app.get(
    '/workspaces/:ws/audit',
    {
      schema: {
        tags,
        summary: "The workspace's audit history: membership, secret and access events (admins, audit:read)",
        description,
        params: workspaceParams,
        querystring: auditQuery,
        response: { 200: auditPage },
      },
    },
    async (request, reply) => {
      await requireAuditReader(deps, request.principal, request.params.ws);
      return answer(deps, request, request.query, reply, owners.workspace(request.params.ws));
    },
  );

  app.get(
    '/me/audit',
    { config: { workspaceOf: 'any' }, schema: { tags, summary: 'The audit history of my personal secrets', description, querystring: auditQuery, response: { 200: auditPage } } },
    async (request, reply) => answer(deps, request, request.query, reply, owners.user(request.principal.id)),
  );
}
