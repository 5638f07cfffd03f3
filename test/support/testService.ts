import { randomBytes } from 'node:crypto';
import { createSigner } from 'fast-jwt';
import { buildApp, type BuildOptions } from '../../src/api/app';
import type { App } from '../../src/api/deps';
import { parseMasterKeys } from '../../src/crypto/masterKeys';
import type { Projector } from '../../src/projections/projector';
import { viewCollections } from '../../src/projections/views';
import { createService, type Service, type ServiceOptions } from '../../src/service';
import { openSqliteStores } from '../../src/stores/sqlite/openSqliteStores';

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';

export const silentLog = { error: () => {}, info: () => {} };

/** The SQLite stores of a data directory (or `:memory:`), with the service's view collections. */
export function openTestStores(dataDir: string) {
  return openSqliteStores(dataDir, viewCollections);
}

export function testMasterKeys(id = 'test1') {
  return parseMasterKeys(`${id}:${randomBytes(32).toString('base64')}`);
}

export type TokenOptions = { email?: string | null; scope?: string; ws?: string[]; expiresInMs?: number };

/** Signs a token as the service expects it; `email` defaults to `<sub>@example.com`. */
export function token(sub: string, options: TokenOptions = {}): string {
  const sign = createSigner({ key: TEST_JWT_SECRET, algorithm: 'HS256', expiresIn: options.expiresInMs ?? 3_600_000 });
  const claims: Record<string, unknown> = { sub };
  const email = options.email === undefined ? `${sub}@example.com` : options.email;
  if (email !== null) claims.email = email;
  if (options.scope) claims.scope = options.scope;
  if (options.ws) claims.ws = options.ws;
  return sign(claims);
}

export function bearer(sub: string, options: TokenOptions = {}) {
  return { authorization: `Bearer ${token(sub, options)}` };
}

/** The projector of a service that runs it in process (the `all` role, as every test service does). */
export function inProcess(service: Service): Projector {
  if (!service.projector) throw new Error('this service runs no projector in process');
  return service.projector;
}

export type TestApp = {
  app: App;
  service: Service;
  projector: Projector;
  /** The stores the service runs on (to look behind the API: heads, key counts). */
  stores: Pick<ServiceOptions, 'eventStore' | 'keyStore'>;
  /** Waits until the views applied every event in the log (for records whose answer carries no position, such as reveals). */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
};

/** The whole service on SQLite (in memory, or in `dataDir`), with its app for `inject` (or `listen`). */
export async function startTestApp(
  dataDir = ':memory:',
  overrides: Partial<ServiceOptions> = {},
  buildOptions: BuildOptions = {},
): Promise<TestApp> {
  const stores = openTestStores(dataDir);
  const eventStore = overrides.eventStore ?? stores.eventStore;
  const keyStore = overrides.keyStore ?? stores.keyStore;
  const service = await createService({
    ...stores,
    masterKeys: testMasterKeys(),
    jwtSecret: TEST_JWT_SECRET,
    log: silentLog,
    ...overrides,
  });
  const projector = inProcess(service);
  const app = await buildApp(service.deps, buildOptions);
  await app.ready();
  return {
    app,
    service,
    projector,
    stores: { eventStore, keyStore },
    caughtUp: async () => {
      const head = await eventStore.headPosition();
      if (head !== null && !(await projector.waitFor(head, 5000))) throw new Error(`the views did not reach ${head}`);
    },
    close: async () => {
      await app.close();
      await service.close();
    },
  };
}
