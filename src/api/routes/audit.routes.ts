import { Readable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ExportRecord } from '../../commands/auditExports';
import { Forbidden, NotFound } from '../../errors';
import { eventTypes, type EventType } from '../../events/streams';
import { owners } from '../../projections/owners';
import { AUDIT_SCAN_ROWS, AUDIT_SCAN_STEP, uncharged, type AuditFilters, type AuditOwners } from '../../projections/queries';
import type { ShownAuditDoc } from '../../projections/personalDataReader';
import type { App, AppDeps } from '../deps';
import { actorOf, SCOPE_AUDIT, tokenCovers, type Principal } from '../principal';
import { streamedAs } from '../openapi/ndjsonLines';
import { chargedByRows, chargeForRows } from '../readCharges';
import { idSchema, orderParam, positionSchema, problemSchema, workspaceParams } from '../schemas';

export const NDJSON = 'application/x-ndjson';
const EXPORT_PAGE = 500;

const eventType = z.enum(eventTypes as [EventType, ...EventType[]]);

/** `type=A&type=B` or `type=A,B`: each one of the event types (an enum in /docs). */
const typesParam = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => [...new Set([value].flat().flatMap((part) => part.split(',')).map((part) => part.trim()))])
  .pipe(z.array(eventType).min(1).max(eventTypes.length))
  // Documented as what it accepts: one type, repeated, or (not shown) several comma-separated.
  .meta({ anyOf: [{ type: 'string', enum: eventTypes }, { type: 'array', items: { type: 'string', enum: eventTypes } }] });

/** RFC 3339 with any offset (`Z`, `+02:00`); compared in UTC. */
const instant = z.iso.datetime({ offset: true });

const auditQuery = z.strictObject({
  from: instant.optional(),
  to: instant.optional(),
  actor: z.string().min(1).max(256).optional(),
  key: z.string().min(1).max(256).optional(),
  type: typesParam.optional(),
  runId: z.string().min(1).max(128).optional(),
  order: orderParam,
  cursor: positionSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  minPosition: positionSchema.optional(),
});
type AuditQuery = z.infer<typeof auditQuery>;

const auditEntry = z.object({
  position: z.string(),
  type: eventType,
  actor: z.string(),
  at: z.string(),
  stream: z.string(),
  key: z.string().nullable(),
  version: z.number().int().nullable(),
  fingerprint: z.string().nullable(),
  subject: z.record(z.string(), z.unknown()).nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  runId: z.string().nullable(),
  request: z
    .object({ requestId: z.string(), clientRequestId: z.string().optional(), clientAddress: z.string().optional(), peerAddress: z.string().optional() })
    .nullable(),
});

const auditPage = z.object({ entries: z.array(auditEntry), nextCursor: positionSchema.nullable() }).meta(streamedAs(auditEntry));

/**
 * Audit times are stored as `Date#toISOString()` text and compared as text, so a bound is put in
 * that form first (UTC, milliseconds): `…T09:00:00+02:00` must include an event at
 * `…T07:00:00.000Z`. Digits finer than a millisecond round a lower bound up, so it never
 * includes an earlier event.
 */
function timeBound(iso: string | undefined, side: 'from' | 'to'): string | undefined {
  if (iso === undefined) return undefined;
  const finer = /\.\d{3}(\d*)/.exec(iso)?.[1] ?? '';
  return new Date(Date.parse(iso) + (side === 'from' && /[1-9]/.test(finer) ? 1 : 0)).toISOString();
}

function entry({ owner: _owner, scope: _scope, ...rest }: ShownAuditDoc) {
  return rest;
}

function filtersOf(query: AuditQuery): AuditFilters {
  const { from, to, actor, key, type, runId } = query;
  return { from: timeBound(from, 'from'), to: timeBound(to, 'to'), actor, key, types: type, runId };
}

type AuditDeps = Pick<AppDeps, 'views' | 'auditExports'>;

