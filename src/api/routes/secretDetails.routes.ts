import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { effectiveSecretRole } from '../../commands/secretRights';
import { Forbidden, NotFound, RuleViolation } from '../../errors';
import { streamIds } from '../../events/streams';
import { owners } from '../../projections/owners';
import type { ShownMember } from '../../projections/personalDataReader';
import type { MemberDoc, SecretDoc } from '../../projections/views';
import type { AsOf } from '../../stores/readStore.port';
import { ifMatch } from '../consistency';
import type { App, AppDeps } from '../deps';
import { membershipChecks } from '../membership';
import { actorOf } from '../principal';
import { chargedByRows, chargeForRows } from '../readCharges';
import { listItem } from '../secretResponses';
import {
  asOfQuery,
  detailsBody,
  momentSchema,
  historyDescription,
  historyQuery,
  historyResult,
  type HistoryQuery,
  keyParams,
  noContent,
  problemSchema,
  secretListItem,
  secretRoleSchema,
  workspaceKeyParams,
  writeResult,
} from '../schemas';

const memberParams = workspaceKeyParams.extend({ userId: z.string().min(1).max(256) });
const sharedWith = z.object({
  userId: z.string(),
  email: z.string().nullable(),
  role: secretRoleSchema,
  /** `workspace`: a workspace admin, Admin of every secret; `explicit`: shared on this secret. */
  source: z.enum(['workspace', 'explicit']),
});
const shareResult = writeResult.extend({ userId: z.string(), role: secretRoleSchema });

/**
 * A page of a secret's versions. A page after the last version is empty; only a secret without
 * any version is a 404.
 */
async function historyAnswer(request: FastifyRequest, views: AppDeps['views'], owner: string, key: string, query: HistoryQuery) {
  const after = query.cursor === undefined ? undefined : Number(query.cursor);
  const page = await views.historyPage(owner, key, after, query.limit, query.order, chargeForRows(request));
  if (page.versions.length === 0 && (after === undefined || !(await views.hasHistory(owner, key)))) throw new NotFound(`Secret ${key} not found`, 'secret_not_found');
  // Versions recorded before they kept these fields have neither (the views are rebuilt on upgrade).
  const versions = page.versions.map(({ version, at, actor, fingerprint, destroyed, rollbackOf }) => ({ version, at, actor, fingerprint, destroyed: destroyed === true, rollbackOf: rollbackOf ?? null }));
  return { key, versions, nextCursor: page.nextAfter === null ? null : String(page.nextAfter) };
}

/**
 * Who holds a role on a secret: every workspace admin (Admin of every secret), then its explicit
 * roles, counted only while their holder is an active member (DESIGN §1).
 */
function rolesOn(secret: SecretDoc, members: readonly ShownMember[]) {
  const workspaceMembers = new Map(members.map((m) => [m.userId, m]));
  const admins = members.filter((m) => m.permission === 'admin');
  return [
    ...admins.map((m) => ({ userId: m.userId, email: m.email, role: 'admin' as const, source: 'workspace' as const })),
    ...secret.members
      .filter((m) => workspaceMembers.has(m.userId) && workspaceMembers.get(m.userId)!.permission !== 'admin')
      .map((m) => ({ userId: m.userId, email: workspaceMembers.get(m.userId)!.email, role: m.role, source: 'explicit' as const })),
  ];
}

