import { buildApp } from './api/app';
import { loadConfig } from './config';
import { loadOrCreateDevMasterKeys, parseMasterKeys } from './crypto/masterKeys';
import { loadOrCreateDevJwtSecret } from './devSecrets';
import { createLogger } from './logger';
import { createService } from './service';
import { openSqliteStores } from './stores/sqlite/openSqliteStores';

/** Entry point: config → stores → projector → app → listen; graceful shutdown on SIGTERM. */
async function main() {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const masterKeys = config.SECRETS_MASTER_KEYS
    ? parseMasterKeys(config.SECRETS_MASTER_KEYS)
    : loadOrCreateDevMasterKeys(config.DATA_DIR, (message) => log.warn(message));
  let jwtSecret = config.JWT_SECRET;
  if (!jwtSecret) {
    jwtSecret = loadOrCreateDevJwtSecret(config.DATA_DIR);
    log.warn(`DEVELOPMENT JWT secret in ${config.DATA_DIR}/jwt.secret; set JWT_SECRET for any real use`);
  }

  log.info({ backend: 'sqlite', dataDir: config.DATA_DIR }, 'event store, views and key store: embedded SQLite');
  const service = await createService({
    ...openSqliteStores(config.DATA_DIR),
    masterKeys,
    jwtSecret,
    log,
    settings: { rateLimitMax: config.RATE_LIMIT_MAX, revealEnabled: config.REVEAL_ENABLED },
  });
  const app = await buildApp(service.deps, { logger: log });
  await app.listen({ host: config.HOST, port: config.PORT });
  if (!config.JWT_SECRET) {
    log.info('mint a development token with: npm run token -- --sub alice --email alice@example.com [--scope "secrets:resolve"]');
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing in-flight requests');
    try {
      await app.close();
      await service.close();
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