/**
 * A page of entries as JSON, or with `Accept: application/x-ndjson` every match streamed, one
 * entry per line, page by page from the cursor on. An export (the NDJSON stream) is itself on the
 * record once it ends (or breaks off): it shows in the next export, never in its own, so an export
 * equals the pages read just before it.
 */
async function answer(deps: AuditDeps, request: FastifyRequest, query: AuditQuery, reply: FastifyReply, whose: AuditOwners, recordTo: ExportRecord) {
  const { cursor, limit, order } = query;
  const filters = filtersOf(query);
  if (request.headers.accept?.includes(NDJSON)) {
    // An export reads every match, page after page (a busy workspace has millions of rows): it
    // spends the budget of the reads of a whole history, before a line is sent (README, "Rate limits").
    await request.spend('verify');
    const exporter = actorOf(request);
    async function* lines() {
      try {
        for (let after: string | null | undefined = cursor; after !== null; ) {
          const page = await deps.views.auditPage(whose, filters, after, EXPORT_PAGE, order, uncharged);
          for (const doc of page.entries) yield `${JSON.stringify(entry(doc))}\n`;
          after = page.nextAfter;
          // SQLite answers each page synchronously, and a filtered export may read many pages
          // that match nothing: the process serves others between two of them.
          await setImmediate();
        }
      } finally {
        await deps.auditExports.record(exporter, recordTo, exportedFilters(query));
      }
    }
    return reply.type(NDJSON).send(Readable.from(lines()));
  }
  // A page examines a bounded number of rows (AUDIT_SCAN_ROWS): it may hold fewer entries than
  // asked, even none, and still have a nextCursor; null means nothing more matches. It pays for
  // the entries it asks for, and for each further step of the rows it examines, before it reads
  // them (src/api/readCharges.ts).
  const page = await deps.views.auditPage(whose, filters, cursor, limit, order, chargeForRows(request));
  return { entries: page.entries.map(entry), nextCursor: page.nextAfter };
}

function exportedFilters(query: AuditQuery): Record<string, string | string[]> {
  const { limit: _limit, minPosition: _minPosition, ...filters } = query;
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as Record<string, string | string[]>;
}

/**
 * Workspace admins read their workspace's audit; `audit:read` tokens any they cover (their `ws`
 * claim was checked). A deleted workspace's audit stays readable (DESIGN §9): by its admins at
 * the time of the deletion, and by `audit:read` tokens.
 */
export async function requireAuditReader(deps: Pick<AppDeps, 'views'>, principal: Principal, workspaceId: string) {
  const member = await deps.views.memberIncludingDeleted(workspaceId, principal.id);
  if (member?.permission === 'admin') return;
  if (principal.scopes.has(SCOPE_AUDIT)) {
    if (await deps.views.workspaceIncludingDeleted(workspaceId)) return;
    throw new NotFound('Workspace not found', 'workspace_not_found');
  }
  // A former member who was no admin: the workspace is gone for them, as for anyone.
  if (!member || !(await deps.views.workspace(workspaceId))) throw new NotFound('Workspace not found', 'workspace_not_found');
  throw new Forbidden(`Reading the audit needs workspace admin or the ${SCOPE_AUDIT} scope`);
}

function requireAuditScope(principal: Principal) {
  if (!principal.scopes.has(SCOPE_AUDIT)) throw new Forbidden(`Reading the audit of every workspace needs the ${SCOPE_AUDIT} scope`);
}

/** The workspaces an `audit:read` token covers: those its claim lists and that exist (deleted or not), or every workspace. */
async function coveredWorkspaces(deps: Pick<AppDeps, 'views'>, principal: Principal): Promise<AuditOwners & { claimed: readonly string[] | null }> {
  if (principal.workspaces === null) return { scope: 'workspace', claimed: null };
  const existing: string[] = [];
  for (const workspaceId of principal.workspaces) if (await deps.views.workspaceIncludingDeleted(workspaceId)) existing.push(workspaceId);
  return { owners: existing.map(owners.workspace), claimed: existing };
}

