import { randomBytes } from 'node:crypto';
import type { AppDeps } from './api/deps';
import type { RateLimits } from './api/rateLimits.plugin';
import { LOCAL_ISSUER, type IdentityProvider } from './api/tokens/tokenVerifier';
import type { Clock } from './commands/actor';
import { randomId, type IdFactory } from './commands/ids';
import { personalSecretsDecider } from './commands/personalSecrets.decider';
import { KeyShredder } from './commands/keyShredder';
import { RecordWriter } from './commands/recordWriter';
import { RetentionSweeper } from './commands/retentionSweeper';
import { RecordPruner } from './commands/recordPruner';
import { ResolutionRecords } from './commands/resolution.records';
import { Refusals } from './commands/refusals';
import { AuditExports } from './commands/auditExports';
import { DetailsSealer } from './commands/detailsSealer';
import { RequestStamps } from './commands/requestStamps';
import { SecretAccessHandlers } from './commands/secretAccess.handlers';
import { SecretLifecycleHandlers } from './commands/secretLifecycle.handlers';
import { SecretRolesReactor } from './commands/secretRoles.reactor';
import { SecretsCommands } from './commands/secrets.commands';
import { StreamCommands } from './commands/streamCommands';
import { LoadBudget } from './commands/loadBudget';
import { SnapshotSchedule } from './commands/snapshotSchedule';
import { StateSnapshots, STATE_SNAPSHOTS_KEY_ID } from './commands/stateSnapshots';
import { StreamStates } from './commands/streamStates';
import { workspaceDecider } from './commands/workspace.decider';
import { WorkspaceHandlers } from './commands/workspace.handlers';
import { Erasure } from './commands/erasure';
import { WorkspaceLifecycle } from './commands/workspaceLifecycle.handlers';
import { workspaceSecretsDecider } from './commands/workspaceSecrets.decider';
import { BlindIndex } from './crypto/blindIndex';
import { DataKeys } from './crypto/dataKeys';
import type { KeyStore } from './crypto/keyStore.port';
import type { MasterKeys } from './crypto/masterKeys';
import { refuseUnopenableDataKeys } from './crypto/unopenableDataKeys';
import { PersonalData } from './crypto/personalData';
import { SecretCipher } from './crypto/secretCipher';
import { loadSodium, type Sodium } from './crypto/sodium';
import { SubjectKeys } from './crypto/subjectKeys';
import { NdjsonSink } from './observability/ndjsonSink';
import { AuditProofs } from './proof/auditProofs';
import { Sealer } from './proof/sealer';
import { newSigningKeyText, parseSigningKey, type SigningKey } from './proof/signingKey';
import { Metrics } from './observability/metrics';
import { allProjections } from './projections';
import { AuditSink } from './projections/auditSink';
import { bothReached } from './projections/bothReached';
import { LagMonitor } from './projections/lagMonitor';
import { LogInvalidator } from './projections/logInvalidator';
import { PersonalDataReader } from './projections/personalDataReader';
import { PolledProgress } from './projections/polledProgress';
import { Projector, type ProjectorLog, type ViewProgress } from './projections/projector';
import { PastViews } from './projections/pastViews';
import { CACHED_VIEWS, Views } from './projections/queries';
import { rebuildViewsOfAnEarlierVersion } from './projections/viewDocuments';
import { ViewCache } from './projections/viewCache';
import type { ViewDocs } from './projections/views';
import { PlaintextCache } from './resolver/plaintextCache';
import { Resolver } from './resolver/resolver';
import type { EventStore } from './stores/eventStore.port';
import type { FollowerCheckpoints } from './stores/followerCheckpoints.port';
import type { ReadStore, ScanBound } from './stores/readStore.port';

const DEFAULT_READY_MAX_LAG_SECONDS = 5;
/** The instance id of a process that was given none (tests): one process per data directory on SQLite. */
const DEFAULT_INSTANCE_ID = 'main';
/** DESIGN §1: a request waits up to 5 s for the views to reach a position, then answers 503. */
const DEFAULT_VIEW_WAIT_MS = 5000;

