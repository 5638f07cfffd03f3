import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { RateLimited } from '../errors';

/**
 * Which budget a route spends (DESIGN §6): settings routes share one per principal; the value
 * oracles (reveal, fingerprint check) have a tighter one per principal and one per secret over
 * all principals; resolution has its own, off by default (an executor fleet shares one identity);
 * a verification, which reads a workspace's whole history, a small one.
 */
export type RateClass = 'settings' | 'oracle' | 'bulkOracle' | 'resolve' | 'verify';

export type RateLimits = Readonly<{
  /** Settings routes, per principal per minute. */
  settingsMax: number;
  /** Reveal and fingerprint check, per principal per minute. */
  oracleMax: number;
  /** Reveal and fingerprint check of one secret, all principals together, per minute. */
  oraclePerSecretMax: number;
  /** Resolution, per principal per minute; 0: unlimited. */
  resolveMax: number;
  /** Verifications of a workspace's stored history (each reads all of it), per principal per minute. */
  verifyMax: number;
}>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The rate budget this route spends; settings when not given. */
    rateClass?: RateClass;
  }
  interface FastifyRequest {
    /**
     * Spends a rate class's budgets for this request once more (its route's own class unless
     * named), for work that grows with what the request reaches: a fingerprint check's further
     * pages of versions, an audit export's whole history. A 429 (`RateLimited`) when one is spent.
     */
    spend(rateClass?: RateClass): Promise<void>;
  }
}

type Limiter = (request: FastifyRequest) => Promise<{ isAllowed: true } | { isAllowed: false; isExceeded: boolean; ttlInSeconds: number }>;

/** The secret a value-oracle request is about: one budget per secret, whoever asks. */
function secretOf(request: FastifyRequest): string {
  const params = request.params as { ws?: string; key?: string };
  return params.ws === undefined ? `user:${request.principal.id}/${params.key}` : `workspace:${params.ws}/${params.key}`;
}

/** A bulk reveal's body as sent (not yet validated): its distinct keys, or none when it holds no list of at most 100 strings. */
function bulkKeysOf(body: unknown): string[] {
  const keys = (body as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length > 100 || !keys.every((key) => typeof key === 'string')) return [];
  return [...new Set(keys as string[])];
}

/**
 * The request as the per-secret limiter sees it for one key of a bulk reveal: the same request
 * (its route, its principal) with that key in its params.
 */
function forKey(request: FastifyRequest, key: string): FastifyRequest {
  const params = { ...(request.params as object), key };
  return Object.create(request, { params: { value: params } }) as FastifyRequest;
}

/**
 * Per-principal rate limits, checked in `onRequest` right after authentication: before
 * validation, so every authenticated request counts, refused ones included. Counts are kept
 * in this process (@fastify/rate-limit's local store).
 */
export const rateLimitsPlugin = fp<{ limits: RateLimits }>(
  async (app, { limits }) => {
    await app.register(rateLimit, { global: false });
    const principal = (request: FastifyRequest) => `principal:${request.principal.id}`;
    const limiter = (max: number, keyGenerator: (request: FastifyRequest) => string): Limiter =>
      app.createRateLimit({ max, timeWindow: 60_000, keyGenerator });
    const checks: Record<RateClass, readonly Limiter[]> = {
      settings: [limiter(limits.settingsMax, principal)],
      // The principal's budget first: a principal over it does not spend the secret's.
      oracle: [limiter(limits.oracleMax, principal), limiter(limits.oraclePerSecretMax, secretOf)],
      resolve: limits.resolveMax > 0 ? [limiter(limits.resolveMax, principal)] : [],
      verify: [limiter(limits.verifyMax, principal)],
      // Counted per key once the body is read (below).
      bulkOracle: [],
    };
    const spend = async (checks: readonly Limiter[], request: FastifyRequest) => {
      for (const check of checks) {
        const result = await check(request);
        if (!result.isAllowed && result.isExceeded) throw new RateLimited(result.ttlInSeconds);
      }
    };
    // A bulk reveal counts once per key against both oracle budgets (DESIGN §10), as if each key
    // were revealed alone: its keys are in the body, so it is counted once the body is parsed,
    // still before validation. A body without a list of keys counts once, as a refused request.
    app.addHook('onRoute', (route) => {
      if (route.config?.rateClass !== 'bulkOracle') return;
      const countKeys = async (request: FastifyRequest) => {
        const keys = bulkKeysOf(request.body);
        if (keys.length === 0) return spend(checks.oracle.slice(0, 1), request);
        for (const key of keys) await spend(checks.oracle, forKey(request, key));
      };
      route.preValidation = [countKeys, ...[route.preValidation ?? []].flat()];
    });
    app.decorateRequest('spend', function (this: FastifyRequest, rateClass?: RateClass) {
      const named = rateClass ?? this.routeOptions.config.rateClass ?? 'settings';
      // A bulk reveal's budgets are the oracles' (its own list is empty: it counts them by key).
      return spend(checks[named === 'bulkOracle' ? 'oracle' : named], this);
    });
    app.addHook('onRequest', (request, _reply, done) => {
      const pending = checks[request.routeOptions.config.rateClass ?? 'settings'];
      // A callback hook: resolution, unlimited by default, pays nothing here.
      if (pending.length === 0) return done();
      spend(pending, request).then(() => done(), done);
    });
  },
  { name: 'rate-limits', dependencies: ['auth'] },
);
