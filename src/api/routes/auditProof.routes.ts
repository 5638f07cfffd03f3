import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { NotFound } from '../../errors';
import { SealNotFound } from '../../proof/auditExport';
import { exportLineSchema } from '../../proof/exportFormat';
import type { App, AppDeps } from '../deps';
import { actorOf } from '../principal';
import { positionSchema, workspaceParams } from '../schemas';
import { NDJSON, requireAuditReader } from './audit.routes';

const finding = { stream: z.string().optional(), revision: z.number().optional(), seal: z.number().optional(), problem: z.string(), detail: z.string() };
const verificationLineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('finding'), ...finding }),
  z.object({ kind: z.literal('progress'), events: z.number() }),
  z.object({
    kind: z.literal('result'),
    ok: z.boolean(),
    findings: z.number(),
    workspaceId: z.string().nullable(),
    newestSeal: z.number().nullable(),
    streams: z.number(),
    events: z.number(),
    unsealedEvents: z.number(),
    chainedAtMigration: z.number(),
    prunedStreams: z.number(),
  }),
]);

type ProofDeps = Pick<AppDeps, 'views' | 'auditExports' | 'proofs'>;

async function* ndjson(lines: AsyncIterable<unknown>, after: () => Promise<void>) {
  try {
    for await (const line of lines) yield `${JSON.stringify(line)}\n`;
  } finally {
    await after();
  }
}

/**
 * Sends the lines as NDJSON, then runs `after` (the record of the export), however the stream
 * ends. The route's response schema documents one line; fastify sends a stream as it is, without
 * the serializer, so the stream is passed off as the type the schema gives (double cast justified).
 */
function sendLines<T>(reply: FastifyReply, lines: AsyncIterable<unknown>, after: () => Promise<void>): T {
  return reply.type(NDJSON).send(Readable.from(ndjson(lines, after))) as unknown as T;
}

/**
 * Proof of the history (DESIGN §8): the export a reviewer verifies offline, the same checks run
 * here on the stored events, and the keys seals are signed with (public: a verifier needs them
 * without an account).
 */
export function auditProofRoutes(app: App, deps: ProofDeps) {
  const tags = ['audit'];

  app.get(
    '/workspaces/:ws/audit/export',
    {
      // Like a verification it reads the workspace's whole history, and from `sinceSeal` on every
      // seal from the first (README, "Rate limits"): the settings budget would let one principal
      // ask for it 6,000 times a minute.
      config: { rateClass: 'verify' },
      schema: {
        tags,
        summary: "The workspace's events with the newest seal and proofs, for `npm run verify-audit` (NDJSON; admins, audit:read)",
        description:
          'Every event of the workspace\'s streams as hashed (envelopes as {sha256} digests), the newest seal, and for each stream set a proof of its heads; ' +
          '`sinceSeal=N` adds every seal from N on and proofs against N, to check a seal kept from before. ' +
          'Rate-limited per principal with verifications (it reads as much). Recorded as an export once it ends.',
        params: workspaceParams,
        querystring: z.strictObject({ sinceSeal: z.coerce.number().int().positive().optional(), minPosition: positionSchema.optional() }),
        produces: [NDJSON],
        response: { 200: exportLineSchema.describe('Each line of the export is one of these') },
      },
    },
    async (request, reply) => {
      const { ws } = request.params;
      const { sinceSeal } = request.query;
      await requireAuditReader(deps, request.principal, ws);
      let lines;
      try {
        lines = await deps.proofs.export(ws, sinceSeal);
      } catch (error) {
        if (error instanceof SealNotFound) throw new NotFound(error.message, 'seal_not_found');
        throw error;
      }
      const exporter = actorOf(request);
      const filters = { proof: 'export', ...(sinceSeal === undefined ? {} : { sinceSeal: String(sinceSeal) }) };
      reply.header('content-disposition', `attachment; filename="audit-${ws}.ndjson"`);
      return sendLines(reply, lines, () => deps.auditExports.record(exporter, { workspaces: [ws] }, filters));
    },
  );

  app.post(
    '/workspaces/:ws/audit/verify',
    {
      config: { rateClass: 'verify' },
      schema: {
        tags,
        summary: "Checks the workspace's stored history against its hash chains and every seal (NDJSON progress; admins, audit:read)",
        description:
          'Streams {kind: finding} for each break as found (stream and revision, or seal), {kind: progress} every 10,000 events, then {kind: result}. ' +
          'Rate-limited per principal. Recorded as AuditVerified once it ends.',
        params: workspaceParams,
        produces: [NDJSON],
        response: { 200: verificationLineSchema.describe('Each line of the answer is one of these') },
      },
    },
    async (request, reply) => {
      const { ws } = request.params;
      await requireAuditReader(deps, request.principal, ws);
      const lines = await deps.proofs.verify(ws);
      const verifier = actorOf(request);
      let result: { ok: boolean; findings: number; events: number; newestSeal: number | null } | null = null;
      async function* watched() {
        for await (const line of lines) {
          if (line.kind === 'result') result = line;
          yield line;
        }
      }
      const record = async () => {
        if (!result) return;
        const { ok, findings, events, newestSeal } = result;
        await deps.auditExports.recordVerification(verifier, ws, { outcome: ok ? 'intact' : 'broken', findings, events, newestSeal });
      };
      return sendLines(reply, watched(), record);
    },
  );
}

/** GET /v1/audit/public-keys: outside authentication, so a reviewer needs no account to verify. */
export function publicKeysRoute(app: App, deps: Pick<AppDeps, 'proofs'>) {
  app.get(
    '/audit/public-keys',
    {
      schema: {
        tags: ['audit'],
        summary: 'The Ed25519 keys seals are signed with, by id, with the time each signed (no token)',
        response: {
          200: z.object({
            keys: z.array(
              z.object({ keyId: z.string(), algorithm: z.literal('Ed25519'), publicKey: z.string(), validFrom: z.string(), validUntil: z.string().nullable() }),
            ),
          }),
        },
      },
    },
    async () => ({ keys: await deps.proofs.publicKeys() }),
  );
}
