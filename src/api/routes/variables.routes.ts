import { z } from 'zod';
import type { App, AppDeps } from '../deps';
import { membershipChecks } from '../membership';
import { chargedByRows, chargeForRows } from '../readCharges';
import type { Moment } from '../../projections/pastViews';
import type { SecretDoc } from '../../projections/views';
import { asOfQuery, momentSchema, problemSchema, workspaceParams } from '../schemas';

/** The `{{` dropdown: every key a member can reference in this workspace. */
export function variablesRoutes(app: App, deps: Pick<AppDeps, 'views' | 'past'>) {
  const { member } = membershipChecks(deps.views);
  app.get(
    '/workspaces/:ws/variables',
    {
      preHandler: member,
      schema: {
        tags: ['workspace secrets'],
        summary: 'Keys I can reference here: workspace keys, and my personal keys (shadowed when a workspace key has the name); `asOf`: those of then',
        description: chargedByRows('the workspace secrets and my personal ones; with `asOf`, of every key both scopes ever had'),
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
      const pay = chargeForRows(request);
      if (asOf) {
        const checked = await deps.past.checked(asOf);
        const [workspaceThen, personalThen] = [await deps.past.workspaceSecrets(ws, checked, pay), await deps.past.personalSecrets(request.principal.id, checked, pay)];
        // The workspace's secrets name the moment; the personal scope's own may be earlier.
        [workspace, personal, moment] = [keysOf(workspaceThen.docs), keysOf(personalThen.docs), workspaceThen.asOf];
      } else {
        [workspace, personal] = [keysOf((await deps.views.workspaceSecrets(ws, pay)).secrets), keysOf((await deps.views.personalSecrets(request.principal.id, pay)).secrets)];
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
