import fp from 'fastify-plugin';
import { LRUCache } from 'lru-cache';
import { Unauthorized } from '../errors';
import type { Principal } from './principal';
import { tokenVerifier, type TokenSettings, type Verified } from './tokens/tokenVerifier';

const VERIFIED_LIMIT = 10_000;
/**
 * And the characters of their tokens in all: a principal is about as large as its token (a `ws`
 * claim of 1,000 workspaces is ~100 KB), and tokens are up to the 16 KiB of the headers.
 */
const VERIFIED_MAX_CHARS = 16 * 1024 * 1024;

/**
 * Principals of tokens already verified, until their `exp`: a busy executor's token is checked
 * (signature, claims) once, then found by the token itself. Bounded, least recently used out
 * first. A provider key that a refetch dropped takes the principals verified with it along.
 */
export class VerifiedTokens {
  private readonly entries: LRUCache<string, Verified>;

  constructor(limit = VERIFIED_LIMIT, maxChars = VERIFIED_MAX_CHARS) {
    this.entries = new LRUCache<string, Verified>({ max: limit, maxSize: maxChars, sizeCalculation: (_verified, token) => token.length });
  }

  get(token: string): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (Date.now() < entry.expiresAt) return entry.principal;
    this.entries.delete(token);
    return undefined;
  }

  set(token: string, verified: Verified): void {
    this.entries.set(token, verified);
  }

  /** Forgets every principal verified with one of these provider keys (a rare event: one pass). */
  evictKeys(kids: readonly string[]): void {
    const dropped = new Set(kids);
    for (const [token, entry] of this.entries.entries()) if (entry.kid !== null && dropped.has(entry.kid)) this.entries.delete(token);
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

/**
 * Bearer JWT authentication for every route of the context it is registered in (the /v1 API;
 * health, metrics and docs live outside it): HS256 tokens signed with the service's secret, and
 * tokens of an identity provider (DESIGN §3, §10; src/api/tokens). `exp` and `sub` required.
 */
export const authPlugin = fp<{ tokens: TokenSettings }>(
  async (app, { tokens }) => {
    const verify = tokenVerifier(tokens);
    const verified = new VerifiedTokens();
    tokens.identityProvider?.keys.onDropped((kids) => verified.evictKeys(kids));
    // Set by the onRequest hook below before any handler runs; fastify's types want a value of the declared type (double cast justified).
    app.decorateRequest('principal', null as unknown as Principal);
    // A callback hook, not an async one: this runs on every request, and a known token (or an HS256 one) needs no await.
    app.addHook('onRequest', (request, _reply, done) => {
      try {
        const token = bearerToken(request.headers.authorization);
        if (token === null) throw new Unauthorized();
        const known = verified.get(token);
        if (known) {
          request.principal = known;
          return done();
        }
        const accept = (result: Verified) => {
          verified.set(token, result);
          request.principal = result.principal;
        };
        const result = verify(token);
        if (!(result instanceof Promise)) {
          accept(result);
          return done();
        }
        result.then(
          (resolved) => {
            accept(resolved);
            done();
          },
          (error: unknown) => done(error instanceof Unauthorized ? error : new Unauthorized('The bearer token is invalid or expired')),
        );
      } catch (error) {
        done(error instanceof Unauthorized ? error : new Unauthorized('The bearer token is invalid or expired'));
      }
    });
  },
  { name: 'auth' },
);
