import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../src/stores/eventStore.port';
import { openDatabase } from '../../src/stores/sqlite/database';
import { SqliteEventStore } from '../../src/stores/sqlite/sqlite.eventStore';
import { eventStoreContract } from './eventStore.contract';
import { hashChainContract } from './hashChain.contract';
import { freshStream, newEvent, rejectionOf, waitUntil } from './contractSupport';

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

  it('gives back what it appended itself, from memory, exactly as the log holds it, appends of another connection in between included', async () => {
    const file = tempFile();
    const writer = new SqliteEventStore(openDatabase(file, { durable: true }));
    const other = new SqliteEventStore(openDatabase(file, { durable: true }));
    const reader = new SqliteEventStore(openDatabase(file, { durable: true }));
    try {
      const [a, b] = [freshStream(), freshStream()];
      await writer.append(a, [newEvent('A1'), newEvent('A2', { n: 1 })], { expectedRevision: 0 });
      // One group commit: a refused append between two that land.
      const round = [
        writer.append(b, [newEvent('B1')], { expectedRevision: 0 }),
        writer.append(a, [newEvent('Refused')], { expectedRevision: 0 }),
        writer.append(a, [newEvent('A3')], { expectedRevision: 2 }),
      ];
      await Promise.allSettled(round);
      await other.append(freshStream(), [newEvent('Elsewhere')], { expectedRevision: 0 });
      await writer.append(b, [newEvent('B2'), newEvent('B3'), newEvent('B4')], { expectedRevision: 1 });

      const all = await reader.readAll(null, 100);
      expect(all.map((e) => e.type)).toEqual(['A1', 'A2', 'B1', 'A3', 'Elsewhere', 'B2', 'B3', 'B4']);
      for (const after of [null, ...all.map((e) => e.position)]) {
        for (const limit of [1, 2, 3, 100]) expect(await writer.readAll(after, limit)).toEqual(await reader.readAll(after, limit));
      }
    } finally {
      await Promise.all([writer.close(), other.close(), reader.close()]);
    }
  });

  it('keeps nothing of a group commit that failed, and serves its followers the same frozen events it appended', async () => {
    const file = tempFile();
    const db = openDatabase(file, { durable: true });
    const store = new SqliteEventStore(db);
    try {
      db.exec("CREATE TRIGGER boom BEFORE INSERT ON events WHEN NEW.type = 'Boom' BEGIN SELECT RAISE(ABORT, 'boom'); END");
      const failed = await Promise.allSettled([
        store.append(freshStream(), [newEvent('Ok')], { expectedRevision: 0 }),
        store.append(freshStream(), [newEvent('Boom')], { expectedRevision: 0 }),
      ]);
      expect(failed.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
      expect(await store.readAll(null, 10)).toEqual([]);

      await store.append(freshStream(), [newEvent('Kept', { list: [1] })], { expectedRevision: 0 });
      const [first] = await store.readAll(null, 10);
      const [again] = await store.readAll(null, 10);
      expect(again).toBe(first);
      expect(() => (first!.data as { list: number[] }).list.push(2)).toThrow(TypeError);
    } finally {
      await store.close();
    }
    expect(await rejectionOf(store.readAll(null, 1))).toBeInstanceOf(TypeError);
  });
});

hashChainContract('SQLite file', async () => new SqliteEventStore(openDatabase(tempFile(), { durable: true })), removeTempDirs);
