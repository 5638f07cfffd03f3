import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/stores/sqlite/database';
import { SqliteReadStore } from '../../src/stores/sqlite/sqlite.readStore';
import { readStoreContract } from './readStore.contract';
import { commitAt, contractCollections, item } from './readStoreSupport';

readStoreContract('SQLite in memory', async (spec, history) => new SqliteReadStore(openDatabase(':memory:', { durable: false }), spec, history));

const tempDirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'secrets-readstore-'));
  tempDirs.push(dir);
  return join(dir, 'views.sqlite');
};
const removeTempDirs = async () => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
};

readStoreContract('SQLite file', async (spec, history) => new SqliteReadStore(openDatabase(tempFile(), { durable: false }), spec, history), removeTempDirs);

describe('SqliteReadStore on a file', () => {
  afterEach(removeTempDirs);
  const open = (file: string) => new SqliteReadStore(openDatabase(file, { durable: false }), contractCollections);

  it('keeps views, checkpoint and generation across a reopen, and after a swap-in', async () => {
    const file = tempFile();
    const first = open(file);
    await commitAt(first, [item('a', '18446744073709551000', { group: 'g' })], '18446744073709551000');
    const target = await first.startRebuild();
    await commitAt(target.store, [item('b', '7', { group: 'g' })], '7');
    await target.swapIn();
    const checkpoint = await first.checkpoint();
    await first.close();

    const second = open(file);
    try {
      expect(await second.checkpoint()).toEqual(checkpoint);
      expect((await second.find('items', 'group', 'g')).map((f) => f.id)).toEqual(['b']);
      expect(await second.get('items', 'a')).toBeUndefined();
    } finally {
      await second.close();
    }
  });
});
