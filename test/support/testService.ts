import { randomBytes } from 'node:crypto';
import { createSigner } from 'fast-jwt';
import { afterAll, beforeAll, onTestFinished, TestRunner } from 'vitest';
import { buildApp, type BuildOptions } from '../../src/api/app';
import type { App } from '../../src/api/deps';
import { parseMasterKeys } from '../../src/crypto/masterKeys';
import type { Projector } from '../../src/projections/projector';
import { viewCollections, viewHistory, viewLists } from '../../src/projections/views';
import { createService, type Service, type ServiceOptions } from '../../src/service';
import { openSqliteStores } from '../../src/stores/sqlite/openSqliteStores';
import { injectClient, type Client } from './client';

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';

export const silentLog = { error: () => {}, info: () => {} };

/** The SQLite stores of a data directory (or `:memory:`), with the service's view collections. */
export function openTestStores(dataDir: string) {
  return openSqliteStores(dataDir, viewCollections, viewHistory, viewLists);
}

export function testMasterKeys(id = 'test1') {
  return parseMasterKeys(`${id}:${randomBytes(32).toString('base64')}`);
}

/** What every service a test starts runs with: master keys (fresh unless given), the test JWT secret, no logs. */
export function testServiceOptions(masterKeys = testMasterKeys()) {
  return { masterKeys, jwtSecret: TEST_JWT_SECRET, log: silentLog };
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

/** The projector of a service that runs it in process (the `all` role, as every test service does). */
export function inProcess(service: Service): Projector {
  if (!service.projector) throw new Error('this service runs no projector in process');
  return service.projector;
}

/** A running app and what a test looks behind it with. */
export type TestApp = {
  app: App;
  /** The one client, calling the app in process. */
  call: Client;
  service: Service;
  projector: Projector;
  /** The stores the service runs on (to look behind the API: heads, key counts). */
  stores: Pick<ServiceOptions, 'eventStore' | 'keyStore'>;
  /** Waits until the views applied every event in the log (for records whose answer carries no position, such as reveals). */
  caughtUp(): Promise<void>;
};

/** An app a test started for itself: it may stop it early (closing twice does nothing). */
export type OwnTestApp = TestApp & { close(): Promise<void> };

/** The whole service on SQLite (in memory, or in `dataDir`), with its app ready for `inject` (or `listen`). */
async function launch(dataDir: string, overrides: Partial<ServiceOptions>, buildOptions: BuildOptions): Promise<OwnTestApp> {
  const stores = openTestStores(dataDir);
  const eventStore = overrides.eventStore ?? stores.eventStore;
  const keyStore = overrides.keyStore ?? stores.keyStore;
  const service = await createService({ ...stores, ...testServiceOptions(), ...overrides });
  const projector = inProcess(service);
  const app = await buildApp(service.deps, buildOptions);
  await app.ready();
  let closed: Promise<void> | undefined;
  return {
    app,
    call: injectClient(app),
    service,
    projector,
    stores: { eventStore, keyStore },
    caughtUp: async () => {
      const head = await eventStore.headPosition();
      if (head !== null && !(await projector.waitFor(head, 5000))) throw new Error(`the views did not reach ${head}`);
    },
    close: () =>
      (closed ??= (async () => {
        await app.close();
        await service.close();
      })()),
  };
}

/**
 * The app of a describe block: call it in the block's body. It starts before the block's
 * first test and closes after its last; its fields (and `call`, `caughtUp`) work from the
 * block's own hooks and tests on. `overrides` go to the service (settings, clock, stores),
 * `buildOptions` to the HTTP layer (timeouts).
 */
export function useTestApp(overrides: Partial<ServiceOptions> = {}, buildOptions: BuildOptions = {}): TestApp {
  let running: OwnTestApp | undefined;
  beforeAll(async () => {
    running = await launch(':memory:', overrides, buildOptions);
  });
  afterAll(async () => {
    await running?.close();
    running = undefined;
  });
  const current = (): OwnTestApp => {
    if (!running) throw new Error('useTestApp: the app runs from the hooks and tests of its describe block on, not while the block is collected');
    return running;
  };
  return {
    get app() {
      return current().app;
    },
    call: (method, url, options) => current().call(method, url, options),
    get service() {
      return current().service;
    },
    get projector() {
      return current().projector;
    },
    get stores() {
      return current().stores;
    },
    caughtUp: () => current().caughtUp(),
  };
}

/**
 * An app of one test's own, for a test that needs several, settings no other test shares, or a
 * restart on the same `dataDir`: call it inside the test; it closes when the test finishes (a
 * test about the shutdown may close it before). For one app per describe block, `useTestApp`.
 */
export async function startTestApp(
  dataDir = ':memory:',
  overrides: Partial<ServiceOptions> = {},
  buildOptions: BuildOptions = {},
): Promise<OwnTestApp> {
  if (!TestRunner.getCurrentTest()) throw new Error('startTestApp starts an app for the test that calls it: call it inside it(), or useTestApp() in a describe block');
  const started = await launch(dataDir, overrides, buildOptions);
  onTestFinished(() => started.close());
  return started;
}
