import type { FastifyRequest } from 'fastify';
import { effectiveSecretRole } from '../../commands/secretRights';
import { ifMatch } from '../consistency';
import type { App, AppDeps } from '../deps';
import { membershipChecks } from '../membership';
import { actorOf } from '../principal';
import { chargedByRows, chargeForRows } from '../readCharges';
import { answerPut, listItem } from '../secretResponses';
import type { SecretDoc } from '../../projections/views';
import { z } from 'zod';
import { Forbidden } from '../../errors';
import { owners } from '../../projections/owners';
import { DELETED_PAGE_MAX } from '../../projections/queries';
import { batchBody, deletedSecretList, keyParams, secretListQuery, noContent, problemSchema, putResult, putSecretBody, secretList, workspaceKeyParams, workspaceParams, writeResult } from '../schemas';

const secretListCharge = chargedByRows('the secrets it lists (with `deleted=true`, of the `limit` asked, at most the keys the scope ever had); with `asOf`, of every key the scope ever had');

/** A page of a scope's deleted keys, as the list with `deleted=true` answers it. */
async function deletedAnswer(request: FastifyRequest, views: AppDeps['views'], owner: string, query: { cursor?: string; limit?: number }) {
  const page = await views.deletedSecretsPage(owner, query.cursor, query.limit ?? DELETED_PAGE_MAX, chargeForRows(request));
  return { deleted: page.deleted.map(({ key, lastVersion, deletedAt, deletedBy }) => ({ key, lastVersion, deletedAt, deletedBy })), nextCursor: page.nextAfter };
}

/**
 * Secrets of a workspace and of the caller (`/me`): list (never values), batch save, one key.
 * Writes take `If-Match` and answer with the new ETag and the log position.
 */
export function secretsRoutes(app: App, deps: Pick<AppDeps, 'views' | 'past' | 'secrets'>) {
  const { reader } = membershipChecks(deps.views);
  const tags = ['workspace secrets'];

  app.get(
    '/workspaces/:ws/secrets',
    {
      preHandler: reader,
      schema: {
        tags,
        summary: 'List the workspace secrets (never values), with the ETag (members, audit:read); `asOf`: as they were then, without an ETag; `deleted=true`: the deleted keys that can be restored, by key, a page at a time (`cursor`, `limit`; workspace admins)',
        description: secretListCharge,
        params: workspaceParams,
        querystring: secretListQuery,
        response: { 200: z.union([secretList, deletedSecretList]), 409: problemSchema },
      },
    },
    async (request, reply) => {
      const member = request.reader;
      const { ws } = request.params;
      const { asOf, deleted } = request.query;
      if (deleted === 'true') {
        if (member?.permission !== 'admin') throw new Forbidden('Only workspace admins can list deleted secrets');
        return deletedAnswer(request, deps.views, owners.workspace(ws), request.query);
      }
      const roleOf = (s: SecretDoc) => (member ? effectiveSecretRole(member.permission, s.members.find((m) => m.userId === member.userId)?.role) : null);
      const shown = async (secrets: readonly SecretDoc[]) => (await deps.views.secretsShown('workspace', secrets)).map((s) => listItem(s, roleOf(s)));
      if (asOf) {
        const past = await deps.past.workspaceSecrets(ws, await deps.past.checked(asOf), chargeForRows(request));
        return { revision: past.revision, secrets: await shown(past.docs), asOf: past.asOf };
      }
      const { revision, secrets } = await deps.views.workspaceSecrets(ws, chargeForRows(request));
      reply.header('etag', `"${revision}"`);
      return { revision, secrets: await shown(secrets) };
    },
  );

  app.patch(
    '/workspaces/:ws/secrets',
    { schema: { tags, summary: 'Save a batch: set and delete keys, all or nothing', params: workspaceParams, body: batchBody, response: { 200: writeResult } } },
    async (request, reply) => reply.written(await deps.secrets.saveWorkspace(actorOf(request), request.params.ws, request.body, ifMatch(request))),
  );

  app.put(
    '/workspaces/:ws/secrets/:key',
    { schema: { tags, summary: 'Set one key (201 when new)', params: workspaceKeyParams, body: putSecretBody, response: { 200: putResult, 201: putResult } } },
    async (request, reply) => {
      const { ws, key } = request.params;
      const saved = await deps.secrets.saveWorkspace(actorOf(request), ws, { set: { [key]: request.body.value }, delete: [] }, ifMatch(request));
      return answerPut(reply, key, saved);
    },
  );

  app.delete(
    '/workspaces/:ws/secrets/:key',
    { schema: { tags, summary: 'Delete one key', params: workspaceKeyParams, response: { 204: noContent } } },
    async (request, reply) => {
      const { ws, key } = request.params;
      return reply.written(await deps.secrets.saveWorkspace(actorOf(request), ws, { set: {}, delete: [key] }, ifMatch(request)), { status: 204 });
    },
  );

  const personal = ['personal secrets'];

  app.get(
    '/me/secrets',
    {
      schema: {
        tags: personal,
        summary: 'List my personal secrets (never values), with the ETag; `asOf`: as they were then, without an ETag; `deleted=true`: my deleted keys that can be restored, by key, a page at a time (`cursor`, `limit`)',
        description: secretListCharge,
        querystring: secretListQuery,
        response: { 200: z.union([secretList, deletedSecretList]), 409: problemSchema },
      },
    },
    async (request, reply) => {
      const { asOf, deleted } = request.query;
      if (deleted === 'true') return deletedAnswer(request, deps.views, owners.user(request.principal.id), request.query);
      const shown = async (secrets: readonly SecretDoc[]) => (await deps.views.secretsShown('personal', secrets)).map((s) => listItem(s, 'admin'));
      if (asOf) {
        const past = await deps.past.personalSecrets(request.principal.id, await deps.past.checked(asOf), chargeForRows(request));
        return { revision: past.revision, secrets: await shown(past.docs), asOf: past.asOf };
      }
      const { revision, secrets } = await deps.views.personalSecrets(request.principal.id, chargeForRows(request));
      reply.header('etag', `"${revision}"`);
      return { revision, secrets: await shown(secrets) };
    },
  );

  app.patch(
    '/me/secrets',
    { schema: { tags: personal, summary: 'Save a batch of my personal secrets', body: batchBody, response: { 200: writeResult } } },
    async (request, reply) => reply.written(await deps.secrets.savePersonal(actorOf(request), request.body, ifMatch(request))),
  );

  app.put(
    '/me/secrets/:key',
    { schema: { tags: personal, summary: 'Set one personal key (201 when new)', params: keyParams, body: putSecretBody, response: { 200: putResult, 201: putResult } } },
    async (request, reply) => {
      const { key } = request.params;
      const saved = await deps.secrets.savePersonal(actorOf(request), { set: { [key]: request.body.value }, delete: [] }, ifMatch(request));
      return answerPut(reply, key, saved);
    },
  );

  app.delete(
    '/me/secrets/:key',
    { schema: { tags: personal, summary: 'Delete one personal key', params: keyParams, response: { 204: noContent } } },
    async (request, reply) =>
      reply.written(await deps.secrets.savePersonal(actorOf(request), { set: {}, delete: [request.params.key] }, ifMatch(request)), { status: 204 }),
  );
}
