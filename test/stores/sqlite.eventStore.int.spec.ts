import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../src/stores/eventStore.port';
import { openDatabase } from '../../src/stores/sqlite/database';
import { SqliteEventStore } from '../../src/stores/sqlite/sqlite.eventStore';
import { eventStoreContract } from './eventStore.contract';
import { hashChainContract } from './hashChain.contract';
import { freshStream, newEvent, waitUntil } from './contractSupport';

eventStoreContract('SQLite in memory', async () => new SqliteEventStore(openDatabase(':memory:', { durable: true })));

const tempDirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'secrets-eventstore-'));
  tempDirs.push(dir);
  return join(dir, 'events.sqlite');
};
const removeTempDirs = async () => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
};

eventStoreContract(
  'SQLite file',
  async () => new SqliteEventStore(openDatabase(tempFile(), { durable: true })),
  removeTempDirs,
);

describe('SqliteEventStore on a file', () => {
  afterEach(removeTempDirs);

  it('keeps the log across a reopen', async () => {
    const file = tempFile();
    const stream = freshStream();
    const first = new SqliteEventStore(openDatabase(file, { durable: true }));
    const { position } = await first.append(stream, [newEvent('A'), newEvent('B')], { expectedRevision: 0 });
    await first.close();
    const second = new SqliteEventStore(openDatabase(file, { durable: true }));
    try {
      expect((await second.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B']);
      expect(await second.headPosition()).toBe(position);
      expect((await second.append(stream, [newEvent('C')], { expectedRevision: 2 })).revision).toBe(3);
    } finally {
      await second.close();
    }
  });

  it('lets a follower see events appended through another connection (a CLI process)', async () => {
    const file = tempFile();
    const follower = new SqliteEventStore(openDatabase(file, { durable: true }));
    const writer = new SqliteEventStore(openDatabase(file, { durable: true }));
    const seen: StoredEvent[] = [];
    const subscription = follower.follow(null, async (events) => void seen.push(...events), () => {});
    try {
      const stream = freshStream();
      await writer.append(stream, [newEvent('FromElsewhere')], { expectedRevision: 0 });
      await waitUntil(() => seen.length === 1, 'the polling follower sees the event');
      expect(seen[0]).toMatchObject({ streamId: stream, revision: 1, type: 'FromElsewhere' });
      const wrong = await follower.append(stream, [newEvent('Stale')], { expectedRevision: 0 }).catch((error: unknown) => error);
      expect(wrong).toMatchObject({ name: 'WrongExpectedRevision', actual: 1 });
    } finally {
      await subscription.stop();
      await writer.close();
      await follower.close();
    }
  });
});

hashChainContract('SQLite file', async () => new SqliteEventStore(openDatabase(tempFile(), { durable: true })), removeTempDirs);
