import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SecretsResult } from '../../commands/secrets.commands';
import { MAX_LISTED_ERRORS, RuleViolation, ValidationFailed } from '../../errors';
import { MAX_SECRETS_PER_SCOPE } from '../../events/values';
import { parseDotenv } from '../../import/dotenv.parser';
import { ifMatch } from '../consistency';
import type { App, AppDeps } from '../deps';
import { membershipChecks } from '../membership';
import { chargedByRows, chargeForRows } from '../readCharges';
import { actorOf } from '../principal';
import { workspaceParams, writeResult } from '../schemas';

const importBody = z.strictObject({ dotenv: z.string().min(1, 'must not be empty'), dryRun: z.boolean().default(false) });
const lineError = z.object({ field: z.literal('dotenv'), line: z.number().int(), message: z.string() });
const dryRunResult = z.object({
  dryRun: z.literal(true),
  keys: z.array(z.string()),
  existing: z.array(z.string()),
  errors: z.array(lineError).describe(`The first ${MAX_LISTED_ERRORS} errors`),
  errorCount: z.number().int().optional().describe('How many errors there are in all, when there are more than those listed'),
});
const importResult = writeResult.extend({ keys: z.array(z.string()) });

type Scope = Readonly<{
  /** Refuses a caller who may not import here, before the text is read. */
  admit: (request: FastifyRequest) => Promise<unknown>;
  existingKeys: (request: FastifyRequest) => Promise<readonly string[]>;
  save: (request: FastifyRequest, set: Record<string, string>) => Promise<SecretsResult>;
}>;

/**
 * `.env` import (DESIGN §3, §6): one error rejects the whole import; a real import is one batch
 * save (If-Match like any other). The dry run answers the keys it would set, which of them
 * exist already, and the errors (the first 100, and how many in all), and writes nothing. The
 * caller's membership is checked before the text is parsed; a text of more than 100,000 lines
 * is an error, and one of more keys than a scope holds a 409, before anything else.
 */
export function importRoutes(app: App, deps: Pick<AppDeps, 'views' | 'secrets'>) {
  const { member } = membershipChecks(deps.views);
  const schema = (summary: string, tags: string[]) => ({
    tags,
    summary,
    description: `A dry run compares the keys against the secrets the scope holds. ${chargedByRows('those secrets')}`,
    body: importBody,
    response: { 200: z.union([dryRunResult, importResult]) },
  });

  const handle = (scope: Scope) => async (request: FastifyRequest<{ Body: z.infer<typeof importBody> }>, reply: FastifyReply) => {
    await scope.admit(request);
    const { entries, errors, errorCount } = parseDotenv(request.body.dotenv, MAX_SECRETS_PER_SCOPE);
    const lineErrors = errors.map((e) => ({ field: 'dotenv' as const, line: e.line, message: `line ${e.line}: ${e.message}` }));
    // No scope holds more: refused before anything else is worked out for them.
    if (entries.size > MAX_SECRETS_PER_SCOPE) throw new RuleViolation('too_many_secrets', `A scope holds at most ${MAX_SECRETS_PER_SCOPE} secrets`);
    const keys = [...entries.keys()];
    if (request.body.dryRun) {
      const existing = new Set(await scope.existingKeys(request));
      const counted = errorCount > lineErrors.length ? { errorCount } : {};
      return { dryRun: true as const, keys, existing: keys.filter((k) => existing.has(k)), errors: lineErrors, ...counted };
    }
    if (errorCount > 0) throw new ValidationFailed('The .env text is invalid; nothing was imported', lineErrors, errorCount);
    const saved = await scope.save(request, Object.fromEntries(entries));
    return reply.written(saved, { body: { revision: saved.revision, position: saved.position ?? '0', keys } });
  };

  const workspaceOf = (request: FastifyRequest) => (request.params as { ws: string }).ws;
  app.post(
    '/workspaces/:ws/secrets/import',
    { schema: { ...schema('Import a .env file into the workspace secrets', ['workspace secrets']), params: workspaceParams } },
    handle({
      admit: member,
      existingKeys: async (request) => (await deps.views.workspaceSecrets(workspaceOf(request), chargeForRows(request))).secrets.map((s) => s.key),
      save: (request, set) => deps.secrets.saveWorkspace(actorOf(request), workspaceOf(request), { set, delete: [] }, ifMatch(request)),
    }),
  );

  app.post(
    '/me/secrets/import',
    { schema: schema('Import a .env file into my personal secrets', ['personal secrets']) },
    handle({
      admit: async () => {},
      existingKeys: async (request) => (await deps.views.personalSecrets(request.principal.id, chargeForRows(request))).secrets.map((s) => s.key),
      save: (request, set) => deps.secrets.savePersonal(actorOf(request), { set, delete: [] }, ifMatch(request)),
    }),
  );
}
