import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import type { Metrics } from '../observability/metrics';

/** Counts and times every request by route pattern (never by raw URL), and serves /metrics. */
export const metricsPlugin = fp<{ metrics: Metrics }>(
  async (app, { metrics }) => {
    // Each route records into labelled children bound when the route is added: prom-client
    // would hash a label object, and fastify build a routeOptions object, on every request.
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        const timer = metrics.httpDuration.labels(method, route.url);
        const counters = new Map<number, { inc(): void }>();
        const record = (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
          if (request.method === method) {
            let counter = counters.get(reply.statusCode);
            if (!counter) counters.set(reply.statusCode, (counter = metrics.httpRequests.labels(method, route.url, String(reply.statusCode))));
            counter.inc();
            timer.observe(reply.elapsedTime / 1000);
          }
          done();
        };
        route.onResponse = [...[route.onResponse ?? []].flat(), record];
      }
    });
    // Requests no route matched (404s) are counted too.
    app.addHook('onResponse', (request, reply, done) => {
      if (request.is404) metrics.httpRequests.labels(request.method, 'unmatched', String(reply.statusCode)).inc();
      done();
    });
    const exposition = z.string().describe('Prometheus text exposition format');
    const schema = { tags: ['operations'], summary: 'Prometheus metrics (no token: keep the port off the internet)', produces: ['text/plain'], response: { 200: exposition } };
    app.get('/metrics', { schema }, async (_request, reply) => {
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    });
  },
  { name: 'metrics' },
);