/** DESIGN §6; the environment overrides them (src/config.ts). */
export const DEFAULT_RATE_LIMITS = { settingsMax: 6000, oracleMax: 120, oraclePerSecretMax: 300, resolveMax: 0, verifyMax: 6 } as const;
/** DESIGN §9: deleted secrets are destroyed 30 days after their deletion, looked for hourly. */
const DEFAULT_DELETED_RETENTION_DAYS = 30;
const DEFAULT_RETENTION_SWEEP_MS = 60 * 60 * 1000;
/** DESIGN §8: a seal at most every 5 s while anything changed. */
const DEFAULT_SEAL_INTERVAL_MS = 5000;

/**
 * What one process runs: `all` (the default, and the only choice on SQLite) the API with the
 * projector and the reactor in process; `api` the API only, following shared views; `projector`
 * the projector and the reactor, serving only health, readiness and metrics.
 */
export type ServiceRole = 'all' | 'api' | 'projector';

export type ServiceOptions = Readonly<{
  eventStore: EventStore;
  readStore: ReadStore<ViewDocs>;
  followerCheckpoints: FollowerCheckpoints;
  keyStore: KeyStore;
  masterKeys: MasterKeys;
  /** HS256 secret for bearer tokens; null: HS256 is off (an identity provider signs them all). */
  jwtSecret: string | null;
  /** An identity provider whose tokens are accepted too (JWT_JWKS_URL or JWT_PUBLIC_KEY_FILE). */
  identityProvider?: IdentityProvider;
  /** Issuers whose `secrets:resolve` and `audit:read` are honoured (JWT_SERVICE_ISSUERS); `local` (HS256) by default. */
  serviceIssuers?: readonly string[];
  log: ProjectorLog;
  role?: ServiceRole;
  /** Names this process's record streams (INSTANCE_ID): each API instance must have its own. */
  instanceId?: string;
  /** AUDIT_SINK: a file, or `stdout`, that receives every audit row as NDJSON as it is projected. */
  auditSink?: string;
  clock?: Clock;
  newId?: IdFactory;
  settings?: Readonly<{
    rateLimits?: Partial<RateLimits>;
    revealEnabled?: boolean;
    viewWaitMs?: number;
    /** DELETED_RETENTION_DAYS (default 30; 0 keeps deleted secrets), and how often the sweeper looks (default hourly). */
    deletedRetentionDays?: number;
    retentionSweepMs?: number;
    /** RECORD_RETENTION_DAYS (default 0: records are kept): sealed records older than that are pruned, as often as the sweeper looks. */
    recordRetentionDays?: number;
    /** How many audit rows one page examines at most, and in one statement (AUDIT_SCAN_ROWS, AUDIT_SCAN_STEP; tests make them small). */
    auditScan?: ScanBound;
    /** What one principal's loads of command states not held may cost a minute, in events (LOAD_EVENTS_PER_MINUTE; tests make it small). */
    loadEventsPerMinute?: number;
  }>;
  /** /readyz fails while the views lag the log by more than this. */
  readyMaxLagSeconds?: number;
  /**
   * Seals (DESIGN §8), made where the projector runs: the Ed25519 signing key (`id:base64`; when
   * none is given, a key made for this process alone, which only tests should want), at most how
   * often (SEAL_INTERVAL_MS), and the file or `stdout` each seal is copied to (SEAL_SINK).
   */
  sealing?: Readonly<{ signingKey?: string; intervalMs?: number; sink?: string }>;
}>;

export type Service = Readonly<{
  deps: AppDeps;
  /** The projector, where this role runs it. */
  projector: Projector | null;
  /** How far the reactions to the log (the secret roles of removed members) have got. */
  reactions: ViewProgress;
  /** The refusals noted and not yet recorded (each minute's go on the record once it is over). */
  refusals: Refusals;
  /** The sealer, where this role runs it. */
  sealer: Sealer | null;
  /** The pruner of sealed records past RECORD_RETENTION_DAYS, where the sealer runs. */
  pruner: RecordPruner | null;
  lag: LagMonitor;
  cipher: SecretCipher;
  /** The keys of the subjects of personal data: destroying one erases that person's emails and addresses (DESIGN §8). */
  subjectKeys: SubjectKeys;
  /** Stops what follows the log (each stores its checkpoint as it goes) and closes the stores. */
  close(): Promise<void>;
}>;

