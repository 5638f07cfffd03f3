import { createVerifier } from 'fast-jwt';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { Unauthorized } from '../errors';
import type { Principal } from './principal';

const claimsSchema = z.object({
  sub: z.string().min(1).max(256),
  exp: z.number(),
  email: z.string().email().max(320).optional(),
  scope: z.string().max(1000).optional(),
  ws: z.array(z.string().min(1).max(128)).max(1000).optional(),
});

/**
 * Bearer JWT authentication for every route of the context it is registered in (the /v1 API;
 * health, metrics and docs live outside it): HS256 only, `exp` and `sub` required (DESIGN §3). Verified tokens
 * are cached by fast-jwt until they expire, so a busy executor's token is checked once.
 */
export const authPlugin = fp<{ secret: string }>(
  async (app, { secret }) => {
    const verify = createVerifier({
      key: secret,
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'sub'],
      cache: 10_000,
    });
    app.decorateRequest('principal', null as unknown as Principal);
    app.addHook('onRequest', async (request) => {
      const header = request.headers.authorization;
      const match = header?.match(/^Bearer ([A-Za-z0-9._~+/-]+=*)$/);
      if (!match) throw new Unauthorized();
      let claims: z.infer<typeof claimsSchema>;
      try {
        claims = claimsSchema.parse(verify(match[1]!));
      } catch {
        throw new Unauthorized('The bearer token is invalid or expired');
      }
      request.principal = {
        id: claims.sub,
        email: claims.email?.toLowerCase() ?? null,
        scopes: new Set(claims.scope?.split(' ').filter(Boolean) ?? []),
        workspaces: claims.ws ? new Set(claims.ws) : null,
      };
    });
  },
  { name: 'auth' },
);
