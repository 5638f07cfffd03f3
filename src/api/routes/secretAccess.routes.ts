import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Forbidden } from '../../errors';
import { MAX_MATCHES_SHOWN } from '../../commands/secretAccess.handlers';
import type { App, AppDeps } from '../deps';
import { actorOf, SCOPE_AUDIT } from '../principal';
import { keyParams, problemSchema, secretValueSchema, workspaceKeyParams, workspaceParams } from '../schemas';
import { secretKeySchema } from '../../events/values';
import { HISTORY_PAGE_MAX } from '../../projections/queries';

const revealed = z.object({ value: z.string(), version: z.number().int() });
const checkBody = z.strictObject({ value: secretValueSchema });
/** What a check costs its asker: the one thing about it that grows with the secret. */
const checkDescription =
  `Tests every version, ${HISTORY_PAGE_MAX} at a time: each page after the first counts as one more request against both oracle rate budgets, ` +
  'all charged before any is read: a 429 when a budget cannot pay them now, a 409 `over_rate_budget` when it never could in a minute (nothing recorded either way).';
/** Optional: a past version (DESIGN §9); none, the live value. */
const revealBody = z.strictObject({ version: z.number().int().positive().optional() }).nullish();
/** DESIGN §10: a bulk reveal names at most 100 keys, each once. */
export const MAX_BULK_REVEAL = 100;
const bulkRevealBody = z.strictObject({
  keys: z
    .array(secretKeySchema)
    .min(1)
    .max(MAX_BULK_REVEAL)
    .superRefine((keys, ctx) => {
      const seen = new Set<string>();
      keys.forEach((key, i) => {
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: `${key} is named twice` });
        seen.add(key);
      });
    }),
});
const revealedMany = z.object({ secrets: z.array(z.object({ key: z.string(), value: z.string(), version: z.number().int() })) });
const bulkSummary = 'all or nothing: every refused key is listed in errors[] as keys.KEY (403 if any is forbidden, else 404); each reveal is recorded and counts against the oracle limits';
const checkResult = z.object({
  key: z.string(),
  matches: z
    .array(z.object({ version: z.number().int(), at: z.string(), actor: z.string() }))
    .describe(`The newest matching versions, at most ${MAX_MATCHES_SHOWN}, oldest first`),
  matchCount: z.number().int().nonnegative().describe('How many versions matched in all'),
});

/**
 * Recorded reads: reveal (the only answer besides resolution that holds a value) and testing a
 * leaked value against a secret's fingerprints. Each is recorded in the access stream.
 */
export function secretAccessRoutes(app: App, deps: Pick<AppDeps, 'access' | 'settings'>) {
  /** Like any write, the record's position is in X-Position, and the views have it before we answer. */
  function answerRecorded<T extends { position: string }>(reply: FastifyReply, { position, ...body }: T) {
    return reply.written({ position }, { body });
  }

  const revealAllowed = async () => {
    if (!deps.settings.revealEnabled) throw new Forbidden('Reveal is turned off: secrets are write-only here', 'reveal_disabled');
  };

  app.post(
    '/workspaces/:ws/secrets/:key/reveal',
    {
      preHandler: revealAllowed,
      config: { rateClass: 'oracle', refusalRoute: 'reveal' },
      schema: {
        tags: ['workspace secrets'],
        summary: "Reveal a secret's value (workspace admins, its admins and members; recorded); `version`: a past one (of an earlier lifetime: workspace admins only; destroyed: 410)",
        params: workspaceKeyParams,
        body: revealBody,
        response: { 200: revealed },
      },
    },
    async (request, reply) => answerRecorded(reply, await deps.access.revealWorkspace(actorOf(request), request.params.ws, request.params.key, request.body?.version)),
  );

  app.post(
    '/me/secrets/:key/reveal',
    {
      preHandler: revealAllowed,
      config: { rateClass: 'oracle' },
      schema: { tags: ['personal secrets'], summary: "Reveal my personal secret's value (recorded); `version`: a past one (destroyed: 410)", params: keyParams, body: revealBody, response: { 200: revealed } },
    },
    async (request, reply) => answerRecorded(reply, await deps.access.revealPersonal(actorOf(request), request.params.key, request.body?.version)),
  );

  app.post(
    '/workspaces/:ws/secrets/reveal',
    {
      preHandler: revealAllowed,
      config: { rateClass: 'bulkOracle', refusalRoute: 'reveal' },
      schema: {
        tags: ['workspace secrets'],
        summary: `Reveal up to ${MAX_BULK_REVEAL} values at once (as single reveals would allow); ${bulkSummary}`,
        params: workspaceParams,
        body: bulkRevealBody,
        response: { 200: revealedMany, 409: problemSchema },
      },
    },
    async (request, reply) => answerRecorded(reply, await deps.access.revealWorkspaceKeys(actorOf(request), request.params.ws, request.body.keys)),
  );

  app.post(
    '/me/secrets/reveal',
    {
      preHandler: revealAllowed,
      config: { rateClass: 'bulkOracle' },
      schema: {
        tags: ['personal secrets'],
        summary: `Reveal up to ${MAX_BULK_REVEAL} of my personal values at once; ${bulkSummary}`,
        body: bulkRevealBody,
        response: { 200: revealedMany, 409: problemSchema },
      },
    },
    async (request, reply) => answerRecorded(reply, await deps.access.revealPersonalKeys(actorOf(request), request.body.keys)),
  );

  app.post(
    '/workspaces/:ws/secrets/:key/fingerprint-check',
    {
      config: { rateClass: 'oracle', refusalRoute: 'fingerprint-check' },
      schema: {
        tags: ['audit'],
        summary: 'The versions whose value equals this one (those who may reveal it, audit:read; recorded)',
        description: checkDescription,
        params: workspaceKeyParams,
        body: checkBody,
        response: { 200: checkResult, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const { ws, key } = request.params;
      const { principal } = request;
      const auditor = principal.scopes.has(SCOPE_AUDIT);
      // Each further page of 1,000 versions the check reads counts as one more check, paid up front (README, "Rate limits").
      const check = deps.access.checkFingerprint(actorOf(request), 'workspace', ws, key, request.body.value, auditor, (pages) => request.spend('oracle', pages));
      return answerRecorded(reply, await check);
    },
  );

  app.post(
    '/me/secrets/:key/fingerprint-check',
    {
      config: { rateClass: 'oracle' },
      schema: {
        tags: ['personal secrets'],
        summary: 'The versions of my personal secret whose value equals this one (recorded)',
        description: checkDescription,
        params: keyParams,
        body: checkBody,
        response: { 200: checkResult, 409: problemSchema },
      },
    },
    async (request, reply) =>
      answerRecorded(
        reply,
        await deps.access.checkFingerprint(actorOf(request), 'personal', request.principal.id, request.params.key, request.body.value, false, (pages) => request.spend('oracle', pages)),
      ),
  );
}
