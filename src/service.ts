import type { AppDeps } from './api/deps';
import type { RateLimits } from './api/rateLimits.plugin';
import type { Clock } from './commands/actor';
import { randomId, type IdFactory } from './commands/ids';
import { personalSecretsDecider } from './commands/personalSecrets.decider';
import { secretAccessDecider } from './commands/secretAccess.decider';
import { SecretAccessHandlers } from './commands/secretAccess.handlers';
import { SecretDetailsHandlers } from './commands/secretDetails.handlers';
import { SecretsHandlers } from './commands/secrets.handlers';
import { StreamCommands } from './commands/streamCommands';
import { StreamStates } from './commands/streamStates';
import { workspaceDecider } from './commands/workspace.decider';
import { WorkspaceHandlers } from './commands/workspace.handlers';
import { workspaceSecretsDecider } from './commands/workspaceSecrets.decider';
import { DataKeys } from './crypto/dataKeys';
import type { KeyStore } from './crypto/keyStore.port';
import type { MasterKeys } from './crypto/masterKeys';
import { SecretCipher } from './crypto/secretCipher';
import { loadSodium } from './crypto/sodium';
import { Metrics } from './observability/metrics';
import { allProjections } from './projections';
import { LagMonitor } from './projections/lagMonitor';
import { bothReached } from './projections/bothReached';
import { LogInvalidator } from './projections/logInvalidator';
import { PolledViewProgress } from './projections/polledViewProgress';
import { Projector, type ProjectorLog, type ViewProgress } from './projections/projector';
import { Views } from './projections/queries';
import { ViewCache } from './projections/viewCache';
import type { ViewDocs } from './projections/views';
import { Resolver } from './resolver/resolver';
import type { EventStore } from './stores/eventStore.port';
import type { ReadStore } from './stores/readStore.port';

const DEFAULT_READY_MAX_LAG_SECONDS = 5;

/** DESIGN §6; the environment overrides them (src/config.ts). */
export const DEFAULT_RATE_LIMITS = { settingsMax: 6000, oracleMax: 120, oraclePerSecretMax: 300, resolveMax: 0 } as const;

export type ServiceOptions = Readonly<{
  eventStore: EventStore;
  readStore: ReadStore<ViewDocs>;
  keyStore: KeyStore;
  masterKeys: MasterKeys;
  jwtSecret: string;
  log: ProjectorLog;
  clock?: Clock;
  newId?: IdFactory;
  settings?: Readonly<{ rateLimits?: Partial<RateLimits>; revealEnabled?: boolean }>;
  /** /readyz fails while the views lag the log by more than this. */
  readyMaxLagSeconds?: number;
}>;

export type Service = Readonly<{
  deps: AppDeps;
  projector: Projector;
  lag: LagMonitor;
  cipher: SecretCipher;
  /** Stops the projector (its checkpoint is stored with every batch) and closes the stores. */
  close(): Promise<void>;
}>;

type Wired = Omit<AppDeps, 'notReadyBecause'> & { cipher: SecretCipher };

/** Command handlers, views, resolver and metrics around the stores, whatever runs the projector. */
async function wire(options: ServiceOptions, cache: ViewCache, progress: ViewProgress): Promise<Wired> {
  const { eventStore, readStore, keyStore } = options;
  const clock = options.clock ?? (() => new Date());
  const sodium = await loadSodium();
  const cipher = new SecretCipher(sodium, new DataKeys(sodium, keyStore, options.masterKeys, clock));

  const states = new StreamStates(eventStore);
  const workspaceStreams = new StreamCommands(eventStore, states, 'workspace', workspaceDecider);
  const workspaceSecretStreams = new StreamCommands(eventStore, states, 'workspaceSecrets', workspaceSecretsDecider);
  const personalSecretStreams = new StreamCommands(eventStore, states, 'personalSecrets', personalSecretsDecider);
  const secrets = new SecretsHandlers(workspaceStreams, workspaceSecretStreams, personalSecretStreams, cipher, clock);
  const workspaces = new WorkspaceHandlers(
    workspaceStreams,
    (workspaceId, userId, actor) => secrets.removeRolesOf(workspaceId, userId, actor),
    clock,
    options.newId ?? randomId,
  );
  const views = new Views(readStore, cache);
  const details = new SecretDetailsHandlers(workspaceStreams, workspaceSecretStreams, personalSecretStreams, clock);
  const access = new SecretAccessHandlers(
    workspaceStreams,
    workspaceSecretStreams,
    personalSecretStreams,
    {
      workspace: new StreamCommands(eventStore, states, 'secretAccess', secretAccessDecider),
      personal: new StreamCommands(eventStore, states, 'personalSecretAccess', secretAccessDecider),
    },
    views,
    progress,
    cipher,
    clock,
  );
  return {
    workspaces,
    secrets,
    details,
    access,
    views,
    progress,
    resolver: new Resolver(views, cipher),
    jwtSecret: options.jwtSecret,
    metrics: new Metrics(),
    settings: {
      rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.settings?.rateLimits },
      revealEnabled: options.settings?.revealEnabled ?? true,
    },
    cipher,
  };
}

