import { describe, expect, it } from 'vitest';
import { StreamCommands } from '../../src/commands/streamCommands';
import { StreamStates } from '../../src/commands/streamStates';
import { workspaceDecider, type WorkspaceState } from '../../src/commands/workspace.decider';
import { PreconditionFailed } from '../../src/errors';
import { openDatabase } from '../../src/stores/sqlite/database';
import { SqliteEventStore } from '../../src/stores/sqlite/sqlite.eventStore';
import { changePermission, created, invite, invited, joined, removed, WS } from './workspace.fixtures';

const STREAM = `workspace-${WS}`;

/**
 * Pipelined commands on one stream: the next decides on the state the previous one's events will
 * make. When that append fails because another process wrote first, nothing decided on top of it
 * may land as decided, nor be cached.
 */
async function setUp() {
  const store = new SqliteEventStore(openDatabase(':memory:', { durable: false }));
  await store.append(STREAM, [created(), ...joined('bob', 'read')], { expectedRevision: 0 });
  const commands = new StreamCommands(store, new StreamStates(store), 'workspace', workspaceDecider);
  const fromLog = async () => (await new StreamCommands(store, new StreamStates(store), 'workspace', workspaceDecider).load(WS)).state;
  return { store, commands, fromLog };
}

const permissionOf = (state: WorkspaceState, userId: string) => (state.status === 'active' ? state.members.get(userId)?.permission : undefined);

describe('StreamCommands, pipelined', () => {
  it('never caches a state the log does not have when the append it was built on fails', async () => {
    const { store, commands, fromLog } = await setUp();
    let first = true;
    // A promotes bob; another process removes bob between A's load and A's append.
    const a = commands.execute(WS, ({ state }) => {
      if (first) {
        first = false;
        void store.append(STREAM, [removed('bob')], { expectedRevision: 3 });
      }
      return workspaceDecider.decide(changePermission('alice', 'bob', 'admin'), state);
    });
    // B is decided on A's in-flight state; with one event it would match the other writer's revision.
    const b = commands.execute(WS, ({ state }) => workspaceDecider.decide(invite('alice', 'erin@example.com', 'read', 'inv_erin'), state));
    const [resultA, resultB] = await Promise.allSettled([a, b]);
    expect(resultA.status).toBe('rejected');
    expect(resultB.status).toBe('fulfilled');
    const cached = (await commands.load(WS)).state;
    expect(permissionOf(cached, 'bob')).toBeUndefined();
    expect(cached).toEqual(await fromLog());
  });

  it('decides again when the state a "nothing to record" answer relied on does not land', async () => {
    const { store, commands, fromLog } = await setUp();
    let first = true;
    // A (If-Match 3) promotes bob, but another process writes first: A gets 412.
    const a = commands.execute(
      WS,
      ({ state }) => {
        if (first) {
          first = false;
          void store.append(STREAM, [invited('inv_x', 'x@example.com')], { expectedRevision: 3 });
        }
        return workspaceDecider.decide(changePermission('alice', 'bob', 'admin'), state);
      },
      [3],
    );
    // B asks for the same change: on A's in-flight state it has nothing to record.
    const b = commands.execute(WS, ({ state }) => workspaceDecider.decide(changePermission('alice', 'bob', 'admin'), state));
    const [resultA, resultB] = await Promise.allSettled([a, b]);
    expect(resultA.status === 'rejected' && resultA.reason).toBeInstanceOf(PreconditionFailed);
    expect(resultB.status === 'fulfilled' && resultB.value.newEvents.length).toBe(1);
    expect(permissionOf(await fromLog(), 'bob')).toBe('admin');
  });
});
