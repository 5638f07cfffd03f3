/**
 * Errors that reach a client. Each carries a `kind`, which the API's error handler maps to an
 * HTTP status by lookup (see src/api/problemDetails.plugin.ts), and a stable `code` for clients.
 * Messages name keys, fields and ids, never secret values.
 */
export type ProblemKind =
  | 'validation' // 400
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'notFound' // 404
  | 'rule' // 409: a domain rule refuses it
  | 'gone' // 410: what was asked for was destroyed
  | 'preconditionFailed' // 412: stale If-Match
  | 'missingReferences' // 422
  | 'rateLimited' // 429
  | 'notCaughtUp' // 503: the views did not reach a requested position in time
  | 'unavailable' // 503: something the answer depends on (its record) could not be written
  | 'busy'; // 503: too many concurrent writers on one stream

export type FieldError = Readonly<{ field: string; message: string }>;

export class ProblemError extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly code: string,
    message: string,
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A problem lists at most this many errors, and says how many there were when there were more. */
export const MAX_LISTED_ERRORS = 100;

export function listedErrors<E>(errors: readonly E[]): { listed: readonly E[]; errorCount: number } {
  return { listed: errors.slice(0, MAX_LISTED_ERRORS), errorCount: errors.length };
}

export class ValidationFailed extends ProblemError {
  readonly errors: readonly FieldError[];

  /** `errorCount`: how many errors there were, when `errors` holds only the first of them. */
  constructor(message: string, errors: readonly FieldError[], errorCount = errors.length) {
    const { listed } = listedErrors(errors);
    super('validation', 'validation_failed', message, { errors: listed, ...(errorCount > listed.length ? { errorCount } : {}) });
    this.errors = listed;
  }
}

export class Unauthorized extends ProblemError {
  constructor(message = 'A valid bearer token is required') {
    super('unauthorized', 'unauthorized', message);
  }
}

export class Forbidden extends ProblemError {
  constructor(message: string, code = 'forbidden', extra: Readonly<Record<string, unknown>> = {}) {
    super('forbidden', code, message, extra);
  }
}

export class NotFound extends ProblemError {
  constructor(message: string, code = 'not_found', extra: Readonly<Record<string, unknown>> = {}) {
    super('notFound', code, message, extra);
  }
}

/** A destroyed secret, version or lifetime (DESIGN §9): its data key is gone, nothing can open it. */
export class Destroyed extends ProblemError {
  constructor(message: string) {
    super('gone', 'destroyed', message);
  }
}

export class RuleViolation extends ProblemError {
  constructor(code: string, message: string, extra: Readonly<Record<string, unknown>> = {}) {
    super('rule', code, message, extra);
  }
}

export class PreconditionFailed extends ProblemError {
  constructor(readonly currentRevision: number) {
    super('preconditionFailed', 'stale_revision', `The scope is at revision ${currentRevision}; reload and retry`, {
      revision: currentRevision,
    });
  }
}

/** How many keys a problem's detail names before it says how many more there are. */
const KEYS_NAMED = 20;

/** `A, B, C` or `A, B, … and 980 more`: a detail names a bounded number of keys. */
export function namedKeys(keys: readonly string[]): string {
  const named = keys.slice(0, KEYS_NAMED).join(', ');
  return keys.length > KEYS_NAMED ? `${named} and ${keys.length - KEYS_NAMED} more` : named;
}

/** Why a reference did not resolve (DESIGN §10). */
export type MissingReason = 'unknown' | 'deleted' | 'destroyed' | 'personal_unavailable';

export class MissingReferences extends ProblemError {
  /** `missing`: the first entries (at most 100); `missingCount`: how many distinct `{key, path}` there are in all. */
  constructor(readonly missing: readonly { key: string; path: string; reason: MissingReason }[], readonly missingCount: number) {
    const keys = [...new Set(missing.map((m) => m.key))];
    const named = keys.slice(0, KEYS_NAMED).join(', ');
    const more = keys.length > KEYS_NAMED || missingCount > missing.length ? ` and more (${missingCount} missing references in all)` : '';
    super('missingReferences', 'missing_references', `Unresolved references: ${named}${more}`, { missing, missingCount });
  }
}

export class RateLimited extends ProblemError {
  constructor(readonly retryAfterSeconds: number) {
    super('rateLimited', 'rate_limited', `Too many requests; retry in ${retryAfterSeconds} s`);
  }
}

/** A rate budget refused a payment: not now (429 `rate_limited`) or not ever in a minute (409 `over_rate_budget`). */
export function isBudgetRefusal(error: unknown): boolean {
  return error instanceof RateLimited || (error instanceof RuleViolation && error.code === 'over_rate_budget');
}

export class NotCaughtUp extends ProblemError {
  constructor(position: string) {
    super('notCaughtUp', 'views_not_caught_up', `The views did not reach position ${position} in time; retry`);
  }
}

export class StreamBusy extends ProblemError {
  constructor(streamId: string) {
    super('busy', 'stream_busy', `Too many concurrent writes to ${streamId}; retry`);
  }
}
