import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { authPlugin } from './auth.plugin';
import { awaitMinPosition } from './consistency';
import type { App, AppDeps } from './deps';
import { metricsPlugin } from './metrics.plugin';
import { openapiPlugin } from './openapi.plugin';
import { problemDetailsPlugin } from './problemDetails.plugin';
import { consistencyQuery } from './schemas';
import { auditRoutes } from './routes/audit.routes';
import { healthRoutes } from './routes/health.routes';
import { importRoutes } from './routes/import.routes';
import { membersRoutes } from './routes/members.routes';
import { resolveRoutes } from './routes/resolve.routes';
import { secretAccessRoutes } from './routes/secretAccess.routes';
import { secretDetailsRoutes } from './routes/secretDetails.routes';
import { secretsRoutes } from './routes/secrets.routes';
import { variablesRoutes } from './routes/variables.routes';
import { workspacesRoutes } from './routes/workspaces.routes';

/** DESIGN §1: request bodies up to 8 MiB. */
export const BODY_LIMIT = 8 * 1024 * 1024;

/** Without a logger the app logs nothing (tests). */
export type BuildOptions = Readonly<{ logger?: FastifyBaseLogger }>;

function baseApp(options: BuildOptions): App {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: BODY_LIMIT,
    // Request ids for log correlation are ours; a client cannot choose them.
    requestIdHeader: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a text/plain body gets a 415 instead of failing validation as a string.
  app.removeContentTypeParser('text/plain');
  closeConnectionsWhenClosing(app);
  return app;
}

/** Health, readiness and metrics only: what a projector instance (SERVICE_ROLE=projector) serves. */
export async function buildOpsApp(ops: Pick<AppDeps, 'notReadyBecause' | 'progress' | 'metrics'>, options: BuildOptions = {}): Promise<App> {
  const app = baseApp(options);
  await app.register(problemDetailsPlugin);
  await app.register(metricsPlugin, { metrics: ops.metrics });
  healthRoutes(app, ops);
  return app;
}

/** Builds the HTTP app around its dependencies; never listens (server.ts does). */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<App> {
  const app = baseApp(options);
  await app.register(problemDetailsPlugin);
  await app.register(openapiPlugin);
  await app.register(helmet, (instance) => ({
    contentSecurityPolicy: {
      directives: {
        ...helmet.contentSecurityPolicy.getDefaultDirectives(),
        // The API UI at /docs serves its own scripts and styles with hashes (swagger-ui's staticCSP).
        'script-src': ["'self'", ...(instance as unknown as SwaggerCsp).swaggerCSP.script],
        'style-src': ["'self'", 'https:', ...(instance as unknown as SwaggerCsp).swaggerCSP.style],
      },
    },
  }));
  await app.register(metricsPlugin, { metrics: deps.metrics });
  healthRoutes(app, deps);

  // The /v1 API: every route needs a bearer token and counts against its principal's rate.
  await app.register(async (scope) => {
    const api = scope.withTypeProvider<ZodTypeProvider>();
    await api.register(authPlugin, { secret: deps.jwtSecret });
    await api.register(rateLimit, {
      max: deps.settings.rateLimitMax,
      timeWindow: '1 minute',
      hook: 'preHandler',
      keyGenerator: (request) => `principal:${request.principal.id}`,
    });
    // Answers with secrets or their metadata must never sit in a shared cache.
    api.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });
    // Every query can wait for the views to reach a position the client saw (read-your-writes):
    // its `minPosition` is validated and documented like any other parameter.
    api.addHook('onRoute', (route) => {
      if (route.method === 'GET' && route.schema && !route.schema.querystring) route.schema.querystring = consistencyQuery;
    });
    api.addHook('preHandler', async (request) => {
      if (request.method === 'GET') await awaitMinPosition(deps.progress, request);
    });
    workspacesRoutes(api, deps);
    membersRoutes(api, deps);
    secretsRoutes(api, deps);
    secretDetailsRoutes(api, deps);
    secretAccessRoutes(api, deps);
    importRoutes(api, deps);
    variablesRoutes(api, deps);
    auditRoutes(api, deps);
    resolveRoutes(api, deps);
  });
  return app;
}

/**
 * On shutdown, in-flight requests finish and their answers say `Connection: close`: a kept-alive
 * connection would otherwise hold the server open until its keep-alive timeout.
 */
function closeConnectionsWhenClosing(app: App) {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
}

type SwaggerCsp = { swaggerCSP: { script: string[]; style: string[] } };
