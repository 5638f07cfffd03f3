import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The service's Prometheus metrics, in a registry of their own (not prom-client's global one),
 * so two apps in one process (tests) never share counters.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly resolutions = new Counter({
    name: 'secrets_resolutions_total',
    help: 'Resolutions, by outcome (resolved, missing, refused)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly resolvedReferences = new Counter({
    name: 'secrets_resolved_references_total',
    help: 'References substituted by resolutions, by scope',
    labelNames: ['scope'] as const,
    registers: [this.registry],
  });

  readonly projectionLag = new Gauge({
    name: 'secrets_projection_lag_seconds',
    help: 'Age of the oldest event the views have not applied yet (0 when caught up)',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
