import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { RateLimited, RuleViolation } from '../errors';

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
     * Spends a rate class's budgets for this request `times` more (its route's own class unless
     * named), for work that grows with what the request reaches: a fingerprint check's further
     * pages of versions, an audit export's whole history. A 429 (`RateLimited`), spending
     * nothing, when a budget has fewer than `times` left; a 409 `over_rate_budget`, spending
     * nothing, when the request would cost more than a budget allows in a minute (its arrival and
     * what it spent before counted), so no retry could ever pass.
     */
    spend(rateClass?: RateClass, times?: number): Promise<void>;
  }
}

type Limiter = (
  request: FastifyRequest,
  options?: { increment?: boolean },
) => Promise<{ isAllowed: true } | { isAllowed: false; isExceeded: boolean; remaining: number; ttlInSeconds: number }>;

type Budget = Exclude<RateClass, 'bulkOracle'>;

/** The secret a value-oracle request is about: one budget per secret, whoever asks. */
function secretOf(request: FastifyRequest): string {
  const params = request.params as { ws?: string; key?: string };
  return params.ws === undefined ? `user:${request.principal.id}/${params.key}` : `workspace:${params.ws}/${params.key}`;
}

/** The setting that sets each class's budgets, for an answer that says what to raise. */
const SETTING_OF: Record<Budget, string> = {
  settings: 'RATE_LIMIT_MAX',
  oracle: 'RATE_LIMIT_ORACLE_MAX and RATE_LIMIT_ORACLE_PER_SECRET_MAX',
  resolve: 'RATE_LIMIT_RESOLVE_MAX',
  verify: 'RATE_LIMIT_VERIFY_MAX',
};

function overBudget(rateClass: Budget, cost: number, perMinute: number): RuleViolation {
  return new RuleViolation(
    'over_rate_budget',
    `This request costs ${cost} requests of its rate budget at once, more than the ${perMinute} a minute it allows; an operator can raise ${SETTING_OF[rateClass]}`,
    { cost, perMinute },
  );
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
    // The most each class lets one request spend in a minute: the smallest of its budgets.
    const perMinute: Record<Budget, number> = {
      settings: limits.settingsMax,
      oracle: Math.min(limits.oracleMax, limits.oraclePerSecretMax),
      resolve: limits.resolveMax > 0 ? limits.resolveMax : Infinity,
      verify: limits.verifyMax,
    };
    const spend = async (checks: readonly Limiter[], request: FastifyRequest) => {
      for (const check of checks) {
        const result = await check(request);
        if (!result.isAllowed && result.isExceeded) throw new RateLimited(result.ttlInSeconds);
      }
    };
    /** A 429, spending nothing, when one of the budgets has fewer than `times` left now. */
    const requireLeft = async (checks: readonly Limiter[], request: FastifyRequest, times: number) => {
      for (const check of checks) {
        const result = await check(request, { increment: false });
        if (!result.isAllowed && result.remaining < times) throw new RateLimited(Math.max(1, result.ttlInSeconds));
      }
    };
    /** What each request has spent through `spend` besides its arrival, by budget: a request that spends again is judged on its whole cost. */
    const spentBy = new WeakMap<FastifyRequest, Map<Budget, number>>();
    // A bulk reveal counts once per key against both oracle budgets (DESIGN §10), as if each key
    // were revealed alone: its keys are in the body, so it is counted once the body is parsed,
    // still before validation. A body without a list of keys counts once, as a refused request.
    app.addHook('onRoute', (route) => {
      if (route.config?.rateClass !== 'bulkOracle') return;
      const countKeys = async (request: FastifyRequest) => {
        const keys = bulkKeysOf(request.body);
        if (keys.length === 0) return spend(checks.oracle.slice(0, 1), request);
        // Each key counts once against the principal's budget: more keys than it holds in a minute could never pass.
        if (keys.length > limits.oracleMax) throw overBudget('oracle', keys.length, limits.oracleMax);
        for (const key of keys) await spend(checks.oracle, forKey(request, key));
      };
      route.preValidation = [countKeys, ...[route.preValidation ?? []].flat()];
    });
    app.decorateRequest('spend', async function (this: FastifyRequest, rateClass?: RateClass, times = 1) {
      const own = this.routeOptions.config.rateClass ?? 'settings';
      const named = rateClass ?? own;
      // A bulk reveal's budgets are the oracles' (its own list is empty: it counts them by key).
      const budget = named === 'bulkOracle' ? 'oracle' : named;
      const spent = spentBy.get(this) ?? new Map<Budget, number>();
      spentBy.set(this, spent);
      const cost = (budget === own ? 1 : 0) + (spent.get(budget) ?? 0) + times;
      if (cost > perMinute[budget]) throw overBudget(budget, cost, perMinute[budget]);
      // Refused before spending any of it: a 429 does not use up what is left (the secret's budget is everyone's).
      await requireLeft(checks[budget], this, times);
      spent.set(budget, (spent.get(budget) ?? 0) + times);
      for (let unit = 0; unit < times; unit += 1) await spend(checks[budget], this);
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
