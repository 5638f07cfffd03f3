import { z } from 'zod';
import type { App, AppDeps } from '../deps';
import { actorOf, tokenCovers } from '../principal';
import { positionSchema, workspacePermissionSchema } from '../schemas';

export function workspacesRoutes(app: App, deps: Pick<AppDeps, 'views' | 'workspaces'>) {
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
        summary: 'The workspaces I am a member of, with my permission',
        response: {
          200: z.object({
            workspaces: z.array(
              z.object({ id: z.string(), name: z.string(), permission: workspacePermissionSchema, external: z.boolean() }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const mine = await deps.views.workspacesOf(request.principal.id);
      return {
        workspaces: mine.filter(({ workspace }) => tokenCovers(request.principal, workspace.workspaceId)).map(({ workspace, member }) => ({
          id: workspace.workspaceId,
          name: workspace.name,
          permission: member.permission,
          external: member.external,
        })),
      };
    },
  );
}
