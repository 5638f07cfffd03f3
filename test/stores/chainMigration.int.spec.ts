import { describe, expect, it } from 'vitest';
import { StreamCommands } from '../../src/commands/streamCommands';
import { StreamStates } from '../../src/commands/streamStates';
import { workspaceDecider } from '../../src/commands/workspace.decider';
import { StreamChainCheck } from '../../src/proof/streamChain';
import { openDatabase } from '../../src/stores/sqlite/database';
import { SqliteEventStore } from '../../src/stores/sqlite/sqlite.eventStore';
import { created, invite, invited, WS } from '../commands/workspace.fixtures';

/** A log as the version before the hash chain left it: the same table, events without prev or hash. */
function logBeforeChaining() {
  const db = openDatabase(':memory:', { durable: true });
  db.exec(`CREATE TABLE events (
    position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
    type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, UNIQUE (stream_id, revision)) STRICT`);
  const insert = db.prepare('INSERT INTO events (stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?)');
  [created(), invited('inv_1', 'b@example.com'), invited('inv_2', 'c@example.com')].forEach((e, i) =>
    insert.run(`workspace-${WS}`, i + 1, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata)),
  );
  insert.run('workspace-other', 1, 'WorkspaceCreated', JSON.stringify({ ...created().data, workspaceId: 'other' }), JSON.stringify(created().metadata));
  return db;
}

describe('the upgrade that introduced the hash chain (SQLite)', () => {
  it('hashes existing events in place, once, marked chained at migration, and later events link to them', async () => {
    const db = logBeforeChaining();
    const store = new SqliteEventStore(db);
    expect(store.chainedAtMigration).toBe(4);
    expect(new SqliteEventStore(db).chainedAtMigration).toBe(0);

    const commands = new StreamCommands(store, new StreamStates(store), 'workspace', workspaceDecider);
    await commands.execute(WS, ({ state }) => workspaceDecider.decide(invite('alice', 'd@example.com', 'read', 'inv_3'), state));

    const events = await store.readStream(`workspace-${WS}`);
    expect(events.map((e) => e.metadata.chained)).toEqual(['migration', 'migration', 'migration', undefined]);
    const check = new StreamChainCheck(`workspace-${WS}`);
    expect(events.flatMap((e) => check.add(e))).toEqual([]);
    expect(check.counts).toEqual({ events: 4, migrated: 3, unhashed: 0 });
  });

  it('leaves a log that is already chained alone', () => {
    const store = new SqliteEventStore(openDatabase(':memory:', { durable: true }));
    expect(store.chainedAtMigration).toBe(0);
  });
});