export function auditRoutes(app: App, deps: AuditDeps) {
  const tags = ['audit'];
  const description =
    `Filters: from, to (RFC 3339, any offset), actor, key (also the keys a resolution used or missed), type (repeatable or comma-separated), runId; ` +
    `order=asc|desc; pages with cursor and limit (a page examines at most ${AUDIT_SCAN_ROWS.toLocaleString('en')} rows, ${AUDIT_SCAN_STEP.toLocaleString('en')} at a time: a filtered page, or one over several workspaces, may hold fewer entries than limit, even none, and still have a nextCursor; follow it until null). Accept: ${NDJSON} streams every match (an export: recorded, and rate-limited per principal with verifications). An unknown parameter or type is a 400. ` +
    chargedByRows(`the \`limit\` a page asks for, and one more for each further ${AUDIT_SCAN_STEP.toLocaleString('en')} rows a filtered page examines (a page whose budget refuses one ends there, short, with a nextCursor; an export is charged as a verification)`);

  app.get(
    '/workspaces/:ws/audit',
    {
      schema: {
        tags,
        summary: "The workspace's audit history: membership, secret, access and resolution records (admins, audit:read)",
        description,
        params: workspaceParams,
        querystring: auditQuery,
        response: { 200: auditPage, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const { ws } = request.params;
      await requireAuditReader(deps, request.principal, ws);
      return answer(deps, request, request.query, reply, { owners: [owners.workspace(ws)] }, { workspaces: [ws] });
    },
  );

  app.get(
    '/me/audit',
    { config: { workspaceOf: 'any' }, schema: { tags, summary: 'The audit history of my personal secrets', description, querystring: auditQuery, response: { 200: auditPage, 409: problemSchema } } },
    async (request, reply) => answer(deps, request, request.query, reply, { owners: [owners.user(request.principal.id)] }, { user: request.principal.id }),
  );

  app.get(
    '/audit',
    {
      config: { workspaceOf: 'any' },
      schema: { tags, summary: 'The audit of every workspace an audit:read token covers, in log order', description, querystring: auditQuery, response: { 200: auditPage, 409: problemSchema } },
    },
    async (request, reply) => {
      requireAuditScope(request.principal);
      const covered = await coveredWorkspaces(deps, request.principal);
      // An export of every workspace is recorded in the reader's own record; of some, in each.
      return answer(deps, request, request.query, reply, covered, covered.claimed ? { workspaces: covered.claimed } : { user: request.principal.id });
    },
  );

  app.get(
    '/audit/workspaces',
    {
      config: { workspaceOf: 'any' },
      schema: {
        tags,
        summary: 'The workspaces an audit:read token covers (paged by id), deleted ones included (with deletedAt)',
        description: chargedByRows('the `limit` a page asks for'),
        querystring: z.strictObject({ cursor: idSchema.optional(), limit: z.coerce.number().int().min(1).max(1000).default(100), minPosition: positionSchema.optional() }),
        response: {
          200: z.object({
            workspaces: z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.string(), deletedAt: z.string().nullable() })),
            nextCursor: z.string().nullable(),
          }),
          409: problemSchema,
        },
      },
    },
    async (request) => {
      requireAuditScope(request.principal);
      const { cursor, limit } = request.query;
      const page = await deps.views.workspacesPage(cursor, limit, request.principal.workspaces, chargeForRows(request));
      const workspaces = page.filter((w) => tokenCovers(request.principal, w.workspaceId)).map((w) => ({ id: w.workspaceId, name: w.name, createdAt: w.createdAt, deletedAt: w.deletedAt ?? null }));
      return { workspaces, nextCursor: page.length === limit ? page[page.length - 1]!.workspaceId : null };
    },
  );
}
