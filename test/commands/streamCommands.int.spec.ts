import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StreamCommands } from '../../src/commands/streamCommands';
import { StreamStates } from '../../src/commands/streamStates';
import { workspaceDecider, type WorkspaceCommand, type WorkspaceState } from '../../src/commands/workspace.decider';
import { PreconditionFailed, RuleViolation, StreamBusy } from '../../src/errors';
import type { WorkspaceEvent } from '../../src/events/workspace.events';
import type { EventStore } from '../../src/stores/eventStore.port';
import { openDatabase } from '../../src/stores/sqlite/database';
import { SqliteEventStore } from '../../src/stores/sqlite/sqlite.eventStore';
import { changePermission, created, createWorkspace, indexOf, invite, joined, permissionChanged, WS } from './workspace.fixtures';

const STREAM = `workspace-${WS}`;

/** The real SQLite event store in memory, its reads counted. */
function counted(store: EventStore) {
  const reads: { afterRevision: number; returned: number }[] = [];
  const readStream: EventStore['readStream'] = async (streamId, afterRevision = 0) => {
    const events = await store.readStream(streamId, afterRevision);
    reads.push({ afterRevision, returned: events.length });
    return events;
  };
  return { reads, readStream };
}

describe('StreamCommands on SQLite', () => {
  let store: SqliteEventStore;
  let reads: ReturnType<typeof counted>['reads'];
  let commands: StreamCommands<'workspace', WorkspaceState>;
  /** Another instance of the service: its own cache, the same log. */
  let otherInstance: StreamCommands<'workspace', WorkspaceState>;

  beforeEach(() => {
    store = new SqliteEventStore(openDatabase(':memory:', { durable: false }));
    const reader = counted(store);
    reads = reader.reads;
    commands = new StreamCommands(store, new StreamStates(reader), 'workspace', workspaceDecider);
    otherInstance = new StreamCommands(store, new StreamStates(store), 'workspace', workspaceDecider);
  });
  afterEach(() => store.close());

  const decide = (command: WorkspaceCommand) => (loaded: { state: WorkspaceState }) => workspaceDecider.decide(command, loaded.state);
  const appendDirectly = (events: WorkspaceEvent[], expected: number) => store.append(STREAM, events, { expectedRevision: expected });
  const streamTypes = async () => (await store.readStream(STREAM)).map((e) => e.type);

  describe('when a stream is loaded again', () => {
    it('reads only the events newer than the cached revision', async () => {
      await appendDirectly([created(), ...joined('bob', 'write')], 0);
      const first = await commands.load(WS);
      await appendDirectly([permissionChanged('bob', 'read')], 3);
      const second = await commands.load(WS);

      expect(reads).toEqual([
        { afterRevision: 0, returned: 3 },
        { afterRevision: 3, returned: 1 },
      ]);
      expect(first.revision).toBe(3);
      expect(second.revision).toBe(4);
      expect(second.position).toBe(await store.headPosition());
      expect(second.state.status === 'active' && second.state.members.get('bob')?.permission).toBe('read');
    });

    it('reads nothing new after its own write, and returns what it did: the states, the events, the revision and position', async () => {
      const written = await commands.execute(WS, decide(createWorkspace('alice', 'alice@example.com')));
      const loaded = await commands.load(WS);

      expect(written).toMatchObject({ revision: 1, position: await store.headPosition(), previousState: { status: 'none' } });
      expect(written.newEvents.map((e) => e.type)).toEqual(['WorkspaceCreated']);
      expect(written.newState).toBe(loaded.state);
      expect(reads.at(-1)).toEqual({ afterRevision: 1, returned: 0 });
      expect(loaded).toMatchObject({ revision: 1, position: written.position, state: { status: 'active', workspaceId: WS } });
    });
  });

  describe('when the command expects a revision', () => {
    it('appends all the events decided when the revision is current', async () => {
      await appendDirectly([created()], 0);
      const written = await commands.execute(
        WS,
        (loaded) => [...decide(invite('alice', 'erin@example.com', 'read', 'inv_e'))(loaded), ...decide(invite('alice', 'finn@example.com', 'read', 'inv_f'))(loaded)],
        [1],
      );
      expect(written).toMatchObject({ revision: 3, position: await store.headPosition() });
      expect(written.newEvents.map((e) => e.type)).toEqual(['MemberInvited', 'MemberInvited']);
      expect(written.newState.status === 'active' && [...written.newState.invitations.keys()]).toEqual(['inv_e', 'inv_f']);
      expect(await streamTypes()).toEqual(['WorkspaceCreated', 'MemberInvited', 'MemberInvited']);
      // One write: every event but its last says more follow (the views keep one revision for it).
      expect((await store.readStream(STREAM, 1)).map((e) => e.metadata.continued)).toEqual([true, undefined]);
    });

    it('refuses a stale revision with the current one, and appends nothing', async () => {
      await appendDirectly([created(), ...joined('bob', 'write')], 0);
      const attempt = commands.execute(WS, decide(invite('alice', 'erin@example.com')), [1]);

      await expect(attempt).rejects.toThrow(PreconditionFailed);
      await expect(attempt).rejects.toMatchObject({ currentRevision: 3, extra: { revision: 3 } });
      expect(await streamTypes()).toHaveLength(3);
    });

    it('refuses it when another writer gets there between the load and the append', async () => {
      await appendDirectly([created()], 0);
      const attempt = commands.execute(
        WS,
        async (loaded) => {
          await otherInstance.execute(WS, decide(invite('alice', 'bob@example.com', 'write', 'inv_bob')));
          return decide(invite('alice', 'erin@example.com'))(loaded);
        },
        [1],
      );

      await expect(attempt).rejects.toMatchObject({ currentRevision: 2 });
      await expect(attempt).rejects.toThrow(PreconditionFailed);
      expect(await streamTypes()).toEqual(['WorkspaceCreated', 'MemberInvited']);
    });
  });

  describe('when another writer appends concurrently and no revision is expected', () => {
    it('retries on the newer state, and both commands land', async () => {
      await appendDirectly([created()], 0);
      let attempts = 0;
      const written = await commands.execute(WS, async (loaded) => {
        attempts += 1;
        if (attempts === 1) await otherInstance.execute(WS, decide(invite('alice', 'bob@example.com', 'write', 'inv_bob')));
        return decide(invite('alice', 'erin@example.com', 'read', 'inv_erin'))(loaded);
      });

      expect(attempts).toBe(2);
      expect(written).toMatchObject({ revision: 3 });
      expect(written.newEvents).toHaveLength(1);
      // Decided again on the newer state: it holds the other writer's invitation too.
      expect(written.previousState.status === 'active' && [...written.previousState.invitations.keys()]).toEqual(['inv_bob']);
      const stored = await store.readStream(STREAM);
      expect(stored.map((e) => [e.revision, e.type, (e.data as { emailIndex?: string }).emailIndex])).toEqual([
        [1, 'WorkspaceCreated', undefined],
        [2, 'MemberInvited', indexOf('bob@example.com')],
        [3, 'MemberInvited', indexOf('erin@example.com')],
      ]);
    });

    it('lands two commands started together on two instances', async () => {
      await appendDirectly([created()], 0);
      const results = await Promise.all([
        commands.execute(WS, decide(invite('alice', 'bob@example.com', 'write', 'inv_bob'))),
        otherInstance.execute(WS, decide(invite('alice', 'erin@example.com', 'read', 'inv_erin'))),
      ]);

      expect(results.map((r) => r.revision).sort()).toEqual([2, 3]);
      const emails = (await store.readStream(STREAM, 1)).map((e) => (e.data as { emailIndex: string }).emailIndex);
      expect(emails.sort()).toEqual([indexOf('bob@example.com'), indexOf('erin@example.com')]);
    });

    it('decides again, so a command the other write made invalid is refused', async () => {
      await appendDirectly([created()], 0);
      let attempts = 0;
      const attempt = commands.execute(WS, async (loaded) => {
        attempts += 1;
        if (attempts === 1) await otherInstance.execute(WS, decide(invite('alice', 'erin@example.com', 'write', 'inv_1')));
        return decide(invite('alice', 'erin@example.com', 'read', 'inv_2'))(loaded);
      });

      await expect(attempt).rejects.toMatchObject({ code: 'already_invited' });
      await expect(attempt).rejects.toThrow(RuleViolation);
      expect(await streamTypes()).toEqual(['WorkspaceCreated', 'MemberInvited']);
    });

    it('gives up after a bounded number of conflicts', async () => {
      await appendDirectly([created()], 0);
      let attempts = 0;
      const attempt = commands.execute(WS, async (loaded) => {
        attempts += 1;
        await otherInstance.execute(WS, decide(invite('alice', `u${attempts}@example.com`, 'read', `inv_${attempts}`)));
        return decide(invite('alice', 'erin@example.com'))(loaded);
      });

      await expect(attempt).rejects.toThrow(StreamBusy);
      expect(attempts).toBe(5);
      expect(await streamTypes()).toHaveLength(1 + attempts);
    });
  });

  describe('when the decision records no events', () => {
    it('appends nothing and answers the current revision and position', async () => {
      await appendDirectly([created(), ...joined('bob', 'write')], 0);
      const head = await store.headPosition();
      const written = await commands.execute(WS, decide(changePermission('alice', 'bob', 'write')));

      expect(written).toMatchObject({ revision: 3, position: head, newEvents: [] });
      expect(written.newState).toBe(written.previousState);
      expect(await store.headPosition()).toBe(head);
      expect(await streamTypes()).toHaveLength(3);
    });

    it('appends nothing on a stream that does not exist yet', async () => {
      const written = await commands.execute(WS, () => [], [0]);
      expect(written).toMatchObject({ revision: 0, position: null, newEvents: [], newState: { status: 'none' } });
      expect(await store.headPosition()).toBeNull();
    });
  });
});
