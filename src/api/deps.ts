import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { SecretAccessHandlers } from '../commands/secretAccess.handlers';
import type { SecretLifecycleHandlers } from '../commands/secretLifecycle.handlers';
import type { SecretsCommands } from '../commands/secrets.commands';
import type { WorkspaceHandlers } from '../commands/workspace.handlers';
import type { Erasure } from '../commands/erasure';
import type { WorkspaceLifecycle } from '../commands/workspaceLifecycle.handlers';
import type { Metrics } from '../observability/metrics';
import type { ViewProgress } from '../projections/projector';
import type { PastViews } from '../projections/pastViews';
import type { Views } from '../projections/queries';
import type { Resolver } from '../resolver/resolver';
import type { ResolutionRecords } from '../commands/resolution.records';
import type { Refusals } from '../commands/refusals';
import type { AuditExports } from '../commands/auditExports';
import type { AuditProofs } from '../proof/auditProofs';
import type { RateLimits } from './rateLimits.plugin';
import type { TokenSettings } from './tokens/tokenVerifier';

/** Everything the HTTP layer needs, passed in: no container, no globals. */
export type AppDeps = Readonly<{
  workspaces: WorkspaceHandlers;
  /** Deleting, undeleting and leaving workspaces (DESIGN §9). */
  workspaceLifecycle: WorkspaceLifecycle;
  erasure: Erasure;
  secrets: SecretsCommands;
  lifecycle: SecretLifecycleHandlers;
  access: SecretAccessHandlers;
  views: Views;
  /** The same views as they were at a moment in the past (time travel). */
  past: PastViews;
  progress: ViewProgress;
  resolver: Resolver;
  resolutionRecords: ResolutionRecords;
  refusals: Pick<Refusals, 'note'>;
  auditExports: AuditExports;
  proofs: AuditProofs;
  /** Which bearer tokens are accepted: HS256 with the service's secret, an identity provider's (DESIGN §10). */
  tokens: TokenSettings;
  metrics: Metrics;
  settings: Readonly<{
    rateLimits: RateLimits;
    /** false: secrets are write-only, reveal answers 403. */
    revealEnabled: boolean;
    /** How long a request waits for the views (or the reactions) to reach a position: 5 s (DESIGN §1). */
    viewWaitMs: number;
    /** DELETED_RETENTION_DAYS: how long something deleted can be brought back (0: for ever). */
    deletedRetentionDays: number;
  }>;
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
