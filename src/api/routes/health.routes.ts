import { z } from 'zod';
import type { App, AppDeps } from '../deps';
import { sendProblem } from '../problemDetails.plugin';
import { problemSchema } from '../schemas';

/** Liveness and readiness, unprefixed and without a token (for load balancers and orchestrators). */
export function healthRoutes(app: App, deps: Pick<AppDeps, 'notReadyBecause' | 'progress'>) {
  app.get(
    '/healthz',
    { schema: { tags: ['operations'], summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Readiness: 503 while the views lag or the projector stopped',
        response: { 200: z.object({ status: z.literal('ready'), position: z.string().nullable() }), 503: problemSchema },
      },
    },
    async (_request, reply) => {
      const reason = deps.notReadyBecause();
      if (reason !== null) return sendProblem(reply, 503, 'not_ready', reason);
      return { status: 'ready' as const, position: deps.progress.position() };
    },
  );
}
