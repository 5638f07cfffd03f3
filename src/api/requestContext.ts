import type { FastifyRequest } from 'fastify';
import type { ClientRequest } from '../events/event';

/** A client's own request id is kept only when it is short and plain (DESIGN §7). */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The request as events record it (its addresses sealed by the command side before they do):
 * our id (always generated, echoed as X-Request-Id), the
 * client's id if well-formed, the client's address (fastify's `request.ip`, which believes
 * X-Forwarded-For only from the TRUST_PROXY networks) and the peer's address when that differs.
 */
export function requestContextOf(request: FastifyRequest): ClientRequest {
  const clientId = request.headers['x-request-id'];
  const peer = request.socket?.remoteAddress;
  return {
    requestId: request.id,
    ...(typeof clientId === 'string' && CLIENT_REQUEST_ID.test(clientId) ? { clientRequestId: clientId } : {}),
    ...(request.ip ? { clientAddress: request.ip } : {}),
    ...(peer && peer !== request.ip ? { peerAddress: peer } : {}),
  };
}
