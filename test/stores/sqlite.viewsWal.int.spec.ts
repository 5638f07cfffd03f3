import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteViewStores, VIEWS_WAL_PAGES } from '../../src/stores/sqlite/openSqliteStores';
import { contractCollections, contractHistory, contractLists } from './readStoreSupport';

const MiB = 1024 * 1024;
const PAGE = 4096;

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
      // ~8 MiB of documents in a collection with no indexed field (~2,000 pages): twice what
      // SQLite's default lets gather, a fifth of what the views let gather, before a copy.
      const padding = 'x'.repeat(2000);
      const writes = Array.from({ length: 4000 }, (_, i) => ({ collection: 'notes' as const, id: `doc-${i}`, doc: { padding }, position: '1' }));
      expect(await readStore.commit(writes, '1', generation)).toBe(true);
      const walPages = statSync(join(dir, 'views.sqlite-wal')).size / PAGE;
      expect(walPages).toBeGreaterThan(1_000);
      expect(walPages).toBeLessThan(VIEWS_WAL_PAGES);
      // Still all in the write-ahead log: nothing was copied into the file.
      expect(statSync(join(dir, 'views.sqlite')).size).toBeLessThan(MiB);
    } finally {
      await readStore.close();
    }
  });
});
