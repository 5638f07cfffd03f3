import Fastify, { LogController, type FastifyBaseLogger, type FastifyRequest } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { pooledRandomBytes } from '../crypto/randomPool';
import { authPlugin } from './auth.plugin';
import { awaitMinPosition } from './consistency';
import { corsPlugin } from './cors.plugin';
import type { MemberDoc } from '../projections/views';
import type { App, AppDeps } from './deps';
import { answerHttpLayerErrorsAsProblems } from './httpLayerProblems';
import { DEFAULT_KEEP_ALIVE_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS, httpServerOptions } from './httpLimits';
import { parseJsonBody } from './jsonBody';
import { metricsPlugin } from './metrics.plugin';
import { openapiPlugin } from './openapi.plugin';
import { problemDetailsPlugin, sendProblem } from './problemDetails.plugin';
import { rateLimitsPlugin } from './rateLimits.plugin';
import { refusalsPlugin } from './refusals.plugin';
import { apiAnswerHeaders, securityHeadersPlugin } from './securityHeaders.plugin';
import { uiPlugin, type UiOidc } from './ui.plugin';
import { workspaceClaimPlugin } from './workspaceClaim.plugin';
import { writesPlugin } from './writes.plugin';
import { consistencyQuery } from './schemas';
import { auditRoutes } from './routes/audit.routes';
import { auditProofRoutes, publicKeysRoute } from './routes/auditProof.routes';
import { accessLogPlugin } from './accessLog.plugin';
import { erasureRoutes } from './routes/erasure.routes';
import { secretLifecycleRoutes } from './routes/secretLifecycle.routes';
import { timeTravelRoutes } from './routes/timeTravel.routes';
import { healthRoutes } from './routes/health.routes';
import { importRoutes } from './routes/import.routes';
import { membersRoutes } from './routes/members.routes';
import { resolveRoutes } from './routes/resolve.routes';
import { secretAccessRoutes } from './routes/secretAccess.routes';
import { secretDetailsRoutes } from './routes/secretDetails.routes';
import { secretsRoutes } from './routes/secrets.routes';
import { variablesRoutes } from './routes/variables.routes';
import { workspacesRoutes } from './routes/workspaces.routes';
import { workspaceLifecycleRoutes } from './routes/workspaceLifecycle.routes';

/** DESIGN §1: request bodies up to 8 MiB. */
export const BODY_LIMIT = 8 * 1024 * 1024;

export type BuildOptions = Readonly<{
  /** Without a logger the app logs nothing (tests). */
  logger?: FastifyBaseLogger;
  /** A request not received in full by then is ended with a 408 (`REQUEST_TIMEOUT_MS`); 30 s by default. */
  requestTimeoutMs?: number;
  /** An idle kept-alive connection is closed after this; 5 s by default (tests shorten it). */
  keepAliveTimeoutMs?: number;
  /** The networks (CIDRs) whose X-Forwarded-For is believed for the client's address (`TRUST_PROXY`); none by default. */
  trustProxy?: readonly string[];
  /** The exact origins whose pages may call the API from a browser (`CORS_ORIGINS`); none by default. */
  corsOrigins?: readonly string[];
  /** One log line per answered request (ACCESS_LOG); off by default. */
  accessLog?: boolean;
  /** The settings page's OpenID Connect sign-in (`UI_OIDC_ISSUER`, `UI_OIDC_CLIENT_ID`); the development link only without it. */
  uiOidc?: UiOidc;
}>;

