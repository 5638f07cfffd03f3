import { randomBytes } from 'node:crypto';
import type { OpenAPIV3_1 } from 'openapi-types';
import { buildApp } from '../../../src/api/app';
import { parseMasterKeys } from '../../../src/crypto/masterKeys';
import { viewCollections, viewHistory, viewLists } from '../../../src/projections/views';
import { createService } from '../../../src/service';
import { openSqliteStores } from '../../../src/stores/sqlite/openSqliteStores';

/**
 * The OpenAPI document the service serves at /docs/json, from an app built in process on
 * throwaway in-memory stores and keys (nothing listens, nothing is written to disk).
 */
export async function serviceDocument(): Promise<OpenAPIV3_1.Document> {
  const stores = openSqliteStores(':memory:', viewCollections, viewHistory, viewLists);
  const service = await createService({
    ...stores,
    masterKeys: parseMasterKeys(`document:${randomBytes(32).toString('base64')}`),
    jwtSecret: randomBytes(32).toString('hex'),
    log: { error: () => {}, info: () => {} },
  });
  const app = await buildApp(service.deps);
  try {
    await app.ready();
    return app.swagger() as OpenAPIV3_1.Document;
  } finally {
    await app.close();
    await service.close();
  }
}
