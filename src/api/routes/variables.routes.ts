import { z } from 'zod';
import type { App, AppDeps } from '../deps';
import { membershipChecks } from '../membership';
import { chargedByRows, payForRows } from '../readCharges';
import type { Moment } from '../../projections/pastViews';
import type { SecretDoc } from '../../projections/views';
import { asOfQuery, momentSchema, problemSchema, workspaceParams } from '../schemas';

/** The `{{` dropdown: every key a member can reference in this workspace. */
export function variablesRoutes(app: App, deps: Pick<AppDeps, 'views' | 'past' | 'everHeld'>) {
  const { member } = membershipChecks(deps.views);
  app.get(
    '/workspaces/:ws/variables',
    {
      preHandler: member,
      schema: {
        tags: ['workspace secrets'],
        summary: 'Keys I can reference here: workspace keys, and my personal keys (shadowed when a workspace key has the name); `asOf`: those of then',
        description: chargedByRows('the workspace secrets and my personal ones; with `asOf`, of the keys both scopes ever had'),
        params: workspaceParams,
        querystring: asOfQuery,
        response: {
          200: z.object({
            workspace: z.array(z.object({ key: z.string() })),
            personal: z.array(z.object({ key: z.string(), shadowed: z.boolean() })),
            asOf: momentSchema.optional(),
          }),
          409: problemSchema,
        },
      },
    },
    async (request) => {
      const { ws } = request.params;
      const { asOf } = request.query;
      const keysOf = (secrets: readonly SecretDoc[]) => secrets.map((secret) => secret.key);
      let workspace: string[];
      let personal: string[];
      let moment: Moment | null = null;
      if (asOf) {
        const checked = await deps.past.checked(asOf);
        await payForRows(request, (await deps.everHeld.workspaceKeys(ws)) + (await deps.everHeld.personalKeys(request.principal.id)));
        const [workspaceThen, personalThen] = [await deps.past.workspaceSecrets(ws, checked), await deps.past.personalSecrets(request.principal.id, checked)];
        // The workspace's secrets name the moment; the personal scope's own may be earlier.
        [workspace, personal, moment] = [keysOf(workspaceThen.docs), keysOf(personalThen.docs), workspaceThen.asOf];
      } else {
        [workspace, personal] = [keysOf((await deps.views.workspaceSecrets(ws)).secrets), keysOf((await deps.views.personalSecrets(request.principal.id)).secrets)];
        await payForRows(request, workspace.length + personal.length);
      }
      const shadowing = new Set(workspace);
      return {
        workspace: workspace.map((key) => ({ key })),
        personal: personal.map((key) => ({ key, shadowed: shadowing.has(key) })),
        ...(moment ? { asOf: moment } : {}),
      };
    },
  );
}
