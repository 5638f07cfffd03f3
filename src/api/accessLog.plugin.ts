import fp from 'fastify-plugin';

/**
 * ACCESS_LOG=true: one line per answered request, at info — method, route pattern (never the raw
 * URL: paths hold keys and user ids), status, time, our request id. Off by default: fastify's own
 * request logging (two lines per request) cost a third of the resolution throughput, and the
 * records and metrics already say who did what and how fast.
 */
export const accessLogPlugin = fp(
  async (app) => {
    app.addHook('onResponse', (request, reply, done) => {
      request.log.info(
        { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10, requestId: request.id },
        'answered',
      );
      done();
    });
  },
  { name: 'access-log' },
);
