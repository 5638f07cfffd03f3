import type { FastifyBaseLogger } from 'fastify';
import { buildApp, buildOpsApp, type BuildOptions } from './api/app';
import type { App } from './api/deps';
import { loadConfig, type Config } from './config';
import { loadOrCreateDevMasterKeys, parseMasterKeys } from './crypto/masterKeys';
import { identityProviderFrom } from './api/tokens/tokenConfig';
import { loadOrCreateDevJwtSecret } from './devSecrets';
import { loadOrCreateDevSigningKey } from './proof/signingKey';
import { createLogger } from './logger';
import { viewCollections, viewHistory, viewLists } from './projections/views';
import { createService, type ServiceOptions } from './service';
import { openStores } from './stores/openStores';
import { SqliteEventStore } from './stores/sqlite/sqlite.eventStore';

/** Entry point: config → stores → projector → app → listen; graceful shutdown on SIGTERM. */
async function main() {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const shared = Boolean(config.EVENTSTORE_URL && config.MONGODB_URL);
  if (config.SERVICE_ROLE !== 'all' && !shared) {
    throw new Error('SERVICE_ROLE=api or projector needs shared backends: set EVENTSTORE_URL and MONGODB_URL');
  }
  const masterKeys = config.SECRETS_MASTER_KEYS
    ? parseMasterKeys(config.SECRETS_MASTER_KEYS)
    : loadOrCreateDevMasterKeys(config.DATA_DIR, (message) => log.warn(message));
  // HS256 is on when JWT_SECRET is set, or in development (a generated secret); in production
  // without it, only the identity provider's tokens are accepted (config.ts made sure there is one).
  let jwtSecret = config.JWT_SECRET ?? null;
  if (!jwtSecret && config.NODE_ENV !== 'production') {
    jwtSecret = loadOrCreateDevJwtSecret(config.DATA_DIR);
    log.warn(`DEVELOPMENT JWT secret in ${config.DATA_DIR}/jwt.secret; set JWT_SECRET for any real use`);
  }
  const identityProvider = identityProviderFrom(config, (error) => log.warn({ err: error }, 'could not fetch the identity provider\'s keys'));

  let signingKey = config.AUDIT_SIGNING_KEY;
  if (!signingKey && config.SERVICE_ROLE !== 'api') {
    signingKey = loadOrCreateDevSigningKey(config.DATA_DIR);
    log.warn(`DEVELOPMENT audit signing key in ${config.DATA_DIR}/audit-signing.key; set AUDIT_SIGNING_KEY (npm run audit-signing-key) for any real use`);
  }

  const stores = await openStores(config, viewCollections, viewHistory, viewLists);
  log.info({ ...stores.backends, role: config.SERVICE_ROLE }, `event log: ${stores.backends.events}; views and key store: ${stores.backends.views}`);
  const chainedAtMigration = stores.eventStore instanceof SqliteEventStore ? stores.eventStore.chainedAtMigration : 0;
  if (chainedAtMigration > 0) log.info({ chainedAtMigration }, `hashed ${chainedAtMigration} events written before the hash chain, in place (chained at migration)`);
  const options: ServiceOptions = {
    ...stores,
    masterKeys,
    jwtSecret,
    identityProvider,
    serviceIssuers: config.JWT_SERVICE_ISSUERS,
    log,
    instanceId: config.INSTANCE_ID,
    auditSink: config.AUDIT_SINK,
    sealing: { signingKey, intervalMs: config.SEAL_INTERVAL_MS, sink: config.SEAL_SINK },
    settings: {
      rateLimits: {
        settingsMax: config.RATE_LIMIT_MAX,
        oracleMax: config.RATE_LIMIT_ORACLE_MAX,
        oraclePerSecretMax: config.RATE_LIMIT_ORACLE_PER_SECRET_MAX,
        resolveMax: config.RATE_LIMIT_RESOLVE_MAX,
        verifyMax: config.RATE_LIMIT_VERIFY_MAX,
      },
      revealEnabled: config.REVEAL_ENABLED,
      viewWaitMs: config.VIEW_WAIT_MS,
      deletedRetentionDays: config.DELETED_RETENTION_DAYS,
      recordRetentionDays: config.RECORD_RETENTION_DAYS,
    },
  };
  const { app, close } = await start(config.SERVICE_ROLE, options, {
    logger: log,
    accessLog: config.ACCESS_LOG,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    trustProxy: config.TRUST_PROXY,
    corsOrigins: config.CORS_ORIGINS,
    ...(config.UI_OIDC_ISSUER && config.UI_OIDC_CLIENT_ID ? { uiOidc: { issuer: config.UI_OIDC_ISSUER, clientId: config.UI_OIDC_CLIENT_ID } } : {}),
  });
  await app.listen({ host: config.HOST, port: config.PORT });
  if (!config.JWT_SECRET) {
    log.info('mint a development token with: npm run token -- --sub alice --email alice@example.com [--scope "secrets:resolve"]');
  }
  onShutdown(app, close, log);
}

async function start(role: Config['SERVICE_ROLE'], options: ServiceOptions, buildOptions: BuildOptions) {
  const service = await createService({ ...options, role });
  // A projector instance serves health, readiness and metrics only.
  const app = role === 'projector' ? await buildOpsApp(service.deps, buildOptions) : await buildApp(service.deps, buildOptions);
  return { app, close: service.close };
}

function onShutdown(app: App, close: () => Promise<void>, log: FastifyBaseLogger) {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing in-flight requests');
    try {
      await app.close();
      await close();
      log.info('stopped cleanly');
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
