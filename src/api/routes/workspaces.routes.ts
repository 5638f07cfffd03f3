import { z } from 'zod';
import { retentionEndsAt } from '../../commands/deletedRetention';
import type { App, AppDeps } from '../deps';
import { actorOf, tokenCovers } from '../principal';
import { positionSchema, workspacePermissionSchema } from '../schemas';

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
        summary: 'The workspaces I am a member of, with my permission; `deleted=true`: the deleted ones I was an admin of, which I may undelete',
        querystring: z.strictObject({
          deleted: z.enum(['true', 'false']).optional().describe('true: deleted workspaces I was an admin of when they were deleted, with deletedAt, deletedBy and undeletableUntil'),
          minPosition: positionSchema.optional(),
        }),
        response: { 200: z.object({ workspaces: z.array(workspaceItem) }) },
      },
    },
    async (request) => {
      const deleted = request.query.deleted === 'true';
      const mine = deleted ? await deps.views.deletedWorkspacesOf(request.principal.id) : await deps.views.workspacesOf(request.principal.id);
      const retentionDays = deps.settings.deletedRetentionDays;
      return {
        workspaces: mine
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
