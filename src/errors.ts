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
  | 'preconditionFailed' // 412: stale If-Match
  | 'missingReferences' // 422
  | 'notCaughtUp' // 503: the views did not reach a requested position in time
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

export class ValidationFailed extends ProblemError {
  constructor(message: string, readonly errors: readonly FieldError[]) {
    super('validation', 'validation_failed', message, { errors });
  }
}

export class Unauthorized extends ProblemError {
  constructor(message = 'A valid bearer token is required') {
    super('unauthorized', 'unauthorized', message);
  }
}

export class Forbidden extends ProblemError {
  constructor(message: string, code = 'forbidden') {
    super('forbidden', code, message);
  }
}

export class NotFound extends ProblemError {
  constructor(message: string, code = 'not_found') {
    super('notFound', code, message);
  }
}

export class RuleViolation extends ProblemError {
  constructor(code: string, message: string) {
    super('rule', code, message);
  }
}

export class PreconditionFailed extends ProblemError {
  constructor(readonly currentRevision: number) {
    super('preconditionFailed', 'stale_revision', `The scope is at revision ${currentRevision}; reload and retry`, {
      revision: currentRevision,
    });
  }
}

export class MissingReferences extends ProblemError {
  constructor(readonly missing: readonly { key: string; path: string }[]) {
    super('missingReferences', 'missing_references', `Unresolved references: ${[...new Set(missing.map((m) => m.key))].join(', ')}`, {
      missing,
    });
  }
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
