import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/commands/actor';
import { RuleViolation } from '../../src/errors';
import { WORKSPACES_PAGE, type Views } from '../../src/projections/queries';
import { createService, type Service } from '../../src/service';
import { openTestStores, testServiceOptions } from '../support/testService';

const user = (userId: string): Actor => ({ userId, email: `${userId}@example.com` });
const [alice, bob] = [user('alice'), user('bob')];

/** Every workspace the user is a member of, through the pages. */
async function membershipsOf(views: Views, userId: string): Promise<string[]> {
  const all: string[] = [];
  for await (const page of views.membershipPages(userId, async () => {})) all.push(...page);
  return all;
}

/**
 * Leaving every workspace, the part of an erasure (DESIGN §9, `POST /v1/me/erase`) the workspace
 * side provides: `workspaceLifecycle.leaveEverywhere(actor)`.
 */
describe('Leaving every workspace (for an erasure)', () => {
  const running: Service[] = [];
  afterEach(async () => {
    for (const service of running.splice(0)) await service.close();
  });

  async function start() {
    const service = await createService({ ...openTestStores(':memory:'), ...testServiceOptions() });
    running.push(service);
    return service;
  }

  async function joinAs(service: Service, admin: Actor, ws: string, member: Actor, permission: 'admin' | 'write' | 'read') {
    const { invitationId } = await service.deps.workspaces.invite(admin, ws, { email: member.email!, permission, external: false });
    await service.deps.workspaces.accept(member, ws, invitationId);
  }

  /** bob is: a write member of one, a co-admin of another (with alice), a member of a deleted one, and the last admin of a deleted one. */
  async function bobsWorkspaces(service: Service) {
    const { workspaces, workspaceLifecycle: lifecycle, secrets } = service.deps;
    const write = (await workspaces.create(alice, 'Write')).workspaceId;
    await joinAs(service, alice, write, bob, 'write');
    await secrets.saveWorkspace(alice, write, { set: { KEY: 'erasure-value' }, delete: [] });
    await secrets.share(alice, write, 'KEY', { kind: 'add', email: bob.email!, role: 'admin' });
    const coAdmin = (await workspaces.create(alice, 'CoAdmin')).workspaceId;
    await joinAs(service, alice, coAdmin, bob, 'admin');
    const deleted = (await workspaces.create(alice, 'Deleted')).workspaceId;
    await joinAs(service, alice, deleted, bob, 'read');
    await lifecycle.delete(alice, deleted, 'Deleted');
    const own = (await workspaces.create(bob, 'Own')).workspaceId;
    const last = await lifecycle.delete(bob, own, 'Own');
    await service.deps.progress.waitFor(last.position!, 5000);
    return { write, coAdmin, deleted, own };
  }

  it('finds every membership, deleted workspaces included, and leaves each one; the secret roles go too', async () => {
    const service = await start();
    const { write, coAdmin, deleted, own } = await bobsWorkspaces(service);
    const { views, workspaceLifecycle: lifecycle } = service.deps;
    expect([...(await membershipsOf(views, 'bob'))].sort()).toEqual([write, coAdmin, deleted, own].sort());

    const { left, position } = await lifecycle.leaveEverywhere(bob);
    expect([...left].sort()).toEqual([write, coAdmin, deleted, own].sort());
    expect(await service.deps.progress.waitFor(position!, 5000)).toBe(true);
    expect(await membershipsOf(views, 'bob')).toEqual([]);
    expect((await views.workspaceSecret(write, 'KEY'))?.members.map((m) => m.userId)).toEqual(['alice']);
    // Done again (a retry after a failure), it leaves nothing more and refuses nothing.
    expect(await lifecycle.leaveEverywhere(bob)).toEqual({ left: [], position: null });
  });

  it('refuses first, leaving none, while they are the last admin of an active workspace, naming it', async () => {
    const service = await start();
    const { write } = await bobsWorkspaces(service);
    // Created a moment ago: the views may not have it yet, and it is found all the same.
    const { workspaceId: sole } = await service.deps.workspaces.create(bob, 'Sole');
    const refusal = await service.deps.workspaceLifecycle.leaveEverywhere(bob).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(RuleViolation);
    expect(refusal).toMatchObject({ code: 'last_admin', extra: { workspaces: [sole] } });
    expect(await service.deps.views.member(write, 'bob')).not.toBeNull();
  });

  // Anyone may create workspaces without end: their memberships are read a page at a time, the
  // hook (the API's rate budget) called before each page after the first, and a refusal names at
  // most 100 of them, with how many there are.
  it('reads the memberships a page at a time, calling its hook before each further one, and names at most 100 in a refusal', async () => {
    const service = await start();
    const count = WORKSPACES_PAGE + 1;
    for (let i = 0; i < count; i += 1) await service.deps.workspaces.create(bob, `team ${i}`);
    let further = 0;
    const refusal = await service.deps.workspaceLifecycle
      .leaveEverywhere(bob, async () => {
        further += 1;
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(refusal).toMatchObject({ code: 'last_admin', extra: { workspaceCount: count } });
    expect([((refusal as RuleViolation).extra.workspaces as string[]).length, further]).toEqual([100, 1]);
    const stopped = service.deps.workspaceLifecycle.leaveEverywhere(bob, () => Promise.reject(new Error('budget spent')));
    await expect(stopped).rejects.toThrow('budget spent');
  });

  it('leaves every one of more than a page of memberships, charging only the pages it looked through for a refusal', async () => {
    const service = await start();
    const count = WORKSPACES_PAGE + 3;
    for (let i = 0; i < count; i += 1) {
      const { workspaceId } = await service.deps.workspaces.create(bob, `t${i}`);
      await service.deps.workspaceLifecycle.delete(bob, workspaceId, `t${i}`);
    }
    let charged = 0;
    const { left } = await service.deps.workspaceLifecycle.leaveEverywhere(bob, async () => {
      charged += 1;
    });
    expect([new Set(left).size, charged]).toEqual([count, 1]);
    expect(await membershipsOf(service.deps.views, 'bob')).toEqual([]);
  }, 60_000);
});
