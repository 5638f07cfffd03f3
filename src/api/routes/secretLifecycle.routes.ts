import { z } from 'zod';
import { ValidationFailed } from '../../errors';
import { ifMatch } from '../consistency';
import type { App, AppDeps } from '../deps';
import { actorOf } from '../principal';
import { keyParams, putResult, workspaceKeyParams, writeResult } from '../schemas';

const rollbackBody = z.strictObject({ version: z.number().int().positive() });
/** The key typed again, so a destroy is never a slip; `all`: every lifetime, not only the live one (workspace admins). */
const destroyBody = z.strictObject({ confirm: z.string(), all: z.boolean().default(false) });

function confirmed(key: string, confirm: string): void {
  if (confirm !== key) throw new ValidationFailed('Destroying needs the key typed again', [{ field: 'confirm', message: `must be ${key}` }]);
}

/** What a rollback or a restore answers: the scope's revision and position, the key and its version now. */
function versionAnswer(result: { revision: number; position: string | null; newState: { secrets: ReadonlyMap<string, { version: number }> } }, key: string) {
  return { revision: result.revision, position: result.position ?? '0', key, version: result.newState.secrets.get(key)?.version ?? 0 };
}

/**
 * A secret's life beyond saving (DESIGN §9): roll back to a version of its current lifetime,
 * restore deleted keys (listed by `GET …/secrets?deleted=true`), destroy lifetimes by
 * crypto-shredding. Workspace and personal alike.
 */
export function secretLifecycleRoutes(app: App, deps: Pick<AppDeps, 'lifecycle'>) {
  const workspace = ['workspace secrets'];
  const personal = ['personal secrets'];

  app.post(
    '/workspaces/:ws/secrets/:key/rollback',
    { schema: { tags: workspace, summary: 'Record a new version with the value of an earlier one of the same lifetime (its admins)', params: workspaceKeyParams, body: rollbackBody, response: { 200: putResult } } },
    async (request, reply) => {
      const { ws, key } = request.params;
      const result = await deps.lifecycle.rollbackWorkspace(actorOf(request), ws, key, request.body.version, ifMatch(request));
      return reply.written(result, { body: versionAnswer(result, key) });
    },
  );

  app.post(
    '/me/secrets/:key/rollback',
    { schema: { tags: personal, summary: 'Record a new version of my secret with the value of an earlier one of the same lifetime', params: keyParams, body: rollbackBody, response: { 200: putResult } } },
    async (request, reply) => {
      const { key } = request.params;
      const result = await deps.lifecycle.rollbackPersonal(actorOf(request), key, request.body.version, ifMatch(request));
      return reply.written(result, { body: versionAnswer(result, key) });
    },
  );

  app.post(
    '/workspaces/:ws/secrets/:key/restore',
    { schema: { tags: workspace, summary: "Reopen a deleted key's last lifetime with its details and members (workspace admins; 409 if the key exists again)", params: workspaceKeyParams, response: { 200: putResult } } },
    async (request, reply) => {
      const { ws, key } = request.params;
      const result = await deps.lifecycle.restoreWorkspace(actorOf(request), ws, key, ifMatch(request));
      return reply.written(result, { body: versionAnswer(result, key) });
    },
  );

  app.post(
    '/me/secrets/:key/restore',
    { schema: { tags: personal, summary: "Reopen my deleted key's last lifetime (409 if the key exists again)", params: keyParams, response: { 200: putResult } } },
    async (request, reply) => {
      const { key } = request.params;
      const result = await deps.lifecycle.restorePersonal(actorOf(request), key, ifMatch(request));
      return reply.written(result, { body: versionAnswer(result, key) });
    },
  );

  app.post(
    '/workspaces/:ws/secrets/:key/destroy',
    {
      schema: {
        tags: workspace,
        summary: 'Destroy for good by deleting its data key: the live lifetime (its admins; deletes it), with `all` every lifetime (workspace admins)',
        params: workspaceKeyParams,
        body: destroyBody,
        response: { 200: writeResult },
      },
    },
    async (request, reply) => {
      const { ws, key } = request.params;
      confirmed(key, request.body.confirm);
      return reply.written(await deps.lifecycle.destroyWorkspace(actorOf(request), ws, key, request.body.all, ifMatch(request)));
    },
  );

  app.post(
    '/me/secrets/:key/destroy',
    { schema: { tags: personal, summary: 'Destroy my secret for good (the live lifetime; with `all` every one)', params: keyParams, body: destroyBody, response: { 200: writeResult } } },
    async (request, reply) => {
      const { key } = request.params;
      confirmed(key, request.body.confirm);
      return reply.written(await deps.lifecycle.destroyPersonal(actorOf(request), key, request.body.all, ifMatch(request)));
    },
  );
}
