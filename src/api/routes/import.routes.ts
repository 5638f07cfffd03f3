import { z } from 'zod';
import { ValidationFailed } from '../../errors';
import { parseDotenv } from '../../import/dotenv.parser';
import { expectedRevision } from '../consistency';
import type { App, AppDeps } from '../deps';
import { requireMembership } from '../membership';
import { actorOf } from '../principal';
import { answerWrite } from '../secretResponses';
import { workspaceParams, writeResult } from '../schemas';

const importBody = z.strictObject({ dotenv: z.string().min(1, 'must not be empty'), dryRun: z.boolean().default(false) });
const lineError = z.object({ field: z.literal('dotenv'), line: z.number().int(), message: z.string() });
const dryRunResult = z.object({ dryRun: z.literal(true), keys: z.array(z.string()), existing: z.array(z.string()), errors: z.array(lineError) });
const importResult = writeResult.extend({ keys: z.array(z.string()) });

/** Parses the text; errors carry their line numbers and never a value. */
function parse(dotenv: string) {
  const { entries, errors } = parseDotenv(dotenv);
  return { entries, errors: errors.map((e) => ({ field: 'dotenv' as const, line: e.line, message: `line ${e.line}: ${e.message}` })) };
}

/**
 * `.env` import (DESIGN §3): one error rejects the whole import; a real import is one batch
 * save (If-Match like any other). The dry run answers the keys it would set, which of them
 * exist already, and the errors, and writes nothing.
 */
export function importRoutes(app: App, deps: AppDeps) {
  const schema = (summary: string, tags: string[]) => ({
    tags,
    summary,
    body: importBody,
    response: { 200: z.union([dryRunResult, importResult]) },
  });

  app.post(
    '/v1/workspaces/:ws/secrets/import',
    { schema: { ...schema('Import a .env file into the workspace secrets', ['workspace secrets']), params: workspaceParams } },
    async (request, reply) => {
      const { ws } = request.params;
      const { entries, errors } = parse(request.body.dotenv);
      if (request.body.dryRun) {
        await requireMembership(deps.views, request.principal, ws);
        const existing = new Set((await deps.views.workspaceSecrets(ws)).secrets.map((s) => s.key));
        return { dryRun: true as const, keys: [...entries.keys()], existing: [...entries.keys()].filter((k) => existing.has(k)), errors };
      }
      if (errors.length > 0) throw new ValidationFailed('The .env text is invalid; nothing was imported', errors);
      const set = Object.fromEntries(entries);
      const saved = await deps.secrets.saveWorkspace(actorOf(request.principal), ws, { set, delete: [] }, expectedRevision(request));
      return { ...(await answerWrite(deps, reply, saved)), keys: [...entries.keys()] };
    },
  );

  app.post(
    '/v1/me/secrets/import',
    { schema: schema('Import a .env file into my personal secrets', ['personal secrets']) },
    async (request, reply) => {
      const { entries, errors } = parse(request.body.dotenv);
      if (request.body.dryRun) {
        const existing = new Set((await deps.views.personalSecrets(request.principal.id)).secrets.map((s) => s.key));
        return { dryRun: true as const, keys: [...entries.keys()], existing: [...entries.keys()].filter((k) => existing.has(k)), errors };
      }
      if (errors.length > 0) throw new ValidationFailed('The .env text is invalid; nothing was imported', errors);
      const saved = await deps.secrets.savePersonal(actorOf(request.principal), { set: Object.fromEntries(entries), delete: [] }, expectedRevision(request));
      return { ...(await answerWrite(deps, reply, saved)), keys: [...entries.keys()] };
    },
  );
}