/** A secret's detail view, its history, and sharing (workspace secrets only). */
export function secretDetailsRoutes(app: App, deps: Pick<AppDeps, 'views' | 'past' | 'secrets'>) {
  const { reader } = membershipChecks(deps.views);
  /** The caller's role on a secret: theirs as a member; none for an auditor who is no member. */
  const roleOn = (secret: SecretDoc, member: MemberDoc | null) => (member ? effectiveSecretRole(member.permission, explicitRole(secret, member.userId)) : null);
  const tags = ['workspace secrets'];

  async function workspaceSecret(ws: string, key: string) {
    const secret = await deps.views.workspaceSecret(ws, key);
    if (!secret) throw new NotFound(`Secret ${key} not found`, 'secret_not_found');
    return secret;
  }
  const explicitRole = (secret: SecretDoc, userId: string) => secret.members.find((m) => m.userId === userId)?.role;

  /** The secret as it was at a moment, and the moment; a 404 when it did not exist then. */
  async function pastSecret(ws: string, key: string, asOf: AsOf) {
    const { asOf: moment, secret } = await deps.past.workspaceSecret(ws, key, await deps.past.checked(asOf));
    if (!secret) throw new NotFound(`Secret ${key} did not exist at that moment`, 'secret_not_found');
    return { moment, secret };
  }

  app.get(
    '/workspaces/:ws/secrets/:key',
    {
      preHandler: reader,
      schema: {
        tags,
        summary: "A secret's details (never its value; members, audit:read); `asOf`: as they were then, without an ETag",
        params: workspaceKeyParams,
        querystring: asOfQuery,
        response: { 200: secretListItem.extend({ asOf: momentSchema.optional() }) },
      },
    },
    async (request, reply) => {
      const { ws, key } = request.params;
      const { asOf } = request.query;
      if (asOf) {
        const { moment, secret } = await pastSecret(ws, key, asOf);
        const [shown] = await deps.views.secretsShown('workspace', [secret]);
        return { ...listItem(shown!, roleOn(secret, request.reader)), asOf: moment };
      }
      // Revision first: a details change landing in between makes the ETag stale, never the details.
      reply.header('etag', `"${await deps.views.scopeRevision(streamIds.workspaceSecrets(ws))}"`);
      const secret = await workspaceSecret(ws, key);
      const [shown] = await deps.views.secretsShown('workspace', [secret]);
      return listItem(shown!, roleOn(secret, request.reader));
    },
  );

  app.patch(
    '/workspaces/:ws/secrets/:key',
    { schema: { tags, summary: 'Change displayName and description (secret admins)', params: workspaceKeyParams, body: detailsBody, response: { 200: writeResult } } },
    async (request, reply) => {
      const { ws, key } = request.params;
      return reply.written(await deps.secrets.changeWorkspaceDetails(actorOf(request), ws, key, request.body, ifMatch(request)));
    },
  );

  app.get(
    '/workspaces/:ws/secrets/:key/history',
    {
      preHandler: reader,
      schema: { tags, summary: 'Every version: who set it, when, its fingerprint, a page at a time (members, audit:read)', description: historyDescription, params: workspaceKeyParams, querystring: historyQuery, response: { 200: historyResult, 409: problemSchema } },
    },
    async (request) => {
      const { ws, key } = request.params;
      return historyAnswer(request, deps.views, owners.workspace(ws), key, request.query);
    },
  );

  app.get(
    '/workspaces/:ws/secrets/:key/members',
    {
      preHandler: reader,
      schema: {
        tags,
        summary: 'Who holds a role on the secret (secret admins, audit:read); `asOf`: who held one then',
        description: chargedByRows("the workspace's members (it goes through them all for its admins); with `asOf`, of every member the workspace ever had"),
        params: workspaceKeyParams,
        querystring: asOfQuery,
        response: { 200: z.object({ members: z.array(sharedWith), asOf: momentSchema.optional() }), 409: problemSchema },
      },
    },
    async (request) => {
      const { ws, key } = request.params;
      const { asOf } = request.query;
      const { reader: member } = request;
      const current = await deps.views.workspaceSecret(ws, key);
      const past = asOf ? await pastSecret(ws, key, asOf) : null;
      const secret = past?.secret ?? current;
      if (!secret) throw new NotFound(`Secret ${key} not found`, 'secret_not_found');
      // An auditor (no member) reads who holds a role; a member must be the secret's Admin (now,
      // or, for a secret deleted since, then).
      if (member && roleOn(current ?? secret, member) !== 'admin') {
        throw new Forbidden(`Only the admins of ${key} can see whom it is shared with`);
      }
      const pay = chargeForRows(request);
      const memberDocs = past ? (await deps.past.members(ws, asOf!, pay)).docs : await deps.views.memberDocs(ws, pay);
      const members = await deps.views.membersShown(memberDocs);
      return { members: rolesOn(secret, members), ...(past ? { asOf: past.moment } : {}) };
    },
  );

  app.post(
    '/workspaces/:ws/secrets/:key/members',
    {
      schema: {
        tags,
        summary: 'Share the secret with a workspace member, by email (secret admins)',
        params: workspaceKeyParams,
        body: z.strictObject({ email: z.string().trim().email().max(320), role: secretRoleSchema }),
        response: { 201: shareResult },
      },
    },
    async (request, reply) => {
      const { ws, key } = request.params;
      const { email, role } = request.body;
      const written = await deps.secrets.share(actorOf(request), ws, key, { kind: 'add', email, role }, ifMatch(request));
      return reply.written(written, { status: 201, body: { revision: written.revision, position: written.position ?? '0', userId: written.userId, role } });
    },
  );

  app.patch(
    '/workspaces/:ws/secrets/:key/members/:userId',
    {
      schema: {
        tags,
        summary: "Change a member's role on the secret (secret admins; the last admin stays)",
        params: memberParams,
        body: z.strictObject({ role: secretRoleSchema }),
        response: { 200: shareResult },
      },
    },
    async (request, reply) => {
      const { ws, key, userId } = request.params;
      const { role } = request.body;
      const written = await deps.secrets.share(actorOf(request), ws, key, { kind: 'change', userId, role }, ifMatch(request));
      return reply.written(written, { body: { revision: written.revision, position: written.position ?? '0', userId, role } });
    },
  );

  app.delete(
    '/workspaces/:ws/secrets/:key/members/:userId',
    {
      schema: {
        tags,
        summary: "Remove a member's role on the secret (secret admins; the last admin stays)",
        params: memberParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const { ws, key, userId } = request.params;
      return reply.written(await deps.secrets.share(actorOf(request), ws, key, { kind: 'remove', userId }, ifMatch(request)), { status: 204 });
    },
  );

  const personal = ['personal secrets'];

  app.get(
    '/me/secrets/:key',
    { schema: { tags: personal, summary: "A personal secret's details (never its value)", params: keyParams, response: { 200: secretListItem } } },
    async (request, reply) => {
      reply.header('etag', `"${await deps.views.scopeRevision(streamIds.personalSecrets(request.principal.id))}"`);
      const secret = await deps.views.personalSecret(request.principal.id, request.params.key);
      if (!secret) throw new NotFound(`Secret ${request.params.key} not found`, 'secret_not_found');
      const [shown] = await deps.views.secretsShown('personal', [secret]);
      return listItem(shown!, 'admin');
    },
  );

  app.patch(
    '/me/secrets/:key',
    { schema: { tags: personal, summary: 'Change displayName and description', params: keyParams, body: detailsBody, response: { 200: writeResult } } },
    async (request, reply) => {
      return reply.written(await deps.secrets.changePersonalDetails(actorOf(request), request.params.key, request.body, ifMatch(request)));
    },
  );

  app.get(
    '/me/secrets/:key/history',
    {
      schema: { tags: personal, summary: 'Every version: who set it, when, its fingerprint, a page at a time', description: historyDescription, params: keyParams, querystring: historyQuery, response: { 200: historyResult, 409: problemSchema } },
    },
    async (request) => {
      const { key } = request.params;
      return historyAnswer(request, deps.views, owners.user(request.principal.id), key, request.query);
    },
  );

  app.post(
    '/me/secrets/:key/members',
    { schema: { tags: personal, summary: 'Always 409: personal secrets cannot be shared', params: keyParams, response: { 409: problemSchema } } },
    async () => {
      throw new RuleViolation('personal_not_shareable', 'Personal secrets cannot be shared');
    },
  );
}
