import { z } from 'zod';
import { accessTo, effectiveSecretRole } from '../../commands/secretRights';
import { Forbidden, NotFound } from '../../errors';
import { memberChanges, secretChanges, secretMemberChanges } from '../../projections/changes';
import type { SecretDoc } from '../../projections/views';
import type { App, AppDeps } from '../deps';
import { membershipChecks } from '../membership';
import { chargedByRows, chargeForRows } from '../readCharges';
import { asOfParam, asOfQuery, momentSchema, positionSchema, problemSchema, workspaceKeyParams, workspaceParams } from '../schemas';

const versionRef = z.object({ version: z.number().int(), fingerprint: z.string() });
const fromTo = z.object({ from: z.string().nullable(), to: z.string().nullable() });
const changesAnswer = z.object({
  from: momentSchema.nullable(),
  to: momentSchema,
  secrets: z.array(
    z.object({
      key: z.string(),
      change: z.enum(['added', 'deleted', 'changed', 'details_changed']),
      from: versionRef.optional(),
      to: versionRef.optional(),
      displayName: fromTo.optional(),
      description: fromTo.optional(),
    }),
  ),
  members: z.array(z.object({ userId: z.string(), change: z.enum(['joined', 'left', 'permission_changed']), from: z.string().optional(), to: z.string().optional() })),
  secretMembers: z.array(z.object({ key: z.string(), userId: z.string(), change: z.enum(['added', 'removed', 'role_changed']), from: z.string().optional(), to: z.string().optional() })),
});
const accessAnswer = z.object({
  key: z.string(),
  asOf: momentSchema,
  access: z.array(
    z.object({
      userId: z.string(),
      email: z.string().nullable(),
      permission: z.string(),
      role: z.enum(['admin', 'member']).nullable(),
      reveal: z.boolean(),
      edit: z.boolean(),
      use: z.boolean(),
      because: z.enum(['workspace admin', 'secret Admin', 'secret Member', 'workspace member']),
    }),
  ),
});

/**
 * What changed in a workspace between two moments, and who could do what with a secret at one
 * (DESIGN §9). Both are answered from the views' history, never by replaying streams.
 */
export function timeTravelRoutes(app: App, deps: Pick<AppDeps, 'views' | 'past'>) {
  const { reader } = membershipChecks(deps.views);
  const tags = ['time travel'];
  const explicitRole = (secret: SecretDoc, userId: string) => secret.members.find((m) => m.userId === userId)?.role;

  app.get(
    '/workspaces/:ws/secrets/changes',
    {
      preHandler: reader,
      schema: {
        tags,
        summary: 'Keys added, changed, deleted and with details changed, and members joined, left or with a new permission, between two moments (members, audit:read)',
        description:
          '`from` and `to` (default: now) are log positions or RFC 3339 instants. Changes of explicit secret roles are listed only for the secrets the caller is Admin of, or to audit:read. ' +
          'A secret named `changes` has no GET details route of its own: this route takes the path (its details are in the list). ' +
          chargedByRows('every key and every member the workspace ever had, once for each moment'),
        params: workspaceParams,
        querystring: z.strictObject({ from: asOfParam, to: asOfParam.optional(), minPosition: positionSchema.optional() }),
        response: { 200: changesAnswer, 409: problemSchema },
      },
    },
    async (request) => {
      const { ws } = request.params;
      const member = request.reader;
      const [fromMoment, toMoment] = [await deps.past.checked(request.query.from), await deps.past.checked(request.query.to ?? { instant: new Date().toISOString() })];
      // Each moment's workspace is paid for as it is read; `to` first, so its 404 costs nothing.
      const pay = chargeForRows(request);
      const to = await deps.past.workspace(ws, toMoment, pay);
      if (!to) throw new NotFound('The workspace did not exist yet at that moment', 'workspace_not_found');
      const from = await deps.past.workspace(ws, fromMoment, pay);
      const [before, after] = [await deps.views.secretsShown('workspace', from?.secrets ?? []), await deps.views.secretsShown('workspace', to.secrets)];
      const [membersBefore, membersAfter] = [await deps.views.membersShown(from?.members ?? []), await deps.views.membersShown(to.members)];
      // Secret roles are the secret's Admins' to see (and an auditor's): Admin then or now.
      const adminOf = (key: string) => {
        if (!member) return true;
        const secret = after.find((s) => s.key === key) ?? before.find((s) => s.key === key)!;
        return effectiveSecretRole(member.permission, explicitRole(secret, member.userId)) === 'admin';
      };
      return {
        from: from?.asOf ?? null,
        to: to.asOf,
        secrets: secretChanges(before, after),
        members: memberChanges(membersBefore, membersAfter),
        secretMembers: secretMemberChanges(before, after, adminOf),
      };
    },
  );

  app.get(
    '/workspaces/:ws/secrets/:key/access',
    {
      preHandler: reader,
      schema: {
        tags,
        summary: 'Who could reveal, edit and use a secret at a moment, and why (secret Admins, audit:read)',
        description: `\`asOf\` (default: now). Explicit roles count only while their holder was an active workspace member. ${chargedByRows('every key and every member the workspace ever had')}`,
        params: workspaceKeyParams,
        querystring: asOfQuery,
        response: { 200: accessAnswer, 409: problemSchema },
      },
    },
    async (request) => {
      const { ws, key } = request.params;
      const member = request.reader;
      const moment = await deps.past.checked(request.query.asOf ?? { instant: new Date().toISOString() });
      // The key and the caller's right to ask, first: a 404 or a 403 costs nothing more than its arrival.
      const { secret } = await deps.past.workspaceSecret(ws, key, moment);
      if (!secret) throw new NotFound(`Secret ${key} did not exist at that moment`, 'secret_not_found');
      const current = await deps.views.workspaceSecret(ws, key);
      if (member && effectiveSecretRole(member.permission, explicitRole(current ?? secret, member.userId)) !== 'admin') {
        throw new Forbidden(`Only the admins of ${key} can see who has access to it`);
      }
      const then = await deps.past.workspace(ws, moment, chargeForRows(request));
      if (!then) throw new NotFound('The workspace did not exist yet at that moment', 'workspace_not_found');
      const members = await deps.views.membersShown(then.members);
      return {
        key,
        asOf: then.asOf,
        access: members.map((m) => ({ userId: m.userId, email: m.email, permission: m.permission, ...accessTo(m.permission, explicitRole(secret, m.userId)) })),
      };
    },
  );
}
