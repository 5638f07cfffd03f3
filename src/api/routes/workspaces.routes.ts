import { z } from 'zod';
import { retentionEndsAt } from '../../commands/deletedRetention';
import type { App, AppDeps } from '../deps';
import { actorOf, tokenCovers } from '../principal';
import { chargedByRows, chargeForRows } from '../readCharges';
import { WORKSPACES_PAGE } from '../../projections/queries';
import { idSchema, positionSchema, problemSchema, workspacePermissionSchema } from '../schemas';

const workspaceItem = z.object({
  id: z.string(),
  name: z.string(),
  permission: workspacePermissionSchema,
  external: z.boolean(),
  /** With `deleted=true` only. */
  deletedAt: z.string().optional(),
  deletedBy: z.string().optional(),
  /** Until when it can be undeleted; null: for ever (DELETED_RETENTION_DAYS=0). */
  undeletableUntil: z.string().nullable().optional(),
});

export function workspacesRoutes(app: App, deps: Pick<AppDeps, 'views' | 'workspaces' | 'settings'>) {
  app.post(
    '/workspaces',
    {
      config: { workspaceOf: 'none' },
      schema: {
        tags: ['workspaces'],
        summary: 'Create a workspace; the creator becomes its admin',
        body: z.strictObject({ name: z.string().trim().min(1).max(128) }),
        response: { 201: z.object({ id: z.string(), name: z.string(), position: positionSchema }) },
      },
    },
    async (request, reply) => {
      const written = await deps.workspaces.create(actorOf(request), request.body.name);
      return reply.written({ position: written.position }, { status: 201, body: { id: written.workspaceId, name: request.body.name, position: written.position ?? '0' } });
    },
  );

  app.get(
    '/workspaces',
    {
      // A token limited to some workspaces sees only those.
      config: { workspaceOf: 'any' },
      schema: {
        tags: ['workspaces'],
        summary:
          'The workspaces I am a member of, with my permission; `deleted=true`: the deleted ones I was an admin of, which I may undelete. A page at a time: follow `nextCursor` until it is null',
        description: `A page goes through at most ${WORKSPACES_PAGE} of my memberships, by workspace id, and shows those of the kind asked (live or deleted), so a page may show fewer, even none, with a \`nextCursor\` to go on from. A token limited to some workspaces (\`ws\` claim) gets those in one page. ${chargedByRows('the memberships a page goes through (at most a page of them, or the workspaces the claim names)')}`,
        querystring: z.strictObject({
          deleted: z.enum(['true', 'false']).optional().describe('true: deleted workspaces I was an admin of when they were deleted, with deletedAt, deletedBy and undeletableUntil'),
          cursor: idSchema.optional().describe('the `nextCursor` of the page before'),
          minPosition: positionSchema.optional(),
        }),
        response: {
          200: z.object({
            workspaces: z.array(workspaceItem),
            /** The cursor of the next page; null when there are no more. */
            nextCursor: z.string().nullable(),
          }),
          409: problemSchema,
        },
      },
    },
    async (request) => {
      const deleted = request.query.deleted === 'true';
      const mine = await deps.views.workspacesOf(request.principal.id, { deleted, after: request.query.cursor, only: request.principal.workspaces }, chargeForRows(request));
      const retentionDays = deps.settings.deletedRetentionDays;
      return {
        nextCursor: mine.nextAfter,
        workspaces: mine.items
          .filter(({ workspace }) => tokenCovers(request.principal, workspace.workspaceId))
          .map(({ workspace, member }) => ({
            id: workspace.workspaceId,
            name: workspace.name,
            permission: member.permission,
            external: member.external,
            ...(deleted && workspace.deletedAt
              ? { deletedAt: workspace.deletedAt, deletedBy: workspace.deletedBy ?? '', undeletableUntil: retentionEndsAt(workspace.deletedAt, retentionDays) }
              : {}),
          })),
      };
    },
  );
}
