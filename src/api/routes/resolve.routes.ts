import { z } from 'zod';
import { Forbidden, MissingReferences } from '../../errors';
import { runSchema } from '../../events/records.events';
import { triggers } from '../../resolver/resolver';
import { awaitMinPosition } from '../consistency';
import type { App, AppDeps } from '../deps';
import { actorOf, SCOPE_RESOLVE } from '../principal';
import { idSchema, positionSchema, problemSchema } from '../schemas';

const userIdSchema = z.string().min(1).max(256);

const resolveBody = z
  .strictObject({
    workspaceId: idSchema,
    trigger: z.enum(triggers),
    triggeredBy: userIdSchema.optional(),
    workflowOwnerId: userIdSchema.optional(),
    // Any JSON value (the body is JSON already); walking it with z.json() cost more than resolving it.
    input: z.unknown().refine((input) => input !== undefined, 'is required'),
    run: runSchema.optional(),
    onMissing: z.enum(['fail', 'keep']).default('fail'),
    masks: z.boolean().default(false),
    minPosition: positionSchema.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.trigger === 'manual' && body.triggeredBy === undefined) {
      ctx.addIssue({ code: 'custom', path: ['triggeredBy'], message: 'is required for manual runs' });
    }
    if (body.trigger !== 'manual' && body.workflowOwnerId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['workflowOwnerId'], message: `is required for ${body.trigger} runs` });
    }
  });

/**
 * Resolution for executors: tokens with `secrets:resolve` (their `ws` claim checked with every
 * route's). Every resolution, answered or missing, is on the record before any value leaves: a
 * record that cannot be written makes a 503 with no value.
 */
export function resolveRoutes(app: App, deps: Pick<AppDeps, 'resolver' | 'resolutionRecords' | 'progress' | 'metrics' | 'settings'>) {
  app.post(
    '/resolve',
    {
      config: {
        rateClass: 'resolve',
        refusalRoute: 'resolve',
        workspaceOf: (request) => {
          const workspaceId = (request.body as { workspaceId?: unknown } | undefined)?.workspaceId;
          return typeof workspaceId === 'string' ? workspaceId : undefined;
        },
      },
      // The scope is checked before the body is validated: without it, nothing about the body is said.
      preValidation: (request, _reply, done) => {
        if (request.principal.scopes.has(SCOPE_RESOLVE)) return done();
        deps.metrics.resolutions.inc({ outcome: 'refused' });
        done(new Forbidden(`Resolution needs the ${SCOPE_RESOLVE} scope`));
      },
      schema: {
        tags: ['resolution'],
        summary: 'Resolve {{KEY}} references in a JSON value at run time (on the record)',
        body: resolveBody,
        response: {
          200: z.object({
            output: z.unknown(),
            references: z.array(z.object({ key: z.string(), scope: z.enum(['workspace', 'personal']), version: z.number().int() })),
            masks: z.array(z.string()).optional(),
          }),
          422: problemSchema,
        },
      },
    },
    async (request) => {
      const { body } = request;
      const { resolutions, resolvedReferences } = deps.metrics;
      try {
        await awaitMinPosition(deps.progress, deps.settings.viewWaitMs, request, body.minPosition);
        const resolution = await deps.resolver.resolve(body);
        await deps.resolutionRecords.record(actorOf(request), body, resolution);
        if (!resolution.answer) throw resolution.failure!;
        resolutions.inc({ outcome: 'resolved' });
        for (const reference of resolution.answer.references) resolvedReferences.inc({ scope: reference.scope });
        return resolution.answer;
      } catch (error) {
        resolutions.inc({ outcome: error instanceof MissingReferences ? 'missing' : 'refused' });
        throw error;
      }
    },
  );
}
