import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteViewStores, VIEWS_WAL_PAGES } from '../../src/stores/sqlite/openSqliteStores';
import { contractCollections, contractHistory, contractLists, item } from './readStoreSupport';

const MiB = 1024 * 1024;

describe("The views' write-ahead log", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it(`gathers ${VIEWS_WAL_PAGES} pages before SQLite copies them into the views file, not SQLite's default 1,000`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secrets-views-wal-'));
    dirs.push(dir);
    const { readStore } = sqliteViewStores(dir, contractCollections, contractHistory, contractLists);
    try {
      const { generation } = await readStore.checkpoint();
      // ~8 MiB of documents: twice what the default would copy into the file after this commit.
      const padding = 'x'.repeat(2000);
      const writes = Array.from({ length: 4000 }, (_, i) => item(`doc-${i}`, '1', { group: padding }));
      expect(await readStore.commit(writes, '1', generation)).toBe(true);
      expect(statSync(join(dir, 'views.sqlite-wal')).size).toBeGreaterThan(8 * MiB);
      expect(statSync(join(dir, 'views.sqlite')).size).toBeLessThan(MiB);
    } finally {
      await readStore.close();
    }
  });
});
