import { z } from 'zod';
import type { App, AppDeps } from '../deps';
import { actorOf } from '../principal';
import { positionSchema, workspaceParams } from '../schemas';

const tags = ['workspaces'];
const written = z.object({ position: positionSchema });

/**
 * Deleting, undeleting and leaving a workspace (DESIGN §9 "Workspaces and people"). The rules
 * (who, the confirmation, the retention, the last admin) are the workspace decider's.
 */
export function workspaceLifecycleRoutes(app: App, deps: Pick<AppDeps, 'workspaceLifecycle' | 'settings'>) {
  const retention = deps.settings.deletedRetentionDays === 0 ? 'for ever' : `for ${deps.settings.deletedRetentionDays} days`;

  app.delete(
    '/workspaces/:ws',
    {
      schema: {
        tags,
        summary: `Delete the workspace (admins; confirm with its name): access ends for every member at once; its admins can undelete it ${retention}`,
        description:
          'Answers 202: the deletion is recorded, and what follows it (the destruction of its secrets once DELETED_RETENTION_DAYS are over) comes later. ' +
          'Its admins at this moment, and audit:read tokens, keep its audit, export and verification. A `confirm` that is not the name, exactly, is a 400.',
        params: workspaceParams,
        body: z.strictObject({ confirm: z.string().min(1).max(128).describe("The workspace's name, exactly") }),
        response: { 202: written },
      },
    },
    async (request, reply) => {
      const result = await deps.workspaceLifecycle.delete(actorOf(request), request.params.ws, request.body.confirm);
      return reply.written({ position: result.position }, { status: 202, body: { position: result.position ?? '0' } });
    },
  );

  app.post(
    '/workspaces/:ws/undelete',
    {
      schema: {
        tags,
        summary: `Undelete a deleted workspace (its admins at the time of the deletion, ${retention} after it): members, invitations and secrets as they were`,
        description: 'After the retention: 409 retention_expired (with deletedAt and retentionEndedAt). A workspace that is not deleted: 409 workspace_not_deleted.',
        params: workspaceParams,
        response: { 200: written },
      },
    },
    async (request, reply) => {
      const result = await deps.workspaceLifecycle.undelete(actorOf(request), request.params.ws);
      return reply.written({ position: result.position }, { body: { position: result.position ?? '0' } });
    },
  );

  app.post(
    '/workspaces/:ws/leave',
    {
      schema: {
        tags,
        summary: 'Leave the workspace (any member but its last admin: 409 last_admin); my secret roles there go too',
        params: workspaceParams,
        response: { 200: written },
      },
    },
    async (request, reply) => {
      const result = await deps.workspaceLifecycle.leave(actorOf(request), request.params.ws);
      return reply.written({ position: result.position }, { body: { position: result.position ?? '0' } });
    },
  );
}
