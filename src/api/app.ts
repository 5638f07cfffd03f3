import Fastify, { type FastifyBaseLogger } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { authPlugin } from './auth.plugin';
import { awaitMinPosition } from './consistency';
import type { App, AppDeps } from './deps';
import { problemDetailsPlugin } from './problemDetails.plugin';
import { healthRoutes } from './routes/health.routes';
import { membersRoutes } from './routes/members.routes';
import { resolveRoutes } from './routes/resolve.routes';
import { secretsRoutes } from './routes/secrets.routes';
import { variablesRoutes } from './routes/variables.routes';
import { workspacesRoutes } from './routes/workspaces.routes';

/** DESIGN §1: request bodies up to 8 MiB. */
export const BODY_LIMIT = 8 * 1024 * 1024;

/** Without a logger the app logs nothing (tests). */
export type BuildOptions = Readonly<{ logger?: FastifyBaseLogger }>;

/** Builds the HTTP app around its dependencies; never listens (server.ts does). */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: BODY_LIMIT,
    // Request ids for log correlation; never derived from the request.
    requestIdHeader: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a text/plain body gets a 415 instead of failing validation as a string.
  app.removeContentTypeParser('text/plain');

  await app.register(problemDetailsPlugin);
  await app.register(authPlugin, { secret: deps.jwtSecret });

  // Every query can wait for the views to reach a position the client saw (read-your-writes).
  app.addHook('preHandler', async (request) => {
    if (request.method === 'GET' && !request.routeOptions.config?.public) await awaitMinPosition(deps.progress, request);
  });

  healthRoutes(app, deps);
  workspacesRoutes(app, deps);
  membersRoutes(app, deps);
  secretsRoutes(app, deps);
  variablesRoutes(app, deps);
  resolveRoutes(app, deps);
  return app;
}
