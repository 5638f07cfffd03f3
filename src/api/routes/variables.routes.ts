import { z } from 'zod';
import type { App, AppDeps } from '../deps';
import { membershipChecks } from '../membership';
import { workspaceParams } from '../schemas';

/** The `{{` dropdown: every key a member can reference in this workspace. */
export function variablesRoutes(app: App, deps: Pick<AppDeps, 'views'>) {
  const { member } = membershipChecks(deps.views);
  app.get(
    '/workspaces/:ws/variables',
    {
      preHandler: member,
      schema: {
        tags: ['workspace secrets'],
        summary: 'Keys I can reference here: workspace keys, and my personal keys (shadowed when a workspace key has the name)',
        params: workspaceParams,
        response: {
          200: z.object({
            workspace: z.array(z.object({ key: z.string() })),
            personal: z.array(z.object({ key: z.string(), shadowed: z.boolean() })),
          }),
        },
      },
    },
    async (request) => {
      const { ws } = request.params;
      const workspace = (await deps.views.workspaceSecrets(ws)).secrets.map((s) => s.key);
      const shadowing = new Set(workspace);
      const personal = (await deps.views.personalSecrets(request.principal.id)).secrets.map((s) => s.key);
      return {
        workspace: workspace.map((key) => ({ key })),
        personal: personal.map((key) => ({ key, shadowed: shadowing.has(key) })),
      };
    },
  );
}
