import type { FastifyHttpOptions } from 'fastify';
import type { Server } from 'node:http';
import { answerClientError } from './clientErrors';

/** DESIGN: a request whose body has not fully arrived by then is ended (`REQUEST_TIMEOUT_MS`). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/**
 * DESIGN: idle keep-alive connections close after 5 s (fastify's own default is 72 s). Clients
 * are told `Keep-Alive: timeout=5`; Node 20 closes the socket a second after that, so that a
 * client never sends into a connection that is closing under it.
 */
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** DESIGN: headers over 16 KiB get 431. Node's default, set here so that `--max-http-header-size` cannot change it. */
export const MAX_HEADER_BYTES = 16 * 1024;
/** How late, at most, an expired request is noticed. */
const MAX_CHECKING_INTERVAL_MS = 1000;

export type HttpLimits = Readonly<{ requestTimeoutMs: number; keepAliveTimeoutMs: number }>;

/**
 * The fastify options that bound what a client can hold: time to send a request, time to keep
 * an idle connection, size of the headers. Errors Node's HTTP layer raises before fastify sees
 * a request are answered as problems too (`answerClientError`).
 */
export function httpServerOptions({ requestTimeoutMs, keepAliveTimeoutMs }: HttpLimits) {
  return {
    // fastify sets these two on the server it made, over anything in `http` (0 would mean none).
    requestTimeout: requestTimeoutMs,
    keepAliveTimeout: keepAliveTimeoutMs,
    http: {
      requestTimeout: requestTimeoutMs,
      // Node takes the larger of headersTimeout (60 s by default) and requestTimeout as the
      // deadline of the whole request: a 30 s request timeout alone would allow 60 s.
      headersTimeout: requestTimeoutMs,
      // Node looks for expired requests only this often (30 s by default), so a stalled body
      // would otherwise outlive its deadline by up to that much.
      connectionsCheckingInterval: Math.min(MAX_CHECKING_INTERVAL_MS, Math.ceil(requestTimeoutMs / 10)),
      maxHeaderSize: MAX_HEADER_BYTES,
      // Node's check answers a 400 with no body; answerHttpLayerErrorsAsProblems makes it a problem.
      requireHostHeader: false,
    },
    clientErrorHandler: answerClientError,
  } satisfies FastifyHttpOptions<Server>;
}
