import { expect } from 'vitest';
import type { Actor } from '../../src/commands/actor';
import type { BatchInput } from '../../src/commands/secrets.commands';
import { parseStoredEvent, type RecordedEvent } from '../../src/events/streams';
import { allProjections } from '../../src/projections';
import { collectionNames, viewHistory, type CollectionName, type ViewDoc, type ViewDocs } from '../../src/projections/views';
import type { StoredEvent } from '../../src/stores/eventStore.port';
import { createService, type Service, type ServiceOptions } from '../../src/service';
import type { Found, ReadStore } from '../../src/stores/readStore.port';
import { inProcess, openTestStores, silentLog, TEST_JWT_SECRET, testMasterKeys } from '../support/testService';

export const user = (userId: string): Actor => ({ userId, email: `${userId}@example.com` });
export const alice = user('alice');
export const bob = user('bob');
export const carol = user('carol');

export type World = Awaited<ReturnType<typeof startWorld>>;

/** The whole service on in-memory SQLite, with its stores at hand. */
export async function startWorld(settings: ServiceOptions['settings'] = {}) {
  const stores = openTestStores(':memory:');
  const service: Service = await createService({
    ...stores,
    masterKeys: testMasterKeys(),
    jwtSecret: TEST_JWT_SECRET,
    log: silentLog,
    settings,
  });
  const projector = inProcess(service);
  const { workspaces, secrets } = service.deps;
  const batch = (set: Record<string, string>, del: string[] = []): BatchInput => ({ set, delete: del });
  return {
    ...stores,
    service,
    projector,
    workspaces,
    secrets,
    batch,
    /** Waits until the running projector has applied the whole log. */
    settled: async () => {
      const head = await stores.eventStore.headPosition();
      expect(head === null || (await projector.waitFor(head, 5000))).toBe(true);
    },
    close: () => service.close(),
  };
}

/** Every live document of every view collection, with its position. */
export async function snapshot(store: ReadStore<ViewDocs>): Promise<Record<string, Found<ViewDoc>[]>> {
  const entries = await Promise.all(collectionNames.map(async (c) => [c, await store.all(c)] as const));
  return Object.fromEntries(entries);
}

/**
 * The time-travel history of every collection that keeps one, as the store answers for it: each
 * document any event touched, as it was at each position of the log (`versionAt`), its numbered
 * versions (`firstVersions`), and each scope's documents at each position (`scopeAt`). What a
 * rebuild must make again exactly, and what `snapshot` (live documents only) cannot see.
 */
export async function historySnapshot(store: ReadStore<ViewDocs>, events: readonly StoredEvent[]): Promise<unknown[]> {
  const recorded = events.map(parseStoredEvent).filter((r): r is RecordedEvent => r !== null);
  const touched = new Set<string>();
  for (const r of recorded) for (const p of allProjections) if (Object.hasOwn(viewHistory, p.collection)) for (const id of p.documentIds(r)) touched.add(`${p.collection}\u0000${id}`);
  const positions = events.map((e) => e.position);
  const seen: unknown[] = [];
  for (const entry of [...touched].sort()) {
    const [collection, id] = entry.split('\u0000') as [CollectionName, string];
    for (const position of positions) seen.push([collection, id, position, await store.versionAt(collection, id, { position })]);
    if (viewHistory[collection]?.version !== undefined) seen.push([collection, id, await store.firstVersions(collection, id, { limit: 1000 })]);
  }
  const scopes = new Set(recorded.map((r) => r.ownerId));
  for (const [collection, kept] of Object.entries(viewHistory) as [CollectionName, { scope: string | null }][]) {
    if (kept.scope === null) continue;
    for (const scope of [...scopes].sort()) for (const position of positions) seen.push([collection, scope, position, await store.scopeAt(collection, scope, position)]);
  }
  return seen;
}

/**
 * Real commands through the service: a workspace, invitations (one revoked, one left
 * pending), accepts, a permission change, a removal (with its secret roles), workspace
 * secrets set, updated, deleted and set again, details, and personal secrets.
 */
export async function runScenario(w: World) {
  const { workspaceId: ws } = await w.workspaces.create(alice, 'Acme');
  const inviteBob = await w.workspaces.invite(alice, ws, { email: 'bob@example.com', permission: 'write', external: false });
  const inviteCarol = await w.workspaces.invite(alice, ws, { email: 'CAROL@example.com', permission: 'read', external: true });
  const inviteDave = await w.workspaces.invite(alice, ws, { email: 'dave@example.com', permission: 'read', external: false });
  await w.workspaces.invite(alice, ws, { email: 'erin@example.com', permission: 'admin', external: false });
  await w.workspaces.revoke(alice, ws, inviteDave.invitationId);
  await w.workspaces.accept(bob, ws, inviteBob.invitationId);
  await w.workspaces.accept(carol, ws, inviteCarol.invitationId);
  await w.workspaces.changePermission(alice, ws, carol.userId, 'write');

  await w.secrets.saveWorkspace(bob, ws, w.batch({ BOB_A: 'bob-a', BOB_B: 'bob-b' }));
  await w.secrets.saveWorkspace(carol, ws, w.batch({ CAROL_KEY: 'carol-1' }));
  await w.workspaces.remove(alice, ws, bob.userId);

  await w.secrets.saveWorkspace(alice, ws, w.batch({ A: 'a-1', B: 'b-1' }));
  await w.secrets.saveWorkspace(alice, ws, w.batch({ A: 'a-2' }));
  await w.secrets.changeWorkspaceDetails(alice, ws, 'A', { displayName: 'Key A', description: 'kept' });
  await w.secrets.saveWorkspace(alice, ws, w.batch({ A: 'a-3' }, ['B']));
  await w.secrets.saveWorkspace(alice, ws, w.batch({ A: 'a-3' }, ['CAROL_KEY']));
  await w.secrets.saveWorkspace(alice, ws, w.batch({ B: 'b-2', CAROL_KEY: 'carol-2' }));

  await w.secrets.savePersonal(alice, w.batch({ P: 'p-1', Q: 'q-1' }));
  await w.secrets.savePersonal(alice, w.batch({ P: 'p-2' }, ['Q']));
  await w.secrets.savePersonal(alice, w.batch({ Q: 'q-2' }));
  await w.secrets.savePersonal(carol, w.batch({ MINE: 'carol-mine' }));
  await w.settled();
  return { ws };
}
