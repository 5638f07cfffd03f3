import type { AppDeps } from './api/deps';
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
import { Projector, type ProjectorLog } from './projections/projector';
import { Views } from './projections/queries';
import { ViewCache } from './projections/viewCache';
import { Resolver } from './resolver/resolver';
import type { EventStore } from './stores/eventStore.port';
import type { ReadStore } from './stores/readStore.port';

const DEFAULT_READY_MAX_LAG_SECONDS = 5;

export type ServiceOptions = Readonly<{
  eventStore: EventStore;
  readStore: ReadStore;
  keyStore: KeyStore;
  masterKeys: MasterKeys;
  jwtSecret: string;
  log: ProjectorLog;
  clock?: Clock;
  newId?: IdFactory;
  settings?: Partial<AppDeps['settings']>;
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

/** Wires stores, crypto, command handlers, projector, views and resolver together. */
export async function createService(options: ServiceOptions): Promise<Service> {
  const { eventStore, readStore, keyStore, log } = options;
  const clock = options.clock ?? (() => new Date());
  const cipher = new SecretCipher(await loadSodium(), new DataKeys(await loadSodium(), keyStore, options.masterKeys, clock));

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

  const cache = new ViewCache(readStore);
  const views = new Views(readStore, cache);
  const projector = new Projector(eventStore, readStore, allProjections, log);
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
    projector,
    cipher,
    clock,
  );
  projector.onApplied((writes) => {
    for (const write of writes) cache.invalidate(write.collection, write.id, write.position);
  });
  projector.onReplaced(() => cache.clear());
  await projector.start();
  const metrics = new Metrics();
  const lag = new LagMonitor(eventStore, projector, (seconds) => metrics.projectionLag.set(seconds));
  await lag.start();
  const maxLag = options.readyMaxLagSeconds ?? DEFAULT_READY_MAX_LAG_SECONDS;

  const deps: AppDeps = {
    workspaces,
    secrets,
    details,
    access,
    views,
    progress: projector,
    resolver: new Resolver(views, cipher),
    jwtSecret: options.jwtSecret,
    metrics,
    settings: { rateLimitMax: 6000, revealEnabled: true, ...options.settings },
    notReadyBecause: () => {
      if (projector.error) return 'the projector stopped on an error';
      if (lag.lagSeconds() > maxLag) return `the views lag the log by ${lag.lagSeconds().toFixed(1)} s`;
      return null;
    },
  };
  return {
    deps,
    projector,
    lag,
    cipher,
    close: async () => {
      lag.stop();
      await projector.stop();
      await eventStore.close();
      await readStore.close();
      await keyStore.close();
    },
  };
}
