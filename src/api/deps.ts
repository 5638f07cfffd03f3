import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { SecretsHandlers } from '../commands/secrets.handlers';
import type { WorkspaceHandlers } from '../commands/workspace.handlers';
import type { ViewProgress } from '../projections/projector';
import type { Views } from '../projections/queries';
import type { Resolver } from '../resolver/resolver';

/** Everything the HTTP layer needs, passed in: no container, no globals. */
export type AppDeps = Readonly<{
  workspaces: WorkspaceHandlers;
  secrets: SecretsHandlers;
  views: Views;
  progress: ViewProgress;
  resolver: Resolver;
  jwtSecret: string;
  /** Why the service is not ready to serve, or null when it is. */
  notReadyBecause: () => string | null;
}>;

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
