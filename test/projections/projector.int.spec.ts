import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { uncharged } from '../../src/projections/queries';
import { eventTypes, SEALS_STREAM } from '../../src/events/streams';
import { allProjections } from '../../src/projections';
import { viewChangesFor } from '../../src/projections/applyEvents';
import { erase, projection } from '../../src/projections/projection';
import { projectAll, Projector } from '../../src/projections/projector';
import { rebuildViews } from '../../src/projections/rebuild';
import { viewIds, type CollectionName, type SecretDoc } from '../../src/projections/views';
import { deferred, type Deferred } from '../stores/contractSupport';
import { silentLog } from '../support/testService';
import { alice, historySnapshot, runScenario, snapshot, startWorld, type World } from './world.fixture';

/** The sealer appends a seal every few seconds: the tests that compare the log's positions leave its events out. */
const sealed = new Set<string>();
const withoutSeals = <E extends { streamId: string; position: string }>(events: readonly E[]) =>
  events.filter((event) => (event.streamId === SEALS_STREAM ? (sealed.add(event.position), false) : true));

/** What SQLite throws past its busy timeout (a long rebuild swap holding the views' lock). */
const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

const docOf = async (w: World, collection: CollectionName, id: string) => (await w.readStore.get(collection, id))?.doc;

describe('Projector', () => {
  let w: World;
  let ws: string;
  beforeEach(async () => {
    sealed.clear();
    w = await startWorld();
    ({ ws } = await runScenario(w));
  });
  afterEach(() => w.close());

  it('builds the views the scenario implies', async () => {
    const views = await snapshot(w.readStore);
    const docs = (c: string) => views[c]!.map((f) => f.doc);
    // Personal data is sealed in the views (DESIGN §8); the queries open it.
    const sealed = { dataKeyId: expect.any(String), nonce: expect.any(String), ciphertext: expect.any(String) };
    expect(docs('members')).toEqual([
      expect.objectContaining({ userId: 'alice', permission: 'admin', email: sealed }),
      expect.objectContaining({ userId: 'carol', permission: 'write', external: true, email: sealed }),
    ]);
    expect(docs('invitations')).toEqual([expect.objectContaining({ email: sealed, emailIndex: expect.any(String), permission: 'admin' })]);
    const secret = (key: string) => docs('workspaceSecrets').find((d) => (d as { key: string }).key === key) as SecretDoc;
    expect(secret('A')).toMatchObject({ version: 3, displayName: sealed, description: sealed, members: [{ userId: 'alice', role: 'admin' }] });
    const { views: queries } = w.service.deps;
    expect((await queries.membersShown(await queries.memberDocs(ws, uncharged))).map((m) => m.email)).toEqual(['alice@example.com', 'carol@example.com']);
    expect((await queries.invitationsShown(await queries.invitationDocs(ws, uncharged))).map((i) => i.email)).toEqual(['erin@example.com']);
    expect(await queries.secretsShown('workspace', [secret('A')])).toEqual([expect.objectContaining({ displayName: 'Key A', description: 'kept' })]);
    expect(secret('B')).toMatchObject({ version: 2, members: [{ userId: 'alice', role: 'admin' }] });
    expect(secret('BOB_A')).toMatchObject({ version: 1, members: [] });
    // Created by carol (its admin), deleted, set again by alice: carol's role did not come back.
    expect(secret('CAROL_KEY')).toMatchObject({ version: 2, createdBy: 'alice', members: [{ userId: 'alice', role: 'admin' }] });
    expect(docs('personalSecrets').map((d) => [(d as { key: string }).key, (d as { version: number }).version])).toEqual([
      ['P', 2],
      ['Q', 2],
      ['MINE', 1],
    ]);
  });

  it('changes no document when every event of the log is applied again', async () => {
    const before = await snapshot(w.readStore);
    const events = await w.eventStore.readAll(null, 10_000);
    expect(events.length).toBeGreaterThan(30);
    // Projections that read the stored document see it is already there and write nothing; those
    // made from the event alone write without reading, and the store's position guard ignores them.
    const readFirst = new Set(allProjections.filter((p) => !p.fromEventAlone).map((p) => p.collection));
    const writes = (await viewChangesFor(w.readStore, allProjections, events)).writes;
    expect(writes.filter((write) => readFirst.has(write.collection))).toEqual([]);
    for (const event of events) {
      const again = (await viewChangesFor(w.readStore, allProjections, [event])).writes;
      expect(again.filter((write) => readFirst.has(write.collection))).toEqual([]);
    }
    const checkpoint = await w.readStore.checkpoint();
    expect(await w.readStore.commit(writes, checkpoint.position!, checkpoint.generation)).toBe(true);
    expect(await snapshot(w.readStore)).toEqual(before);

    // Even writes folded from scratch (as a second projector would make them) change nothing.
    const fresh = { getMany: async () => new Map() };
    const { position, generation } = await w.readStore.checkpoint();
    for (const replay of [events, events.slice(0, events.length / 2)]) {
      const stale = (await viewChangesFor(fresh, allProjections, replay)).writes;
      expect(stale.length).toBeGreaterThan(0);
      expect(await w.readStore.commit(stale, position!, generation)).toBe(true);
    }
    expect(await snapshot(w.readStore)).toEqual(before);
  });

  it('has live views, and their history, equal to a fresh rebuild from the log', async () => {
    const log = await w.eventStore.readAll(null, 10_000);
    const before = await snapshot(w.readStore);
    const historyBefore = await historySnapshot(w.readStore, log);
    const checkpoint = await w.readStore.checkpoint();
    const { events } = await rebuildViews(w.eventStore, w.readStore, allProjections);
    // Read again: the sealer may have appended a seal meanwhile.
    expect(events).toBe((await w.eventStore.readAll(null, 10_000)).length);
    expect(await snapshot(w.readStore)).toEqual(before);
    expect(await historySnapshot(w.readStore, log)).toEqual(historyBefore);
    const rebuilt = await w.readStore.checkpoint();
    expect(rebuilt.position).toBe(checkpoint.position);
    expect(rebuilt.generation).not.toBe(checkpoint.generation);
  });

  it('has live views, and their history, equal to rebuilds in small batches that hold few documents (or none) between them', async () => {
    const log = await w.eventStore.readAll(null, 10_000);
    const before = await snapshot(w.readStore);
    const historyBefore = await historySnapshot(w.readStore, log);
    for (const [batchSize, held] of [[1, 2], [3, 5], [2, 0], [7, 1000]] as const) {
      const target = await w.readStore.startRebuild();
      await projectAll(w.eventStore, target.store, allProjections, batchSize, held);
      await target.swapIn();
      expect(await snapshot(w.readStore), `batches of ${batchSize}, ${held} held`).toEqual(before);
      expect(await historySnapshot(w.readStore, log), `history, batches of ${batchSize}, ${held} held`).toEqual(historyBefore);
    }
  });

  it('applies a write whole, holding back the part a batch ends inside of, and never twice when it follows again after an error', async () => {
    await w.projector.stop();
    // The log handed over one event at a time, and the first batch that ends inside a write fails once after it was handled.
    let failOnce = true;
    const oneByOne: Pick<typeof w.eventStore, 'follow'> = {
      follow: (after, handle, onError) =>
        w.eventStore.follow(
          after,
          async (events) => {
            for (const event of events) {
              await handle([event]);
              if (failOnce && event.metadata.continued) {
                failOnce = false;
                throw new Error('the log connection dropped');
              }
            }
          },
          onError,
        ),
    };
    const committed: string[] = [];
    const spied: typeof w.readStore = Object.create(w.readStore, {
      commit: {
        value: (...args: Parameters<typeof w.readStore.commit>) => {
          committed.push(args[1]);
          return w.readStore.commit(...args);
        },
      },
    });
    const seen: string[] = [];
    const spy = erase(projection({ collection: 'scopes', canHandle: eventTypes, documentIds: (r) => (seen.push(r.position), []), evolve: (doc) => doc }));
    const projector = new Projector(oneByOne, spied, [...allProjections, spy], silentLog);
    await projector.run();
    try {
      const checkpoint = (await w.readStore.checkpoint()).position;
      const saved = await w.secrets.saveWorkspace(alice, ws, w.batch({ X: 'x-1', Y: 'y-1', Z: 'z-1' }));
      expect(await projector.waitFor(saved.position!, 5000)).toBe(true);
      expect(failOnce).toBe(false);
      const written = withoutSeals(await w.eventStore.readAll(checkpoint, 100));
      expect(written.length).toBeGreaterThan(3);
      expect(written.filter((event) => event.metadata.continued)).toHaveLength(written.length - 1);
      // One commit, at the write's end: no live read saw X without Z; each event applied once.
      expect(committed.filter((position) => !sealed.has(position))).toEqual([saved.position]);
      expect(seen.filter((position) => !sealed.has(position))).toEqual(written.map((event) => event.position));
      const live = await snapshot(w.readStore);
      await rebuildViews(w.eventStore, w.readStore, allProjections);
      expect(await snapshot(w.readStore)).toEqual(live);
    } finally {
      await projector.stop();
      await w.projector.run();
    }
  });

  it('after a rebuild refused its commit, drops what it held and what its old subscription still delivers, and restarts once', async () => {
    await w.projector.stop();
    await w.workspaces.invite(alice, ws, { email: 'gina@example.com', permission: 'read', external: false });
    const saved = await w.secrets.saveWorkspace(alice, ws, w.batch({ X: 'x-1', Y: 'y-1' }));
    // The invitation and the save come in one batch, handed on in two parts: the invitation with
    // the save's first event, then the rest, as EventStoreDB still hands on what it buffered after
    // a subscription was asked to stop. The first part waits until the views were rebuilt.
    let rebuilt!: () => void;
    const afterRebuild = new Promise<void>((resolve) => (rebuilt = resolve));
    const inTwo: Pick<typeof w.eventStore, 'follow'> = {
      follow: (after, handle, onError) =>
        w.eventStore.follow(
          after,
          async (events) => {
            await afterRebuild;
            const cut = events.findIndex((event) => !event.metadata.continued) + 2;
            await handle(events.slice(0, cut));
            if (cut < events.length) await handle(events.slice(cut));
          },
          onError,
        ),
    };
    const seen: string[] = [];
    const spy = erase(projection({ collection: 'scopes', canHandle: eventTypes, documentIds: (r) => (seen.push(r.position), []), evolve: (doc) => doc }));
    const projector = new Projector(inTwo, w.readStore, [...allProjections, spy], silentLog);
    let replaced = 0;
    projector.onReplaced(() => (replaced += 1));
    // A listener that throws keeps no one waiting for what the rebuilt views already hold.
    projector.onReplaced(() => {
      throw new Error('a cache could not be cleared');
    });
    await projector.run();
    try {
      const [invited, ...write] = withoutSeals(await w.eventStore.readAll(projector.position(), 100)).map((event) => event.position);
      expect(write.at(-1)).toBe(saved.position);
      await rebuildViews(w.eventStore, w.readStore, allProjections);
      // Someone waits for the save, which only the rebuilt views hold: the restart must wake them.
      const woken = projector.waitFor(saved.position!, 2000);
      rebuilt();
      await vi.waitUntil(() => replaced > 0, { timeout: 5000 });
      expect(await woken).toBe(true);
      const later = await w.secrets.saveWorkspace(alice, ws, w.batch({ LATER: 'l-1' }));
      expect(await projector.waitFor(later.position!, 5000)).toBe(true);
      const laterEvents = withoutSeals(await w.eventStore.readAll(saved.position, 100)).map((event) => event.position);
      // The invitation was folded before its commit was refused; the save, which the rebuild holds, never again; the later write once.
      expect(seen.filter((position) => !sealed.has(position))).toEqual([invited, ...laterEvents]);
      expect(replaced).toBe(1);
      expect(await docOf(w, 'workspaceSecrets', viewIds.secret(ws, 'LATER'))).toMatchObject({ version: 1 });
    } finally {
      await projector.stop();
      await w.projector.run();
    }
  });

  describe('when a rebuild refused its commit and following the new views again', () => {
    /** The projector a test made; stopped after it, and the world's own projector run again. */
    let refused: Projector | null = null;
    afterEach(async () => {
      await refused?.stop();
      refused = null;
      await w.projector.run();
    });

    /** The world's projector replaced by one whose subscriptions are counted and whose reads of the checkpoint the test holds up or fails. */
    async function refusedProjector(checkpointRead: () => Promise<void>, commit: () => Promise<void> = async () => {}) {
      await w.projector.stop();
      let follows = 0;
      const counted: Pick<typeof w.eventStore, 'follow'> = {
        follow: (...args) => ((follows += 1), w.eventStore.follow(...args)),
      };
      const store: typeof w.readStore = Object.create(w.readStore, {
        checkpoint: { value: async () => (await checkpointRead(), w.readStore.checkpoint()) },
        commit: { value: async (...args: Parameters<typeof w.readStore.commit>) => (await commit(), w.readStore.commit(...args)) },
      });
      const logged: string[] = [];
      const projector = new Projector(counted, store, allProjections, { ...silentLog, error: (_obj, msg) => logged.push(msg) });
      refused = projector;
      await projector.run();
      await rebuildViews(w.eventStore, w.readStore, allProjections);
      return { projector, logged, follows: () => follows };
    }

    it('stops for good when stopped meanwhile: no subscription follows after stop()', async () => {
      let reads = 0;
      let gate: Deferred | null = null;
      const { projector, follows } = await refusedProjector(async () => ((reads += 1), await gate?.promise));
      gate = deferred();
      try {
        await w.secrets.saveWorkspace(alice, ws, w.batch({ DURING: 'd-1' }));
        // The restart reads the rebuilt checkpoint, held up there when the service closes.
        await vi.waitUntil(() => reads === 2, { timeout: 5000 });
        const stopping = projector.stop();
        gate.resolve();
        await stopping;
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(follows()).toBe(1);
      } finally {
        gate.resolve();
      }
    });

    it('follows again when run after a stop that came while the refused commit was under way', async () => {
      let commits = 0;
      let gate: Deferred | null = null;
      const { projector } = await refusedProjector(async () => {}, async () => ((commits += 1), await gate?.promise));
      gate = deferred();
      try {
        await w.secrets.saveWorkspace(alice, ws, w.batch({ DURING: 'd-1' }));
        await vi.waitUntil(() => commits === 1, { timeout: 5000 });
        const stopping = projector.stop();
        gate.resolve();
        await stopping;
        await projector.run();
        const later = await w.secrets.saveWorkspace(alice, ws, w.batch({ LATER: 'l-1' }));
        expect(await projector.waitFor(later.position!, 5000)).toBe(true);
        expect(await docOf(w, 'workspaceSecrets', viewIds.secret(ws, 'DURING'))).toMatchObject({ version: 1 });
      } finally {
        gate.resolve();
      }
    });

    it('stops without waiting out the pause after a failure', async () => {
      let failing = false;
      const { projector, logged } = await refusedProjector(async () => {
        if (failing) throw busy();
      });
      failing = true;
      await w.secrets.saveWorkspace(alice, ws, w.batch({ DURING: 'd-1' }));
      // Failed at once, then after pauses of 250 and 500 ms: the pause now under way is 1,000 ms.
      await vi.waitUntil(() => logged.length >= 3, { timeout: 5000 });
      // Readiness reports it: no subscription follows the log meanwhile.
      expect(projector.error).toMatchObject({ code: 'SQLITE_BUSY' });
      const stopped = await Promise.race([projector.stop().then(() => 'stopped'), new Promise((resolve) => setTimeout(resolve, 500, 'still pausing'))]);
      expect(stopped).toBe('stopped');
    });

    it('stops without a pause when the attempt under way fails after stop()', async () => {
      let reads = 0;
      let fail!: (error: Error) => void;
      let failing = false;
      const { projector } = await refusedProjector(async () => {
        if (!failing) return;
        reads += 1;
        // Two attempts fail at once; the third is held until the service closes, then fails.
        if (reads <= 2) throw busy();
        await new Promise<void>((_resolve, reject) => (fail = reject));
      });
      failing = true;
      await w.secrets.saveWorkspace(alice, ws, w.batch({ DURING: 'd-1' }));
      await vi.waitUntil(() => reads === 3, { timeout: 5000 });
      const stopping = projector.stop().then(() => 'stopped');
      fail(busy());
      // The pause after a third failure would be 1,000 ms.
      expect(await Promise.race([stopping, new Promise((resolve) => setTimeout(resolve, 500, 'still pausing'))])).toBe('stopped');
    });

    it('logs a failure and tries again, never leaving a rejection unhandled', async () => {
      let failures = 0;
      const { projector, logged } = await refusedProjector(async () => {
        if (failures > 0) {
          failures -= 1;
          throw busy();
        }
      });
      failures = 1;
      // A listener that throws is logged, keeps no one waiting, and the next is called all the same.
      let replaced = 0;
      projector.onReplaced(() => {
        replaced += 1;
        throw new Error('a cache could not be cleared');
      });
      projector.onReplaced(() => (replaced += 1));
      const saved = await w.secrets.saveWorkspace(alice, ws, w.batch({ AFTER: 'a-1' }));
      expect(await projector.waitFor(saved.position!, 5000)).toBe(true);
      expect(failures).toBe(0);
      expect(logged).toEqual(['the projector could not follow the rebuilt views; it tries again shortly', 'a listener of the rebuilt views failed']);
      expect(projector.error).toBeNull();
      expect(replaced).toBe(2);
      expect(await docOf(w, 'workspaceSecrets', viewIds.secret(ws, 'AFTER'))).toMatchObject({ version: 1 });
    });
  });

  it('restarted from its stored checkpoint, applies only the newer events', async () => {
    await w.projector.stop();
    const checkpoint = await w.readStore.checkpoint();
    await w.secrets.saveWorkspace(alice, ws, w.batch({ C: 'c-1' }, ['A']));
    await w.workspaces.invite(alice, ws, { email: 'frank@example.com', permission: 'read', external: false });
    await w.secrets.savePersonal(alice, w.batch({ R: 'r-1' }));

    const seen: string[] = [];
    const spy = erase(projection({ collection: 'scopes', canHandle: eventTypes, documentIds: (r) => (seen.push(r.position), []), evolve: (doc) => doc }));
    const projector = new Projector(w.eventStore, w.readStore, [...allProjections, spy], silentLog);
    await projector.run();
    try {
      const newer = (await w.eventStore.readAll(checkpoint.position, 10_000)).map((e) => e.position);
      expect(newer.length).toBeGreaterThanOrEqual(4);
      expect(await projector.waitFor(newer.at(-1)!, 5000)).toBe(true);
      expect(seen).toEqual(newer);
      expect(await docOf(w, 'workspaceSecrets', viewIds.secret(ws, 'C'))).toMatchObject({ version: 1 });
      expect(await docOf(w, 'workspaceSecrets', viewIds.secret(ws, 'A'))).toBeNull();
      expect(await docOf(w, 'personalSecrets', viewIds.secret('alice', 'R'))).toMatchObject({ version: 1 });
      expect((await w.readStore.checkpoint()).position).toBe(newer.at(-1));
    } finally {
      await projector.stop();
    }

    const live = await snapshot(w.readStore);
    await rebuildViews(w.eventStore, w.readStore, allProjections);
    expect(await snapshot(w.readStore)).toEqual(live);
    // The service's own projector runs again: closing the service waits for it to reach the last seal.
    await w.projector.run();
  });

  it('hands every batch to each listener of applied writes, even after one of them threw (logged), and applies nothing twice', async () => {
    await w.projector.stop();
    const logged: string[] = [];
    const seen: string[] = [];
    const spy = erase(projection({ collection: 'scopes', canHandle: eventTypes, documentIds: (r) => (seen.push(r.position), []), evolve: (doc) => doc }));
    const projector = new Projector(w.eventStore, w.readStore, [...allProjections, spy], { ...silentLog, error: (_obj, msg) => logged.push(msg) });
    // The first listener throws on every batch; the cache invalidation registered after it must still run.
    projector.onApplied(() => {
      throw new Error('an audit sink could not be written');
    });
    const invalidated: string[] = [];
    projector.onApplied((writes) => {
      invalidated.push(...writes.map((write) => write.id));
    });
    await projector.run();
    try {
      const from = (await w.readStore.checkpoint()).position;
      const first = await w.secrets.saveWorkspace(alice, ws, w.batch({ ONE: 'o-1' }));
      expect(await projector.waitFor(first.position!, 5000)).toBe(true);
      const second = await w.secrets.saveWorkspace(alice, ws, w.batch({ TWO: 't-1' }));
      expect(await projector.waitFor(second.position!, 5000)).toBe(true);
      expect(invalidated).toEqual(expect.arrayContaining([viewIds.secret(ws, 'ONE'), viewIds.secret(ws, 'TWO')]));
      expect(logged.length).toBeGreaterThanOrEqual(2);
      expect(new Set(logged)).toEqual(new Set(['a listener of applied views failed']));
      expect(projector.error).toBeNull();
      // Each event was applied once, in order: a throwing listener is no failure to apply.
      const log = (await w.eventStore.readAll(from, 10_000)).map((event) => event.position);
      expect(seen.slice(0, log.indexOf(second.position!) + 1)).toEqual(log.slice(0, log.indexOf(second.position!) + 1));
    } finally {
      await projector.stop();
      await w.projector.run();
    }
  });

  it('holds the next batch back while a listener cannot keep up (an AUDIT_SINK nobody reads), and still stops', async () => {
    await w.projector.stop();
    const projector = new Projector(w.eventStore, w.readStore, allProjections, silentLog);
    const keptUp: Deferred<void>[] = [];
    projector.onApplied(() => {
      const wait = deferred<void>();
      keptUp.push(wait);
      return wait.promise;
    });
    await projector.run();
    try {
      const first = await w.secrets.saveWorkspace(alice, ws, w.batch({ SLOW_ONE: 'o-1' }));
      expect(await projector.waitFor(first.position!, 5000)).toBe(true);
      const second = await w.secrets.saveWorkspace(alice, ws, w.batch({ SLOW_TWO: 't-1' }));
      // The first batch's listener has not kept up: the second waits, committed to the log only.
      expect(await projector.waitFor(second.position!, 300)).toBe(false);
      keptUp.at(-1)!.resolve();
      expect(await projector.waitFor(second.position!, 5000)).toBe(true);
      await w.secrets.saveWorkspace(alice, ws, w.batch({ SLOW_THREE: 'x-1' }));
    } finally {
      // The last listener never keeps up: stopping ends the wait instead of waiting on it.
      await projector.stop();
      await w.projector.run();
    }
  });

  it('follows again on its own after a commit failed (the views locked past the busy timeout, as a long rebuild swap does)', async () => {
    await w.projector.stop();
    let failures = 1;
    const locked: typeof w.readStore = Object.create(w.readStore, {
      commit: {
        value: (...args: Parameters<typeof w.readStore.commit>) => {
          if (failures === 0) return w.readStore.commit(...args);
          failures -= 1;
          return Promise.reject(busy());
        },
      },
    });
    const logged: string[] = [];
    const projector = new Projector(w.eventStore, locked, allProjections, { ...silentLog, error: (_obj, msg) => logged.push(msg) });
    await projector.run();
    try {
      const saved = await w.secrets.saveWorkspace(alice, ws, w.batch({ LATE: 'l-1' }));
      expect(await projector.waitFor(saved.position!, 5000)).toBe(true);
      expect(failures).toBe(0);
      expect(logged).toHaveLength(1);
      expect(projector.error).toBeNull();
      expect(await docOf(w, 'workspaceSecrets', viewIds.secret(ws, 'LATE'))).toMatchObject({ version: 1 });
    } finally {
      await projector.stop();
      await w.projector.run();
    }
  });

  it('notices a rebuild swapped in while it runs, and keeps applying later events', async () => {
    const { generation } = await w.readStore.checkpoint();
    let replaced = 0;
    w.projector.onReplaced(() => (replaced += 1));
    // One write races the rebuild: whichever wins, it must end up in the views.
    const [, during] = await Promise.all([
      rebuildViews(w.eventStore, w.readStore, allProjections),
      w.secrets.saveWorkspace(alice, ws, w.batch({ DURING: 'd-1' })),
    ]);
    expect((await w.readStore.checkpoint()).generation).not.toBe(generation);

    const after = await w.secrets.saveWorkspace(alice, ws, w.batch({ AFTER: 'a-1' }, ['B']));
    expect(await w.projector.waitFor(after.position!, 5000)).toBe(true);
    expect(await docOf(w, 'workspaceSecrets', viewIds.secret(ws, 'AFTER'))).toMatchObject({ version: 1 });
    expect(await docOf(w, 'workspaceSecrets', viewIds.secret(ws, 'B'))).toBeNull();
    expect(await docOf(w, 'workspaceSecrets', viewIds.secret(ws, 'DURING'))).toMatchObject({ version: 1 });
    expect(BigInt(during.position!)).toBeLessThan(BigInt(after.position!));

    const invited = await w.workspaces.invite(alice, ws, { email: 'gina@example.com', permission: 'read', external: false });
    expect(await w.projector.waitFor(invited.position!, 5000)).toBe(true);
    expect(await docOf(w, 'invitations', invited.invitationId)).toMatchObject({ permission: 'read' });
    expect((await w.service.deps.views.invitationsShown(await w.service.deps.views.invitationDocs(ws, uncharged))).map((i) => i.email)).toContain('gina@example.com');
    expect(w.projector.error).toBeNull();
    expect(replaced).toBe(1);
    expect((await w.readStore.checkpoint()).position).toBe(invited.position);

    const live = await snapshot(w.readStore);
    await rebuildViews(w.eventStore, w.readStore, allProjections);
    expect(await snapshot(w.readStore)).toEqual(live);
  });
});