function baseApp(options: BuildOptions): App {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    // fastify's own two lines per request are off; ACCESS_LOG asks for one (accessLog.plugin.ts).
    logController: new LogController({ disableRequestLogging: true }),
    ...httpServerOptions({
      requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
    }),
    bodyLimit: BODY_LIMIT,
    // Keys are up to 256 characters and user ids come from tokens: fastify's default of 100
    // would answer 414 to valid paths.
    routerOptions: { maxParamLength: 1024 },
    // Errors the router raises before any route runs (a malformed or over-long URL) are
    // problems like any other. No hook runs for them, so their security headers are set here.
    frameworkErrors: (error, request, reply) => {
      const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
      reply.headers(apiAnswerHeaders).header('x-request-id', request.id);
      void sendProblem(reply, status, status === 414 ? 'uri_too_long' : 'bad_url', 'The URL is malformed or too long');
    },
    // Request ids are ours, random, echoed as X-Request-Id and recorded with every event; a
    // client's own id is kept beside ours (clientRequestId), never instead of it.
    requestIdHeader: false,
    genReqId: () => pooledRandomBytes(12).toString('base64url'),
    ...(options.trustProxy?.length ? { trustProxy: [...options.trustProxy] } : {}),
    // Its 503 is plain JSON: answerHttpLayerErrorsAsProblems answers a problem instead.
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Responses are built field by field from typed objects, so they are serialized as they are:
  // re-validating each one with zod cost more than the rest of a resolution. The response
  // schemas still type the handlers and document the routes.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  // JSON only: a text/plain body gets a 415 instead of failing validation as a string.
  app.removeContentTypeParser('text/plain');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (request, body, done) => {
    try {
      done(null, parseJsonBody(request, body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  answerHttpLayerErrorsAsProblems(app);
  closeConnectionsWhenClosing(app);
  return app;
}

/** Health, readiness and metrics only: what a projector instance (SERVICE_ROLE=projector) serves. */
export async function buildOpsApp(ops: Pick<AppDeps, 'notReadyBecause' | 'progress' | 'metrics'>, options: BuildOptions = {}): Promise<App> {
  const app = baseApp(options);
  if (options.accessLog) await app.register(accessLogPlugin);
  await app.register(problemDetailsPlugin);
  await app.register(metricsPlugin, { metrics: ops.metrics });
  healthRoutes(app, ops);
  return app;
}

/** Builds the HTTP app around its dependencies; never listens (server.ts does). */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<App> {
  const app = baseApp(options);
  if (options.accessLog) await app.register(accessLogPlugin);
  await app.register(problemDetailsPlugin);
  // At the root, before the API: preflights are answered before authentication and rate limits.
  await app.register(corsPlugin, { origins: options.corsOrigins ?? [] });
  await app.register(openapiPlugin);
  // @fastify/swagger-ui decorates the instance with `swaggerCSP` but declares no type for it (double cast justified).
  await app.register(securityHeadersPlugin, { docsCsp: (app as unknown as SwaggerCsp).swaggerCSP, uiOidc: options.uiOidc });
  await app.register(metricsPlugin, { metrics: deps.metrics });
  healthRoutes(app, deps);
  await app.register(uiPlugin, { oidc: options.uiOidc });

  await app.register(async (open: App) => publicKeysRoute(open.withTypeProvider<ZodTypeProvider>(), deps), { prefix: '/v1' });
  await app.register(apiPlugin(deps), { prefix: '/v1' });
  return app;
}

/**
 * The /v1 API: every route needs a bearer token, counts against its principal's rates, acts only
 * in the workspaces its token's `ws` claim lists, and answers writes one way (`reply.written`).
 * Routes are written without the prefix and take only the dependencies they use.
 */
function apiPlugin(deps: AppDeps) {
  return async (scope: App) => {
    const api = scope.withTypeProvider<ZodTypeProvider>();
    await api.register(authPlugin, { tokens: deps.tokens });
    await api.register(rateLimitsPlugin, { limits: deps.settings.rateLimits });
    await api.register(workspaceClaimPlugin);
    await api.register(writesPlugin, { progress: deps.progress, waitMs: deps.settings.viewWaitMs });
    await api.register(refusalsPlugin, { refusals: deps.refusals });
    // Unset until a membership preHandler runs; fastify's types want a value of the declared type (double cast justified).
    api.decorateRequest('member', null as unknown as MemberDoc);
    api.decorateRequest('reader', null);
    // Every query can wait for the views to reach a position the client saw (read-your-writes):
    // its `minPosition` is validated and documented like any other parameter.
    const waitForMinPosition = async (request: FastifyRequest) => awaitMinPosition(deps.progress, deps.settings.viewWaitMs, request);
    api.addHook('onRoute', (route) => {
      // Documented as needing a token (the routes outside this scope need none).
      if (route.schema) route.schema.security ??= [{ bearer: [] }];
      if (route.method !== 'GET') return;
      if (route.schema && !route.schema.querystring) route.schema.querystring = consistencyQuery;
      route.preHandler = [waitForMinPosition, ...[route.preHandler ?? []].flat()];
    });
    workspacesRoutes(api, deps);
    workspaceLifecycleRoutes(api, deps);
    membersRoutes(api, deps);
    secretsRoutes(api, deps);
    secretDetailsRoutes(api, deps);
    secretAccessRoutes(api, deps);
    importRoutes(api, deps);
    variablesRoutes(api, deps);
    auditRoutes(api, deps);
    auditProofRoutes(api, deps);
    timeTravelRoutes(api, deps);
    secretLifecycleRoutes(api, deps);
    erasureRoutes(api, deps);
    resolveRoutes(api, deps);
  };
}

/**
 * On shutdown, in-flight requests finish, then their connections close at once: a kept-alive
 * connection would otherwise hold the server open until its keep-alive timeout. Node applies
 * the keep-alive timeout when an answer finishes, so shortening it at close covers them all.
 */
function closeConnectionsWhenClosing(app: App) {
  app.addHook('preClose', (done) => {
    app.server.keepAliveTimeout = 1;
    app.server.closeIdleConnections();
    done();
  });
}

type SwaggerCsp = { swaggerCSP: { script: string[]; style: string[] } };
