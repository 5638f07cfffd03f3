import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/commands/actor';
import { streamIds } from '../../src/events/streams';
import { createService, type Service } from '../../src/service';
import { openDatabase } from '../../src/stores/sqlite/database';
import { sqliteEventStore, sqliteKeyStore, sqliteViewStores } from '../../src/stores/sqlite/openSqliteStores';
import { viewCollections, viewHistory, viewLists } from '../../src/projections/views';
import { openTestStores, testServiceOptions } from '../support/testService';

const user = (userId: string): Actor => ({ userId, email: `${userId}@example.com` });
const [alice, bob] = [user('alice'), user('bob')];

/** The follower that removes a removed member's secret roles (DESIGN §1), checkpointed like the projector. */
describe('The secret-roles reactor', () => {
  const dirs: string[] = [];
  const running: Service[] = [];
  /** One set of master keys for every start: a restarted service reads what the last one sealed. */
  const common = testServiceOptions();
  afterEach(async () => {
    for (const service of running.splice(0)) await service.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function start(dataDir: string) {
    const service = await createService({ ...openTestStores(dataDir), ...common });
    running.push(service);
    return service;
  }

  async function bobsRoles(service: Service, ws: string) {
    const secret = await service.deps.views.workspaceSecret(ws, 'KEY');
    return secret?.members.filter((m) => m.userId === 'bob').map((m) => m.role) ?? [];
  }

  /** alice invites bob (read), and he accepts. */
  async function bobJoins(service: Service, ws: string) {
    const { invitationId } = await service.deps.workspaces.invite(alice, ws, { email: bob.email!, permission: 'read', external: false });
    return service.deps.workspaces.accept(bob, ws, invitationId);
  }

  /** A service on a data directory of its own, where bob, the Admin of KEY, was just removed from the workspace. */
  async function bobRemoved() {
    const dir = mkdtempSync(join(tmpdir(), 'secrets-reactor-'));
    dirs.push(dir);
    const service = await start(dir);
    const { workspaces, secrets } = service.deps;
    const { workspaceId: ws } = await workspaces.create(alice, 'Acme');
    await bobJoins(service, ws);
    await secrets.saveWorkspace(alice, ws, { set: { KEY: 'reactor-value-1' }, delete: [] });
    await secrets.share(alice, ws, 'KEY', { kind: 'add', email: bob.email!, role: 'admin' });
    await workspaces.remove(alice, ws, 'bob');
    return { dir, service, ws };
  }

  it('removes the roles of a removed member, in the secrets stream, before the removal answers', async () => {
    const { dir, ws } = await bobRemoved();
    const eventStore = sqliteEventStore(dir);
    const types = (await eventStore.readStream(streamIds.workspaceSecrets(ws))).map((e) => e.type);
    await eventStore.close();
    expect(types.at(-1)).toBe('SecretMemberRemoved');
  });

  it('lets a member removed a moment ago re-join without their old roles', async () => {
    const { service, ws } = await bobRemoved();
    const joined = await bobJoins(service, ws);
    expect(await service.deps.progress.waitFor(joined.position!, 5000)).toBe(true);
    expect(await bobsRoles(service, ws)).toEqual([]);
  });

  it("removes a removed member's roles from deleted secrets too: a restore after they re-join brings none back", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secrets-reactor-'));
    dirs.push(dir);
    const service = await start(dir);
    const { workspaces, secrets, lifecycle } = service.deps;
    const { workspaceId: ws } = await workspaces.create(alice, 'Acme');
    await bobJoins(service, ws);
    await secrets.saveWorkspace(alice, ws, { set: { KEY: 'reactor-value-1' }, delete: [] });
    await secrets.share(alice, ws, 'KEY', { kind: 'add', email: bob.email!, role: 'admin' });
    await secrets.saveWorkspace(alice, ws, { set: {}, delete: ['KEY'] });
    await workspaces.remove(alice, ws, 'bob');
    await bobJoins(service, ws);
    const restored = await lifecycle.restoreWorkspace(alice, ws, 'KEY');
    expect(await service.deps.progress.waitFor(restored.position!, 5000)).toBe(true);
    expect(await bobsRoles(service, ws)).toEqual([]);
  });

  it('removes the roles of a member who left, before the leave answers (DESIGN §9)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secrets-reactor-'));
    dirs.push(dir);
    const service = await start(dir);
    const { workspaces, secrets, workspaceLifecycle: lifecycle } = service.deps;
    const { workspaceId: ws } = await workspaces.create(alice, 'Acme');
    await bobJoins(service, ws);
    await secrets.saveWorkspace(alice, ws, { set: { KEY: 'reactor-value-1' }, delete: [] });
    await secrets.share(alice, ws, 'KEY', { kind: 'add', email: bob.email!, role: 'admin' });
    const left = await lifecycle.leave(bob, ws);
    expect(await service.deps.progress.waitFor(left.position!, 5000)).toBe(true);
    expect(await bobsRoles(service, ws)).toEqual([]);
  });

  it('keeps the roles of a member of a deleted workspace when it repeats an older removal (an undelete gives them back)', async () => {
    const removed = await bobRemoved();
    const { dir, ws } = removed;
    await bobJoins(removed.service, ws);
    await removed.service.deps.secrets.share(alice, ws, 'KEY', { kind: 'add', email: bob.email!, role: 'member' });
    await removed.service.deps.workspaceLifecycle.delete(alice, ws, 'Acme');
    await running.pop()!.close();

    const views = openDatabase(join(dir, 'views.sqlite'), { durable: false });
    views.prepare('DELETE FROM follower_checkpoints').run();
    views.close();
    const service = await start(dir);
    const log = sqliteEventStore(dir);
    const head = (await log.headPosition())!;
    await log.close();
    expect(await service.reactions.waitFor(head, 5000)).toBe(true);
    expect(await service.deps.progress.waitFor(head, 5000)).toBe(true);
    expect(await bobsRoles(service, ws)).toEqual(['member']);
  });

  it('repeats a reaction it lost to a crash without touching roles granted since', async () => {
    const removed = await bobRemoved();
    const { dir, ws } = removed;
    let service = removed.service;
    await bobJoins(service, ws);
    const granted = await service.deps.secrets.share(alice, ws, 'KEY', { kind: 'add', email: bob.email!, role: 'member' });
    await running.pop()!.close();

    // As if the process had died before it stored its checkpoint: it reads the removal again.
    const views = openDatabase(join(dir, 'views.sqlite'), { durable: false });
    views.prepare('DELETE FROM follower_checkpoints').run();
    views.close();
    service = await start(dir);
    const log = sqliteEventStore(dir);
    const head = (await log.headPosition())!;
    await log.close();
    expect(await service.reactions.waitFor(head, 5000)).toBe(true);
    expect(await service.deps.progress.waitFor(head, 5000)).toBe(true);
    expect(granted.newEvents.map((e) => e.type)).toEqual(['SecretMemberAdded']);
    expect(await bobsRoles(service, ws)).toEqual(['member']);
  });
  it('stores how far it got after every batch, records alone included: an API instance reads it from there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secrets-reactor-'));
    dirs.push(dir);
    const eventStore = sqliteEventStore(dir);
    const views = () => sqliteViewStores(dir, viewCollections, viewHistory, viewLists);
    const worker = await createService({ role: 'projector', eventStore, ...views(), keyStore: sqliteKeyStore(dir), ...common });
    running.push(worker);
    const api = await createService({ role: 'api', eventStore, ...views(), keyStore: sqliteKeyStore(dir), ...common });
    running.push(api);
    const { workspaceId } = await api.deps.workspaces.create(alice, 'Acme');
    // No workspace event after this: secrets, then a resolution's kind of record (a reveal).
    await api.deps.secrets.saveWorkspace(alice, workspaceId, { set: { K: 'reactor-value' }, delete: [] });
    await api.deps.access.revealWorkspace(alice, workspaceId, 'K');
    const head = (await eventStore.headPosition())!;
    expect(await worker.reactions.waitFor(head, 5000)).toBe(true);
    expect(await api.reactions.waitFor(head, 5000)).toBe(true);
  });
});
