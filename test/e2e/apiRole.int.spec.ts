import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app';
import type { App } from '../../src/api/deps';
import { viewCollections, viewHistory, viewLists } from '../../src/projections/views';
import { createService } from '../../src/service';
import { sqliteEventStore, sqliteKeyStore, sqliteViewStores } from '../../src/stores/sqlite/openSqliteStores';
import { leaksIn } from '../support/leaks';
import { runScenario } from '../support/scenario';
import { injectTransport } from '../support/clientTransport';
import { runSettingsScenario } from '../support/settingsScenario';
import { testServiceOptions } from '../support/testService';

/**
 * SERVICE_ROLE=api and =projector apart, on the same SQLite files (the views and the key store
 * through connections of their own): the API instance waits on the shared checkpoint and
 * invalidates its cache from the log, as it does on EventStoreDB and MongoDB.
 */
describe('The API and the projector as separate instances', () => {
  const dir = mkdtempSync(join(tmpdir(), 'secrets-roles-'));
  let app: App;
  const closers: Array<() => Promise<void>> = [];
  beforeAll(async () => {
    const eventStore = sqliteEventStore(dir);
    const common = testServiceOptions();
    const projector = await createService({ role: 'projector', eventStore, ...sqliteViewStores(dir, viewCollections, viewHistory, viewLists), keyStore: sqliteKeyStore(dir), ...common });
    const api = await createService({ role: 'api', eventStore, ...sqliteViewStores(dir, viewCollections, viewHistory, viewLists), keyStore: sqliteKeyStore(dir), ...common });
    app = await buildApp(api.deps);
    closers.push(() => app.close(), api.close, projector.close);
  });
  afterAll(async () => {
    for (const close of closers) await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the whole scenario, reads its own writes and leaks no value', async () => {
    const settings = await runSettingsScenario(injectTransport(app));
    const { values, nonResolveBodies } = await runScenario(injectTransport(app));
    expect(leaksIn([...nonResolveBodies, ...settings.bodiesWithoutValues].join('\n'), [...values, ...settings.values])).toEqual([]);
  });
});