/** A follower of the log this process runs: started after the wiring, stopped before the stores close. */
type Follower = Readonly<{ stop(): Promise<unknown> | void; error?: unknown }>;

/**
 * How this process learns what the views and the reactions have reached: from the followers it
 * runs itself, or, for an API instance, by polling their shared checkpoints (and following the
 * log to invalidate its own cache, so a wait for a position never ends on an older document).
 */
async function progressFor(options: ServiceOptions, role: ServiceRole, cache: ViewCache, reader: PersonalDataReader) {
  if (role !== 'api') {
    const projector = new Projector(options.eventStore, options.readStore, allProjections, options.log);
    projector.onApplied((writes) => {
      for (const write of writes) cache.invalidate(write.collection, write.id, write.position);
    });
    projector.onReplaced(() => cache.clear());
    const followers: Follower[] = [projector];
    if (options.auditSink) {
      const sink = AuditSink.open(options.auditSink, reader, (error) => options.log.error({ err: error }, 'audit rows could not be written to AUDIT_SINK'));
      projector.onApplied((writes) => sink.write(writes));
      followers.push({ stop: () => sink.close() });
    }
    const start = async () => {
      await rebuildViewsOfAnEarlierVersion(options.eventStore, options.readStore, options.followerCheckpoints, allProjections, options.log);
      await projector.run();
    };
    return { projector, invalidator: null, views: projector as ViewProgress, followers, start };
  }
  const views = new PolledProgress(async () => (await options.readStore.checkpoint()).position);
  await views.start();
  const invalidator = new LogInvalidator(options.eventStore, cache, allProjections, (error) => {
    options.log.error({ err: error }, 'cache invalidation failed; it follows the log again shortly');
  });
  // From the checkpoint read before any cache entry: nothing the views have not applied is missed.
  invalidator.start(views.position());
  return { projector: null, invalidator, views: bothReached(views, invalidator), followers: [views, invalidator] as Follower[], start: async () => {} };
}

/** Not ready while a follower waits to follow again after an error, or the views lag beyond the bound. */
function readiness(lag: LagMonitor, maxLagSeconds: number, followers: readonly Follower[]): () => string | null {
  return () => {
    if (followers.some((f) => f.error)) return 'a follower of the log failed and waits to follow again';
    if (lag.lagSeconds() > maxLagSeconds) return `the views lag the log by ${lag.lagSeconds().toFixed(1)} s`;
    return null;
  };
}

async function startSealer(options: ServiceOptions, eventStore: EventStore, sodium: Sodium, key: SigningKey, clock: Clock): Promise<Sealer> {
  const sink = options.sealing?.sink ? NdjsonSink.open(options.sealing.sink, (error) => options.log.error({ err: error }, 'SEAL_SINK failed: seals are no longer copied to it (the seals stream keeps them)')) : undefined;
  const sealer = new Sealer(eventStore, sodium, key, { intervalMs: options.sealing?.intervalMs ?? DEFAULT_SEAL_INTERVAL_MS, clock, log: options.log, sink, states: options.followerCheckpoints });
  await sealer.run();
  return sealer;
}

/**
 * The whole service for one role: stores → command side, views, resolver → the followers of the
 * log this role runs. The command side is wired in every role (the reactor sends commands).
 */
