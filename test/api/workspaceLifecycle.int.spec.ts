import { beforeAll, describe, expect, it } from 'vitest';
import { retentionCutoff } from '../../src/commands/deletedRetention';
import { token, useTestApp } from '../support/testService';
import {
  as,
  bodyOf,
  createWorkspace,
  executor,
  expectProblem,
  fieldsOf,
  join,
  must,
  resolver,
  setPersonalSecret,
  setWorkspaceSecret,
} from '../support/workspaces';

const DAY = 86_400_000;
const START = Date.parse('2025-06-01T08:00:00.000Z');
const VALUE = 'lifecycle-value-5b9e';
const NDJSON = 'application/x-ndjson';

type Listed = { workspaces: Array<{ id: string; name: string; deletedAt?: string; deletedBy?: string; undeletableUntil?: string | null }> };
type AuditPage = { entries: Array<{ type: string; actor: string; subject: { userId?: string } | null }> };

/** DESIGN §9 "Workspaces and people": deleting, undeleting and leaving a workspace, over HTTP. */
describe('Deleting a workspace: DELETE /v1/workspaces/:ws {confirm}, POST …/undelete', () => {
  let now = START;
  const t = useTestApp({ clock: () => new Date(now), settings: { deletedRetentionDays: 30 } });
  const call = t.call;
  const resolve = resolver(call, () => [VALUE]);
  let ws: string;
  let invitationToDave: string;

  beforeAll(async () => {
    ws = await createWorkspace(call, 'alice', 'Acme');
    await join(call, ws, 'alice', 'bob', 'write');
    await join(call, ws, 'alice', 'carol', 'admin');
    await setWorkspaceSecret(call, ws, 'alice', 'API_KEY', VALUE);
    await setPersonalSecret(call, 'bob', 'BOBS', VALUE);
    invitationToDave = bodyOf<{ id: string }>(await call('POST', `/v1/workspaces/${ws}/invitations`, { ...as('alice'), body: { email: 'dave@example.com', permission: 'read' } })).id;
  });

  it('refuses a confirmation that is not the name (400 naming confirm), or none, and records nothing', async () => {
    const head = await t.stores.eventStore.headPosition();
    const wrong = await call('DELETE', `/v1/workspaces/${ws}`, { ...as('alice'), body: { confirm: 'acme' } });
    expectProblem(wrong, 400, 'validation_failed');
    expect(fieldsOf(wrong)).toEqual(['confirm']);
    expectProblem(await call('DELETE', `/v1/workspaces/${ws}`, as('alice')), 400);
    expectProblem(await call('DELETE', `/v1/workspaces/${ws}`, { ...as('alice'), body: {} }), 400);
    expect(await t.stores.eventStore.headPosition()).toBe(head);
  });

  it('refuses members who are not admins (403), and hides the workspace from others (404)', async () => {
    expectProblem(await call('DELETE', `/v1/workspaces/${ws}`, { ...as('bob'), body: { confirm: 'Acme' } }), 403);
    expectProblem(await call('DELETE', `/v1/workspaces/${ws}`, { ...as('mallory'), body: { confirm: 'Acme' } }), 404, 'workspace_not_found');
    expectProblem(await call('DELETE', `/v1/workspaces/ws_none`, { ...as('alice'), body: { confirm: 'Acme' } }), 404, 'workspace_not_found');
  });

  it('answers 202 with the position of the deletion, and access ends for every member at once', async () => {
    now = START + DAY;
    const deleted = await call('DELETE', `/v1/workspaces/${ws}`, { ...as('alice'), body: { confirm: 'Acme' } });
    expect(deleted.status, deleted.text).toBe(202);
    expect(deleted.body).toEqual({ position: deleted.headers['x-position'] });
    for (const user of ['alice', 'bob', 'carol']) {
      expectProblem(await call('GET', `/v1/workspaces/${ws}/secrets`, as(user)), 404, 'workspace_not_found');
      expectProblem(await call('PUT', `/v1/workspaces/${ws}/secrets/API_KEY`, { ...as(user), body: { value: 'x' } }), 404, 'workspace_not_found');
    }
    expectProblem(await call('POST', `/v1/workspaces/${ws}/secrets/API_KEY/reveal`, as('alice')), 404, 'workspace_not_found');
    expectProblem(await call('DELETE', `/v1/workspaces/${ws}`, { ...as('alice'), body: { confirm: 'Acme' } }), 404, 'workspace_not_found');
  });

  it('resolves nothing in it any more (404 workspace_not_found)', async () => {
    expectProblem(await resolve({ workspaceId: ws, trigger: 'schedule', workflowOwnerId: 'bob', input: '{{API_KEY}} {{BOBS}}' }), 404, 'workspace_not_found');
    expectProblem(await resolve({ workspaceId: ws, trigger: 'manual', triggeredBy: 'alice', input: '{{API_KEY}}' }, { token: executor() }), 404, 'workspace_not_found');
  });

  it('no longer lists it among my workspaces; ?deleted=true lists it to its admins, with the end of the retention', async () => {
    for (const user of ['alice', 'bob']) expect(bodyOf<Listed>(await call('GET', '/v1/workspaces', as(user))).workspaces.map((w) => w.id)).not.toContain(ws);
    const listed = bodyOf<Listed>(await call('GET', '/v1/workspaces?deleted=true', as('alice'))).workspaces;
    expect(listed).toEqual([
      {
        id: ws,
        name: 'Acme',
        permission: 'admin',
        external: false,
        deletedAt: new Date(START + DAY).toISOString(),
        deletedBy: 'alice',
        undeletableUntil: new Date(START + 31 * DAY).toISOString(),
      },
    ]);
    expect(bodyOf<Listed>(await call('GET', '/v1/workspaces?deleted=true', as('bob'))).workspaces).toEqual([]);
  });

  it('no longer offers its pending invitations, nor lets them be accepted', async () => {
    expect(bodyOf<{ invitations: unknown[] }>(await call('GET', '/v1/me/invitations', as('dave'))).invitations).toEqual([]);
    expectProblem(await call('POST', `/v1/invitations/${invitationToDave}/accept`, as('dave')), 404, 'invitation_not_found');
  });

  it('keeps its audit, export and verification for its admins of the moment and audit:read tokens, not for other members', async () => {
    const auditor = token('svc_audit', { scope: 'audit:read', email: null });
    for (const reader of [token('alice'), token('carol'), auditor]) {
      const audit = await call('GET', `/v1/workspaces/${ws}/audit?type=WorkspaceDeleted`, { token: reader });
      expect(audit.status, audit.text).toBe(200);
      expect(bodyOf<AuditPage>(audit).entries.map((e) => [e.type, e.actor])).toEqual([['WorkspaceDeleted', 'alice']]);
      const exported = await call('GET', `/v1/workspaces/${ws}/audit/export`, { token: reader });
      expect(exported.status, exported.text).toBe(200);
      expect(exported.text).toContain('"WorkspaceDeleted"');
      const verified = await call('POST', `/v1/workspaces/${ws}/audit/verify`, { token: reader });
      expect(verified.status, verified.text).toBe(200);
      expect(verified.text).toContain('"ok":true');
    }
    expectProblem(await call('GET', `/v1/workspaces/${ws}/audit`, as('bob')), 404, 'workspace_not_found');
    expectProblem(await call('GET', `/v1/workspaces/${ws}/audit`, { ...as('bob'), headers: { accept: NDJSON } }), 404);
    // The refused reveals and resolutions of the tests above are on its record too.
    await t.service.refusals.flush(true);
    const refused = bodyOf<{ entries: Array<{ actor: string; detail: { route: string; reason: string } }> }>(
      await call('GET', `/v1/workspaces/${ws}/audit?type=AccessRefused`, as('alice')),
    ).entries.map((e) => [e.actor, e.detail.route, e.detail.reason]);
    expect(refused).toEqual(expect.arrayContaining([['alice', 'reveal', 'not_member'], ['executor', 'resolve', 'not_member']]));
    // An audit:read token lists it among the workspaces it covers, marked deleted.
    const covered = bodyOf<{ workspaces: Array<{ id: string; deletedAt: string | null }> }>(await call('GET', '/v1/audit/workspaces', { token: auditor }));
    expect(covered.workspaces.find((w) => w.id === ws)?.deletedAt).toBe(new Date(START + DAY).toISOString());
  });

  it('is found by the retention query once its deletion is at or before the cutoff (the seam of the destruction)', async () => {
    const deletedAt = new Date(START + DAY).toISOString();
    const ids = async (instant: string) => (await t.service.deps.views.workspacesDeletedBefore(instant)).map((w) => w.workspaceId);
    expect(await ids(deletedAt)).toEqual([ws]);
    expect(await ids(new Date(START + DAY - 1).toISOString())).toEqual([]);
    expect(await ids(retentionCutoff(new Date(START + 31 * DAY).toISOString(), 30)!)).toEqual([ws]);
    expect(await ids(retentionCutoff(new Date(START + 31 * DAY - 1).toISOString(), 30)!)).toEqual([]);
  });

  it('lets only its admins at the time of the deletion undelete it', async () => {
    for (const user of ['bob', 'mallory']) expectProblem(await call('POST', `/v1/workspaces/${ws}/undelete`, as(user)), 404, 'workspace_not_found');
    expectProblem(await call('POST', `/v1/workspaces/${ws}/undelete`, { token: token('svc_audit', { scope: 'audit:read', email: null }) }), 404);
  });

  it('undeletes it within the retention: members, invitations, secrets and resolution as before', async () => {
    now = START + 30 * DAY;
    const undeleted = await call('POST', `/v1/workspaces/${ws}/undelete`, as('carol'));
    expect(undeleted.status, undeleted.text).toBe(200);
    expect(undeleted.body).toEqual({ position: undeleted.headers['x-position'] });
    const members = bodyOf<{ members: Array<{ userId: string; permission: string }>; invitations: Array<{ email: string }> }>(
      await call('GET', `/v1/workspaces/${ws}/members`, as('bob')),
    );
    expect(members.members.map((m) => [m.userId, m.permission])).toEqual([
      ['alice', 'admin'],
      ['bob', 'write'],
      ['carol', 'admin'],
    ]);
    expect(members.invitations.map((i) => i.email)).toEqual(['dave@example.com']);
    const resolved = await resolve({ workspaceId: ws, trigger: 'schedule', workflowOwnerId: 'bob', input: '{{API_KEY}} {{BOBS}}' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.output).toBe(`${VALUE} ${VALUE}`);
    expect(bodyOf<Listed>(await call('GET', '/v1/workspaces', as('bob'))).workspaces.map((w) => w.id)).toContain(ws);
    const audit = bodyOf<AuditPage>(await call('GET', `/v1/workspaces/${ws}/audit?type=WorkspaceDeleted,WorkspaceUndeleted`, as('alice')));
    expect(audit.entries.map((e) => [e.type, e.actor])).toEqual([
      ['WorkspaceDeleted', 'alice'],
      ['WorkspaceUndeleted', 'carol'],
    ]);
    expectProblem(await call('POST', `/v1/workspaces/${ws}/undelete`, as('alice')), 409, 'workspace_not_deleted');
    expectProblem(await call('POST', `/v1/workspaces/${ws}/undelete`, as('bob')), 403);
  });

  it('refuses to undelete once DELETED_RETENTION_DAYS are over, counted from the deletion (409 retention_expired)', async () => {
    now = START + 40 * DAY;
    await must(call, 'DELETE', `/v1/workspaces/${ws}`, { ...as('alice'), body: { confirm: 'Acme' } });
    now = START + 70 * DAY;
    const late = await call('POST', `/v1/workspaces/${ws}/undelete`, as('alice'));
    expectProblem(late, 409, 'retention_expired');
    expect(late.body).toMatchObject({ deletedAt: new Date(START + 40 * DAY).toISOString(), retentionEndedAt: new Date(START + 70 * DAY).toISOString() });
  });
});

describe('A workspace deleted with DELETED_RETENTION_DAYS=0', () => {
  let now = START;
  const t = useTestApp({ clock: () => new Date(now), settings: { deletedRetentionDays: 0 } });

  it('can be undeleted at any time, and ?deleted=true says so (undeletableUntil null)', async () => {
    const ws = await createWorkspace(t.call, 'alice', 'Kept');
    await must(t.call, 'DELETE', `/v1/workspaces/${ws}`, { ...as('alice'), body: { confirm: 'Kept' } });
    expect(bodyOf<Listed>(await t.call('GET', '/v1/workspaces?deleted=true', as('alice'))).workspaces[0]?.undeletableUntil).toBeNull();
    expect(await t.service.deps.views.workspacesDeletedBefore(new Date(START + 3650 * DAY).toISOString())).toHaveLength(1);
    expect(retentionCutoff(new Date(now).toISOString(), 0)).toBeNull();
    now = START + 3650 * DAY;
    expect((await t.call('POST', `/v1/workspaces/${ws}/undelete`, as('alice'))).status).toBe(200);
  });
});

describe('Leaving a workspace: POST /v1/workspaces/:ws/leave', () => {
  const t = useTestApp();
  const call = t.call;
  let ws: string;

  beforeAll(async () => {
    ws = await createWorkspace(call, 'alice', 'Acme');
    await join(call, ws, 'alice', 'bob', 'read');
    await join(call, ws, 'alice', 'erin', 'read', true);
    await setWorkspaceSecret(call, ws, 'alice', 'KEY', VALUE);
    await must(call, 'POST', `/v1/workspaces/${ws}/secrets/KEY/members`, { ...as('alice'), body: { email: 'bob@example.com', role: 'admin' } });
  });

  it('answers 200 with the position, ends the membership, and removes the secret roles before it answers', async () => {
    const left = await call('POST', `/v1/workspaces/${ws}/leave`, as('bob'));
    expect(left.status, left.text).toBe(200);
    expect(left.body).toEqual({ position: left.headers['x-position'] });
    expectProblem(await call('GET', `/v1/workspaces/${ws}/secrets`, as('bob')), 404, 'workspace_not_found');
    const shared = bodyOf<{ members: Array<{ userId: string }> }>(await call('GET', `/v1/workspaces/${ws}/secrets/KEY/members`, as('alice')));
    expect(shared.members.map((m) => m.userId)).not.toContain('bob');
    expect(bodyOf<Listed>(await call('GET', '/v1/workspaces', as('bob'))).workspaces).toEqual([]);
  });

  it('is on the record as MemberLeft, by the member', async () => {
    const audit = bodyOf<AuditPage>(await call('GET', `/v1/workspaces/${ws}/audit?type=MemberLeft`, as('alice')));
    expect(audit.entries.map((e) => [e.type, e.actor, e.subject?.userId])).toEqual([['MemberLeft', 'bob', 'bob']]);
  });

  it('lets an external member leave, and refuses the last admin (409 last_admin)', async () => {
    expect((await call('POST', `/v1/workspaces/${ws}/leave`, as('erin'))).status).toBe(200);
    expectProblem(await call('POST', `/v1/workspaces/${ws}/leave`, as('alice')), 409, 'last_admin');
  });

  it('hides the workspace from those who are not members (404), those who already left included', async () => {
    for (const user of ['bob', 'mallory']) expectProblem(await call('POST', `/v1/workspaces/${ws}/leave`, as(user)), 404, 'workspace_not_found');
  });

  it('lets someone who left join again, without their old roles', async () => {
    await join(call, ws, 'alice', 'bob', 'read');
    expectProblem(await call('PUT', `/v1/workspaces/${ws}/secrets/KEY`, { ...as('bob'), body: { value: 'other' } }), 403);
  });
});
