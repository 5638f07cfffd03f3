import type { ConnectionError, FastifyInstance } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { problemOf } from './problemDetails.plugin';
import { apiAnswerHeaders } from './securityHeaders.plugin';

/**
 * What Node's HTTP layer reports on the connection rather than to a route (so fastify's error
 * handler never sees it: a parse error, or a request timed out before it arrived in full), by
 * the error's code; anything else the parser refuses is a malformed request.
 */
const problems: Record<string, { status: number; code: string; detail: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request_timeout', detail: 'The request did not arrive in full in time' },
  HPE_HEADER_OVERFLOW: { status: 431, code: 'headers_too_large', detail: 'The request headers are larger than 16 KiB' },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, code: 'chunk_extensions_too_large', detail: 'The chunk extensions are too large' },
};
const malformed = { status: 400, code: 'malformed_request', detail: 'The request is not valid HTTP/1.1' };

/** The whole answer, bytes on the wire, with the API's security headers; worked out once per kind. */
function rawAnswer({ status, code, detail }: typeof malformed): string {
  const body = JSON.stringify(problemOf(status, code, detail));
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'Content-Type: application/problem+json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...Object.entries(apiAnswerHeaders).map(([name, value]) => `${name}: ${value}`),
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}
const answers = new Map(Object.entries(problems).map(([errorCode, problem]) => [errorCode, rawAnswer(problem)]));
const malformedAnswer = rawAnswer(malformed);

/** Node's socket keeps the answer in progress on it; not in its types. */
type HttpSocket = Socket & { _httpMessage?: { headersSent?: boolean } | null };

/**
 * fastify's `clientErrorHandler`: a problem+json answer written straight on the socket (no
 * request, so no reply, exists), then the connection closes. Like Node's own handler, it
 * writes only to a socket that can take it and on which no answer has started: bytes spliced
 * into an answer under way would corrupt it for the client.
 */
export function answerClientError(this: FastifyInstance, error: ConnectionError, socket: Socket) {
  // A reset connection, or one already torn down: there is no one to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // The code only: the error's rawPacket holds the request's bytes, secrets included.
  this.log.debug({ code: error.code }, 'client error');
  const started = (socket as HttpSocket)._httpMessage?.headersSent === true;
  if (socket.writable && !started) socket.write(answers.get(error.code) ?? malformedAnswer);
  socket.destroy(error);
}
