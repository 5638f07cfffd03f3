import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app';
import type { App } from '../../src/api/deps';
import { createService } from '../../src/service';
import { streamPrefixes } from '../../src/events/streams';
import { EsdbEventStore } from '../../src/stores/eventstoredb/esdb.eventStore';
import { MongoFollowerCheckpoints } from '../../src/stores/mongodb/mongo.followerCheckpoints';
import { MongoKeyStore } from '../../src/stores/mongodb/mongo.keyStore';
import { MongoReadStore } from '../../src/stores/mongodb/mongo.readStore';
import { viewCollections, viewHistory, viewLists } from '../../src/projections/views';
import { injectTransport } from '../support/clientTransport';
import { leaksIn } from '../support/leaks';
import { runScenario } from '../support/scenario';
import { testServiceOptions } from '../support/testService';
import { connectDatabase, freshDatabase, type TestDatabase } from './mongoStores';

const eventStoreUrl = process.env.EVENTSTORE_URL;
const mongoUrl = process.env.MONGODB_URL;
const missing = [!eventStoreUrl && 'EVENTSTORE_URL (EventStoreDB)', !mongoUrl && 'MONGODB_URL (MongoDB)'].filter(Boolean).join(' and ');

/** The end-to-end scenario on EventStoreDB and MongoDB: one process, then API and projector apart. */
describe.skipIf(missing !== '')(`The scenario on EventStoreDB and MongoDB${missing ? ` — SKIPPED: no server given for ${missing}` : ''}`, () => {
  const closers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  /** Stores on a database: the key store's close drops it (or only closes, for a second connection). */
  function storesOn(database: TestDatabase, closeWith: () => Promise<void>) {
    return {
      eventStore: EsdbEventStore.connect(eventStoreUrl!, streamPrefixes),
      readStore: new MongoReadStore(database.db, viewCollections, viewHistory, viewLists),
      followerCheckpoints: new MongoFollowerCheckpoints(database.db),
      keyStore: new MongoKeyStore(database.db, closeWith),
    };
  }
  const common = testServiceOptions();

  describe('in one process', () => {
    let app: App;
    beforeAll(async () => {
      const database = await freshDatabase(mongoUrl!);
      const service = await createService({ ...storesOn(database, database.drop), ...common });
      app = await buildApp(service.deps);
      closers.push(async () => {
        await app.close();
        await service.close();
      });
    });

    it('runs the whole scenario without a value outside resolutions', async () => {
      const { values, nonResolveBodies } = await runScenario(injectTransport(app));
      expect(leaksIn(nonResolveBodies.join('\n'), values)).toEqual([]);
    });
  });

  describe('with the projector and the API in separate instances', () => {
    let app: App;
    beforeAll(async () => {
      const database = await freshDatabase(mongoUrl!);
      const projector = await createService({ role: 'projector', ...storesOn(database, database.drop), ...common });
      // The API instance has connections of its own to the same log and database.
      const second = await connectDatabase(mongoUrl!, database.name);
      const api = await createService({ role: 'api', ...storesOn(second, second.close), ...common });
      app = await buildApp(api.deps);
      closers.push(async () => {
        await app.close();
        await api.close();
        await projector.close();
      });
    });

    it('runs the whole scenario', async () => {
      await runScenario(injectTransport(app));
    });
  });
});
