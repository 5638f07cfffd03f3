import { createVerifier } from 'fast-jwt';
import fp from 'fastify-plugin';
import { LRUCache } from 'lru-cache';
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

const VERIFIED_LIMIT = 10_000;

/**
 * Principals of tokens already verified, until their `exp`: a busy executor's token is checked
 * (signature, claims) once, then found by the token itself. Bounded, least recently used out first.
 */
class VerifiedTokens {
  private readonly entries = new LRUCache<string, { principal: Principal; expiresAt: number }>({ max: VERIFIED_LIMIT });

  get(token: string): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (Date.now() < entry.expiresAt) return entry.principal;
    this.entries.delete(token);
    return undefined;
  }

  set(token: string, principal: Principal, expiresAt: number): void {
    this.entries.set(token, { principal, expiresAt });
  }
}

/** The token of an `Authorization: Bearer <token>` header; the scheme is case-insensitive (RFC 9110). */
function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  // The usual spelling, without a regular expression: this runs on every request.
  if (header.startsWith('Bearer ') && header[7] !== ' ') return header.slice('Bearer '.length);
  const match = /^bearer +(\S+)$/i.exec(header);
  return match ? match[1]! : null;
}

function claimsWellFormed(claims: z.infer<typeof claimsSchema>): boolean {
  const texts = [claims.sub, claims.email ?? '', claims.scope ?? '', ...(claims.ws ?? [])];
  return texts.every((text) => text.isWellFormed());
}

/**
 * Bearer JWT authentication for every route of the context it is registered in (the /v1 API;
 * health, metrics and docs live outside it): HS256 only, `exp` and `sub` required (DESIGN §3).
 */
export const authPlugin = fp<{ secret: string }>(
  async (app, { secret }) => {
    const verify = createVerifier({ key: secret, algorithms: ['HS256'], requiredClaims: ['exp', 'sub'] });
    const verified = new VerifiedTokens();
    // Set by the onRequest hook below before any handler runs; fastify's types want a value of the declared type (double cast justified).
    app.decorateRequest('principal', null as unknown as Principal);
    const principalOf = (header: string | undefined): Principal => {
      const token = bearerToken(header);
      if (token === null) throw new Unauthorized();
      const known = verified.get(token);
      if (known) return known;
      let claims: z.infer<typeof claimsSchema>;
      try {
        claims = claimsSchema.parse(verify(token));
      } catch {
        throw new Unauthorized('The bearer token is invalid or expired');
      }
      // A lone surrogate in `sub` would be stored as U+FFFD, and two users would share one id.
      if (!claimsWellFormed(claims)) throw new Unauthorized('The bearer token holds ill-formed Unicode');
      const principal = {
        id: claims.sub,
        email: claims.email?.toLowerCase() ?? null,
        scopes: new Set(claims.scope?.split(' ').filter(Boolean) ?? []),
        workspaces: claims.ws ? new Set(claims.ws) : null,
      };
      verified.set(token, principal, claims.exp * 1000);
      return principal;
    };
    // A callback hook, not an async one: this runs on every request, and a known token needs no await.
    app.addHook('onRequest', (request, _reply, done) => {
      try {
        request.principal = principalOf(request.headers.authorization);
        done();
      } catch (error) {
        done(error as Error);
      }
    });
  },
  { name: 'auth' },
);
