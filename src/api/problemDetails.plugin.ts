import type { FastifyError, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { listedErrors, ProblemError, RateLimited, type FieldError, type ProblemKind } from '../errors';

export const statusByKind: Readonly<Record<ProblemKind, number>> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  rule: 409,
  gone: 410,
  preconditionFailed: 412,
  missingReferences: 422,
  rateLimited: 429,
  notCaughtUp: 503,
  unavailable: 503,
  busy: 503,
};

/** Fastify's own request errors, by code, with messages that never echo the body. */
const fastifyErrors: Record<string, { status: number; code: string; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json', detail: 'The body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_json', detail: 'The body is empty; send a JSON object' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body_too_large', detail: 'The body is larger than the limit' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    detail: 'Send the body as application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid_content_length', detail: 'Content-Length does not match the body' },
};

/** An RFC 9457 problem: `type`, `title`, `status`, plus our `code` and `detail` (and any extension). */
export function problemOf(status: number, code: string, detail: string, extra: Readonly<Record<string, unknown>> = {}) {
  return { type: 'about:blank', title: titleOf(status), status, code, detail, ...extra };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The `code` of the problem the request was answered with, if it was (refusals are recorded by it). */
    problemCode: string | null;
  }
}

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  extra: Readonly<Record<string, unknown>> = {},
) {
  reply.request.problemCode = code;
  // A refused request changed nothing: a revision or position set before the refusal does not apply.
  reply.removeHeader('etag').removeHeader('x-position');
  return reply.code(status).type('application/problem+json').send(problemOf(status, code, detail, extra));
}

/**
 * The one error handler: every error becomes an RFC 9457 problem. Domain errors map by `kind`;
 * validation lists each field; anything unknown is a 500 whose details stay in the log.
 * No message here ever contains a request body (JSON parse errors quote the body, so their
 * own messages are replaced).
 */
export const problemDetailsPlugin = fp(
  async (app) => {
    app.decorateRequest('problemCode', null);
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof ProblemError) {
        if (error instanceof RateLimited) reply.header('retry-after', String(error.retryAfterSeconds));
        return sendProblem(reply, statusByKind[error.kind], error.code, error.message, error.extra);
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const errors: FieldError[] = error.validation.flatMap((issue) => {
          const path = issue.instancePath.split('/').filter(Boolean);
          const unknownKeys = (issue.params as { keys?: unknown }).keys;
          if (issue.keyword === 'unrecognized_keys' && Array.isArray(unknownKeys)) {
            return unknownKeys.map((key) => ({ field: [...path, String(key)].join('.'), message: 'unknown field' }));
          }
          // A record key that breaks its rule: zod nests the rule's own message.
          const nested = (issue.params as { issues?: { message?: string }[] }).issues?.[0]?.message;
          const message = issue.keyword === 'invalid_key' && nested ? nested : (issue.message ?? 'is invalid');
          return [{ field: path.join('.') || (error.validationContext ?? 'body'), message }];
        });
        const where = error.validationContext ?? 'request';
        const { listed, errorCount } = listedErrors(errors);
        const named = listed.slice(0, 20).map((e) => e.field).join(', ');
        return sendProblem(reply, 400, 'validation_failed', `Invalid ${where}: ${named}${errorCount > 20 ? `, … (${errorCount} in all)` : ''}`, {
          errors: listed,
          ...(errorCount > listed.length ? { errorCount } : {}),
        });
      }
      const known = error.code ? fastifyErrors[error.code] : undefined;
      if (known) return sendProblem(reply, known.status, known.code, known.detail);
      if (error instanceof SyntaxError) return sendProblem(reply, 400, 'invalid_json', 'The body is not valid JSON');
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return sendProblem(reply, error.statusCode, 'bad_request', 'The request is malformed');
      }
      request.log.error({ err: { type: error.name, message: error.message, stack: error.stack } }, 'unhandled error');
      return sendProblem(reply, 500, 'internal_error', 'Something went wrong on our side');
    });
    app.setNotFoundHandler((request, reply) =>
      sendProblem(reply, 404, 'route_not_found', `No route ${request.method} ${request.url.split('?')[0]}`),
    );
  },
  { name: 'problem-details' },
);

function titleOf(status: number): string {
  const titles: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    408: 'Request Timeout',
    409: 'Conflict',
    412: 'Precondition Failed',
    413: 'Content Too Large',
    414: 'URI Too Long',
    415: 'Unsupported Media Type',
    417: 'Expectation Failed',
    422: 'Unprocessable Content',
    429: 'Too Many Requests',
    431: 'Request Header Fields Too Large',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
  };
  return titles[status] ?? 'Error';
}