/** Not ready while the projector has stopped on an error, or the views lag beyond the bound. */
function readiness(lag: LagMonitor, maxLagSeconds: number, failure: () => unknown): () => string | null {
  return () => {
    if (failure()) return 'the projector stopped on an error';
    if (lag.lagSeconds() > maxLagSeconds) return `the views lag the log by ${lag.lagSeconds().toFixed(1)} s`;
    return null;
  };
}

async function startLagMonitor(options: ServiceOptions, progress: ViewProgress, metrics: Metrics): Promise<LagMonitor> {
  const lag = new LagMonitor(options.eventStore, progress, (seconds) => metrics.projectionLag.set(seconds));
  await lag.start();
  return lag;
}

async function closeStores({ eventStore, readStore, keyStore }: ServiceOptions): Promise<void> {
  await eventStore.close();
  await readStore.close();
  await keyStore.close();
}

/**
 * The whole service in one process (the default, and the only way on SQLite): the projector
 * runs here and tells the cache what it wrote.
 */
export async function createService(options: ServiceOptions): Promise<Service> {
  const cache = new ViewCache(options.readStore);
  const projector = new Projector(options.eventStore, options.readStore, allProjections, options.log);
  projector.onApplied((writes) => {
    for (const write of writes) cache.invalidate(write.collection, write.id, write.position);
  });
  projector.onReplaced(() => cache.clear());
  const { cipher, ...wired } = await wire(options, cache, projector);
  await projector.start();
  const lag = await startLagMonitor(options, projector, wired.metrics);
  const deps: AppDeps = {
    ...wired,
    notReadyBecause: readiness(lag, options.readyMaxLagSeconds ?? DEFAULT_READY_MAX_LAG_SECONDS, () => projector.error),
  };
  return {
    deps,
    projector,
    lag,
    cipher,
    close: async () => {
      lag.stop();
      await projector.stop();
      await closeStores(options);
    },
  };
}

/**
 * An API instance whose projector runs elsewhere (SERVICE_ROLE=api, shared backends): waits for
 * views by polling the shared checkpoint, and invalidates its cache by following the log itself.
 */
export async function createApiService(options: ServiceOptions): Promise<Omit<Service, 'projector'>> {
  const cache = new ViewCache(options.readStore);
  const views = new PolledViewProgress(options.readStore);
  await views.start();
  let failure: unknown = null;
  const invalidator = new LogInvalidator(options.eventStore, cache, allProjections, (error) => {
    failure = error;
    options.log.error({ err: error }, 'cache invalidation stopped following the log');
  });
  // From the checkpoint read before any cache entry: nothing the views have not applied is missed.
  invalidator.start(views.position());
  const progress = bothReached(views, invalidator);
  const { cipher, ...wired } = await wire(options, cache, progress);
  const lag = await startLagMonitor(options, progress, wired.metrics);
  const deps: AppDeps = {
    ...wired,
    notReadyBecause: readiness(lag, options.readyMaxLagSeconds ?? DEFAULT_READY_MAX_LAG_SECONDS, () => failure),
  };
  return {
    deps,
    lag,
    cipher,
    close: async () => {
      lag.stop();
      views.stop();
      await invalidator.stop();
      await closeStores(options);
    },
  };
}

/** A projector instance (SERVICE_ROLE=projector): keeps the shared views current, serves no API. */
export async function createProjectorService(options: ServiceOptions) {
  const projector = new Projector(options.eventStore, options.readStore, allProjections, options.log);
  await projector.start();
  const metrics = new Metrics();
  const lag = await startLagMonitor(options, projector, metrics);
  return {
    projector,
    metrics,
    progress: projector,
    notReadyBecause: readiness(lag, options.readyMaxLagSeconds ?? DEFAULT_READY_MAX_LAG_SECONDS, () => projector.error),
    close: async () => {
      lag.stop();
      await projector.stop();
      await closeStores(options);
    },
  };
}
