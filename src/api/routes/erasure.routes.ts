import { z } from 'zod';
import { ValidationFailed } from '../../errors';
import type { App, AppDeps } from '../deps';
import { actorOf } from '../principal';
import { positionSchema } from '../schemas';

/** `POST /v1/me/erase {confirm: "me"}` (DESIGN §9): the caller forgotten, as far as keys can make it. */
export function erasureRoutes(app: App, deps: Pick<AppDeps, 'erasure'>) {
  app.post(
    '/me/erase',
    {
      schema: {
        tags: ['personal secrets'],
        summary: 'Erase me: leave every workspace, destroy my personal secrets and the keys of my emails and addresses (409 while I am the last admin of a workspace)',
        body: z.strictObject({ confirm: z.string() }),
        response: { 200: z.object({ left: z.array(z.string()), secretsDestroyed: z.number().int(), position: positionSchema }) },
      },
    },
    async (request, reply) => {
      if (request.body.confirm !== 'me') throw new ValidationFailed('Erasing needs confirm: "me"', [{ field: 'confirm', message: 'must be me' }]);
      // Each further page of 500 memberships looked through counts as one more request (README, "Rate limits").
      const erased = await deps.erasure.erase(actorOf(request), () => request.spend());
      return reply.written({ position: erased.position }, { body: { ...erased, position: erased.position ?? '0' } });
    },
  );
}
