import type { App } from './deps';
import { problemOf, sendProblem } from './problemDetails.plugin';
import { apiAnswerHeaders } from './securityHeaders.plugin';

/**
 * Answers Node and fastify would give on their own, made problems like every other error:
 * - an HTTP/1.1 request without a Host header (RFC 9112 §3.2: 400). Node's own check answers
 *   with no body, so it is turned off (`requireHostHeader: false` in `httpServerOptions`) and
 *   done here;
 * - an `Expect` other than 100-continue (417; Node answers it with no body);
 * - a request that arrives while the server shuts down (503; fastify answers it in plain JSON,
 *   so its `return503OnClosing` is off). It comes on a connection a request in flight kept
 *   open; the answer closes that connection.
 */
export function answerHttpLayerErrorsAsProblems(app: App) {
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (closing) {
      void sendProblem(reply.header('connection', 'close'), 503, 'shutting_down', 'The service is shutting down; retry');
    } else if (request.headers.host === undefined && request.raw.httpVersion === '1.1') {
      void sendProblem(reply.header('connection', 'close'), 400, 'missing_host', 'An HTTP/1.1 request needs a Host header');
    } else {
      done();
    }
  });
  const expectationFailed = JSON.stringify(problemOf(417, 'expectation_failed', 'Only Expect: 100-continue is supported'));
  app.server.on('checkExpectation', (_request, response) => {
    response.writeHead(417, {
      ...apiAnswerHeaders,
      'content-type': 'application/problem+json',
      'content-length': Buffer.byteLength(expectationFailed),
    });
    response.end(expectationFailed);
  });
}
