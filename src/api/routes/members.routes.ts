import { z } from 'zod';
import { Forbidden, NotFound } from '../../errors';
import type { App, AppDeps } from '../deps';
import { membershipChecks } from '../membership';
import { INVITATIONS_PAGE } from '../../projections/queries';
import { actorOf } from '../principal';
import { chargedByRows, chargeForRows } from '../readCharges';
import { asOfQuery, idSchema, momentSchema, noContent, positionSchema, problemSchema, workspaceParams, workspacePermissionSchema } from '../schemas';

const memberSchema = z.object({
  userId: z.string(),
  email: z.string().nullable(),
  permission: workspacePermissionSchema,
  external: z.boolean(),
  joinedAt: z.string(),
});
const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  permission: workspacePermissionSchema,
  external: z.boolean(),
  invitedAt: z.string(),
  invitedBy: z.string(),
});

/** Members and invitations: admins manage them; invitees see and accept their own. */
export function membersRoutes(app: App, deps: Pick<AppDeps, 'views' | 'past' | 'workspaces'>) {
  const { reader } = membershipChecks(deps.views);
  app.get(
    '/workspaces/:ws/members',
    {
      preHandler: reader,
      schema: {
        tags: ['members'],
        summary: 'Members and pending invitations (members, audit:read); `asOf`: as they were then',
        description: chargedByRows('the members and pending invitations it lists; with `asOf`, of every member and invitation the workspace ever had'),
        params: workspaceParams,
        querystring: asOfQuery,
        response: { 200: z.object({ members: z.array(memberSchema), invitations: z.array(invitationSchema), asOf: momentSchema.optional() }), 409: problemSchema },
      },
    },
    async (request) => {
      const { ws } = request.params;
      const { asOf } = request.query;
      const pay = chargeForRows(request);
      let memberDocs;
      let invitationDocs;
      let moment;
      if (asOf) {
        const checked = await deps.past.checked(asOf);
        const [pastMembers, pastInvitations] = [await deps.past.members(ws, checked, pay), await deps.past.invitations(ws, checked, pay)];
        [memberDocs, invitationDocs, moment] = [pastMembers.docs, pastInvitations.docs, pastMembers.asOf];
      } else {
        [memberDocs, invitationDocs] = [await deps.views.memberDocs(ws, pay), await deps.views.invitationDocs(ws, pay)];
      }
      const [members, invitations] = [await deps.views.membersShown(memberDocs), await deps.views.invitationsShown(invitationDocs)];
      return {
        ...(moment ? { asOf: moment } : {}),
        members: members.map(({ userId, email, permission, external, joinedAt }) => ({ userId, email, permission, external, joinedAt })),
        invitations: invitations.map(({ invitationId, email, permission, external, invitedAt, invitedBy }) => ({
          id: invitationId,
          email,
          permission,
          external,
          invitedAt,
          invitedBy,
        })),
      };
    },
  );

  app.post(
    '/workspaces/:ws/invitations',
    {
      schema: {
        tags: ['members'],
        summary: 'Invite someone by email (admins)',
        params: workspaceParams,
        body: z.strictObject({
          email: z.string().trim().email().max(320),
          permission: workspacePermissionSchema,
          external: z.boolean().default(false),
        }),
        response: { 201: z.object({ id: z.string(), position: positionSchema }) },
      },
    },
    async (request, reply) => {
      const written = await deps.workspaces.invite(actorOf(request), request.params.ws, request.body);
      return reply.written({ position: written.position }, { status: 201, body: { id: written.invitationId, position: written.position ?? '0' } });
    },
  );

  app.delete(
    '/workspaces/:ws/invitations/:id',
    {
      schema: {
        tags: ['members'],
        summary: 'Revoke a pending invitation (admins)',
        params: workspaceParams.extend({ id: idSchema }),
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const written = await deps.workspaces.revoke(actorOf(request), request.params.ws, request.params.id);
      return reply.written({ position: written.position }, { status: 204 });
    },
  );

  app.get(
    '/me/invitations',
    {
      schema: {
        tags: ['members'],
        summary: 'My pending invitations (by the email in my token), a page at a time: follow `nextCursor` until it is null',
        description: `At most ${INVITATIONS_PAGE} a page, by id; invitations to deleted workspaces are not shown, so a page may show fewer, even none, with a \`nextCursor\` to go on from.`,
        querystring: z.strictObject({ cursor: idSchema.optional(), minPosition: positionSchema.optional() }),
        response: {
          200: z.object({
            invitations: z.array(
              z.object({
                id: z.string(),
                workspaceId: z.string(),
                workspaceName: z.string(),
                permission: workspacePermissionSchema,
                external: z.boolean(),
                invitedAt: z.string(),
              }),
            ),
            /** The cursor of the next page; null when there are no more. */
            nextCursor: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => {
      // An email the issuer does not vouch for (an identity provider's `email_verified` is not true) is no one's address.
      const { email, emailVerified } = request.principal;
      const { invitations: pending, nextAfterId } =
        email === null || !emailVerified ? { invitations: [], nextAfterId: null } : await deps.views.invitationsFor(email, request.query.cursor);
      const invitations = [];
      for (const i of pending) {
        // An invitation to a deleted workspace cannot be accepted: it is not shown (an undelete brings it back).
        const workspace = await deps.views.workspace(i.workspaceId);
        if (!workspace) continue;
        invitations.push({
          id: i.invitationId,
          workspaceId: i.workspaceId,
          workspaceName: workspace.name,
          permission: i.permission,
          external: i.external,
          invitedAt: i.invitedAt,
        });
      }
      return { invitations, nextCursor: nextAfterId };
    },
  );

  app.post(
    '/invitations/:id/accept',
    {
      config: { workspaceOf: async (request) => (await deps.views.invitation((request.params as { id: string }).id))?.workspaceId },
      schema: {
        tags: ['members'],
        summary: 'Accept an invitation addressed to my email and join the workspace',
        params: z.object({ id: idSchema }),
        response: {
          200: z.object({ workspaceId: z.string(), permission: workspacePermissionSchema, position: positionSchema }),
        },
      },
    },
    async (request, reply) => {
      const { principal } = request;
      if (principal.email === null) throw new Forbidden('Accepting an invitation needs a token with an email');
      if (!principal.emailVerified) throw new Forbidden('Accepting an invitation needs an email the identity provider verified (email_verified)', 'email_not_verified');
      const invitation = await deps.views.invitation(request.params.id);
      if (!invitation || !(await deps.views.isAddressedTo(invitation, principal.email))) throw new NotFound('Invitation not found', 'invitation_not_found');
      const written = await deps.workspaces.accept(actorOf(request), invitation.workspaceId, invitation.invitationId);
      const body = { workspaceId: invitation.workspaceId, permission: invitation.permission, position: written.position ?? '0' };
      return reply.written({ position: written.position }, { body });
    },
  );

  const memberParams = workspaceParams.extend({ userId: z.string().min(1).max(256) });

  app.patch(
    '/workspaces/:ws/members/:userId',
    {
      schema: {
        tags: ['members'],
        summary: "Change a member's permission (admins; the last admin stays)",
        params: memberParams,
        body: z.strictObject({ permission: workspacePermissionSchema }),
        response: { 200: z.object({ userId: z.string(), permission: workspacePermissionSchema, position: positionSchema }) },
      },
    },
    async (request, reply) => {
      const { ws, userId } = request.params;
      const written = await deps.workspaces.changePermission(actorOf(request), ws, userId, request.body.permission);
      return reply.written({ position: written.position }, { body: { userId, permission: request.body.permission, position: written.position ?? '0' } });
    },
  );

  app.delete(
    '/workspaces/:ws/members/:userId',
    {
      schema: {
        tags: ['members'],
        summary: 'Remove a member (admins; the last admin stays); their secret roles go too',
        params: memberParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const { ws, userId } = request.params;
      const written = await deps.workspaces.remove(actorOf(request), ws, userId);
      return reply.written({ position: written.position }, { status: 204 });
    },
  );
}