export async function createService(options: ServiceOptions): Promise<Service> {
  const role = options.role ?? 'all';
  const { eventStore, readStore, keyStore } = options;
  const clock = options.clock ?? (() => new Date());
  // Before anything is served or followed: a data key no configured master key opens (DESIGN §9).
  await refuseUnopenableDataKeys(keyStore, options.masterKeys);
  const sodium = await loadSodium();
  const dataKeys = new DataKeys(sodium, keyStore, options.masterKeys, clock);
  const cipher = new SecretCipher(sodium, dataKeys);
  const blindIndex = new BlindIndex(dataKeys);
  const subjectKeys = new SubjectKeys(dataKeys, blindIndex);
  const personalData = new PersonalData(sodium, dataKeys, subjectKeys, blindIndex);
  const reader = new PersonalDataReader(personalData);
  const stamps = new RequestStamps(personalData);
  const cache = new ViewCache<ViewDocs>(readStore, CACHED_VIEWS);
  const { projector, invalidator, views: progress, followers, start } = await progressFor(options, role, cache, reader);
  // Destroyed data keys are forgotten by every instance as it reaches their destroy, and deleted (again).
  const plaintexts = new PlaintextCache();
  const shredder = new KeyShredder(dataKeys, keyStore, options.log, [(id) => plaintexts.forgetDataKey(id)]);
  projector?.onApplied((writes) => shredder.destroyed(writes.filter((w) => w.collection === 'destroyedKeys').map((w) => w.id)));
  invalidator?.onEvent((recorded) => {
    if (recorded.event.type === 'SecretDestroyed' || recorded.event.type === 'PersonalDataErased') shredder.destroyed(recorded.event.data.dataKeyIds);
  });

  const snapshotKey = () => dataKeys.getOrCreate(STATE_SNAPSHOTS_KEY_ID).then(({ key }) => key);
  const snapshots = new SnapshotSchedule(new StateSnapshots(options.followerCheckpoints, eventStore, snapshotKey), options.log);
  const states = new StreamStates(eventStore, { snapshots, budget: new LoadBudget(options.settings?.loadEventsPerMinute) });
  const workspaceStreams = new StreamCommands(eventStore, states, 'workspace', workspaceDecider);
  const workspaceSecretStreams = new StreamCommands(eventStore, states, 'workspaceSecrets', workspaceSecretsDecider);
  const personalSecretStreams = new StreamCommands(eventStore, states, 'personalSecrets', personalSecretsDecider);
  let reactions: ViewProgress;
  if (role === 'api') {
    const polled = new PolledProgress(() => options.followerCheckpoints.get('secret-roles'));
    await polled.start();
    followers.push(polled);
    reactions = polled;
  } else {
    const reactor = new SecretRolesReactor(eventStore, options.followerCheckpoints, workspaceStreams, workspaceSecretStreams, clock, options.log);
    await reactor.run();
    followers.push(reactor);
    reactions = reactor;
  }
  const views = new Views(readStore, cache, reader, personalData, options.settings?.auditScan);
  const records = new RecordWriter(eventStore, options.instanceId ?? DEFAULT_INSTANCE_ID);
  // A deleted workspace's audit is kept: refusals there go on its record too.
  const refusals = new Refusals(records, stamps, async (workspaceId) => (await views.workspaceIncludingDeleted(workspaceId)) !== null, clock, (error) =>
    options.log.error({ err: error }, 'refusals could not be recorded'),
  );
  refusals.start();
  const viewWaitMs = options.settings?.viewWaitMs ?? DEFAULT_VIEW_WAIT_MS;
  const deletedRetentionDays = options.settings?.deletedRetentionDays ?? DEFAULT_DELETED_RETENTION_DAYS;
  const metrics = new Metrics();
  await start();
  await shredder.sweep(readStore);
  const lifecycle = new SecretLifecycleHandlers(workspaceStreams, workspaceSecretStreams, personalSecretStreams, views, progress, cipher, dataKeys, stamps, clock, viewWaitMs);
  if (role !== 'api') {
    const sweeper = new RetentionSweeper(
      views,
      lifecycle,
      options.followerCheckpoints,
      clock,
      deletedRetentionDays,
      options.settings?.retentionSweepMs ?? DEFAULT_RETENTION_SWEEP_MS,
      options.log,
    );
    await sweeper.start();
    followers.push(sweeper);
  }
  const lag = new LagMonitor(eventStore, progress, (seconds) => metrics.projectionLag.set(seconds));
  await lag.start();
  const readyMaxLagSeconds = options.readyMaxLagSeconds ?? DEFAULT_READY_MAX_LAG_SECONDS;
  // Readiness reads the lag as last measured (once a second): views that lagged past the bound
  // have it measured again as each batch lands, so readiness comes back with them, not a second later.
  projector?.onApplied(() => {
    if (lag.lagSeconds() > readyMaxLagSeconds) void lag.poll().catch(() => {});
  });
  const signingKey = parseSigningKey(options.sealing?.signingKey ?? newSigningKeyText(`ephemeral-${randomBytes(4).toString('hex')}`), sodium);
  const sealer = role === 'api' ? null : await startSealer(options, eventStore, sodium, signingKey, clock);
  if (sealer) followers.push(sealer);
  let pruner: RecordPruner | null = null;
  if (role !== 'api') {
    // Where the sealer runs: what it prunes must be sealed first.
    pruner = new RecordPruner(
      eventStore,
      records,
      sodium,
      clock,
      options.settings?.recordRetentionDays ?? 0,
      options.settings?.retentionSweepMs ?? DEFAULT_RETENTION_SWEEP_MS,
      options.log,
      options.followerCheckpoints,
    );
    await pruner.start();
    followers.push(pruner);
  }

  const workspaceLifecycle = new WorkspaceLifecycle(workspaceStreams, reactions, stamps, clock, { deletedRetentionDays, reactionWaitMs: viewWaitMs }, {
    views,
    progress,
    head: () => eventStore.headPosition(),
    waitMs: viewWaitMs,
  });
  const deps: AppDeps = {
    workspaces: new WorkspaceHandlers(workspaceStreams, reactions, personalData, stamps, clock, options.newId ?? randomId, viewWaitMs),
    workspaceLifecycle,
    erasure: new Erasure(workspaceLifecycle, lifecycle, subjectKeys),
    secrets: new SecretsCommands(workspaceStreams, workspaceSecretStreams, personalSecretStreams, cipher, new DetailsSealer(personalData), personalData, stamps, clock),
    lifecycle,
    access: new SecretAccessHandlers(
      workspaceStreams,
      workspaceSecretStreams,
      personalSecretStreams,
      records,
      stamps,
      views,
      progress,
      cipher,
      clock,
      viewWaitMs,
    ),
    views,
    past: new PastViews(readStore, progress, () => eventStore.headPosition(), clock, viewWaitMs),
    progress,
    resolver: new Resolver(views, cipher, plaintexts),
    resolutionRecords: new ResolutionRecords(records, stamps, clock),
    refusals,
    auditExports: new AuditExports(records, stamps, clock),
    proofs: new AuditProofs(eventStore, sodium, clock, sealer ? signingKey : null),
    tokens: {
      hs256Secret: options.jwtSecret,
      identityProvider: options.identityProvider ?? null,
      serviceIssuers: new Set(options.serviceIssuers ?? [LOCAL_ISSUER]),
    },
    metrics,
    settings: {
      rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.settings?.rateLimits },
      revealEnabled: options.settings?.revealEnabled ?? true,
      viewWaitMs,
      deletedRetentionDays,
    },
    notReadyBecause: readiness(lag, readyMaxLagSeconds, followers),
  };
  return {
    deps,
    projector,
    reactions,
    refusals,
    sealer,
    pruner,
    lag,
    cipher,
    subjectKeys,
    close: async () => {
      lag.stop();
      // What was refused in the last minute goes on the record before the log closes.
      await refusals.close();
      // The last seal goes in while the projector still runs, so the views end at the log's head.
      const lastSeal = await sealer?.stop();
      if (projector && lastSeal) await projector.waitFor(lastSeal, viewWaitMs);
      for (const follower of followers) await follower.stop();
      // A snapshot under way would otherwise fail on a closed store; those waiting are dropped.
      await snapshots.close();
      await eventStore.close();
      await readStore.close();
      await keyStore.close();
    },
  };
}
