import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/testService';
import { as, bodyOf, etagOf, expectProblem, fieldsOf, join, workspaceWith } from '../support/workspaces';

type SharedWith = { userId: string; email: string | null; role: string; source: string };

describe('Sharing a workspace secret: /v1/workspaces/:ws/secrets/:key/members (DESIGN §1)', () => {
  const { call } = useTestApp();
  let ws: string;
  let secrets: string;
  const members = (key: string) => `${secrets}/${key}/members`;
  const share = (by: string, key: string, email: string, role: string) => call('POST', members(key), { ...as(by), body: { email, role } });
  const sharedWith = async (key: string, by = 'alice') => {
    const reply = await call('GET', members(key), as(by));
    expect(reply.status).toBe(200);
    return bodyOf<{ members: SharedWith[] }>(reply).members;
  };
  const roleOf = async (key: string, user: string) => (await sharedWith(key)).find((m) => m.userId === user)?.role;

  beforeAll(async () => {
    ws = await workspaceWith(call, 'alice', { bob: 'write', carol: 'read', erin: 'write', frank: 'read' });
    secrets = `/v1/workspaces/${ws}/secrets`;
    for (const [user, key] of [['bob', 'SHARED_KEY'], ['erin', 'ERIN_KEY'], ['bob', 'REJOIN_KEY']] as const) {
      expect((await call('PUT', `${secrets}/${key}`, { ...as(user), body: { value: `${key}-value` } })).status).toBe(201);
    }
  });

  it('lists workspace admins as workspace-sourced admins and the creator as an explicit admin', async () => {
    expect(await sharedWith('SHARED_KEY', 'bob')).toEqual([
      { userId: 'alice', email: 'alice@example.com', role: 'admin', source: 'workspace' },
      { userId: 'bob', email: 'bob@example.com', role: 'admin', source: 'explicit' },
    ]);
  });

  it('shows the list to the secret admins only: 403 for other members, 404 for non-members and unknown keys', async () => {
    expectProblem(await call('GET', members('SHARED_KEY'), as('carol')), 403);
    expectProblem(await call('GET', members('SHARED_KEY'), as('erin')), 403);
    expectProblem(await call('GET', members('SHARED_KEY'), as('dave')), 404, 'workspace_not_found');
    expectProblem(await call('GET', members('NO_SUCH_KEY'), as('alice')), 404, 'secret_not_found');
  });

  it('shares by email with a workspace member (201, emails compared lower-cased) and moves the ETag', async () => {
    const before = Number(JSON.parse(await etagOf(call, secrets, 'alice')));
    const shared = await share('bob', 'SHARED_KEY', 'carol@example.com', 'member');
    expect(shared.status).toBe(201);
    expect(shared.body).toMatchObject({ userId: 'carol', role: 'member', revision: before + 1 });
    expect(shared.headers.etag).toBe(`"${before + 1}"`);
    expect((await share('bob', 'SHARED_KEY', 'Frank@Example.COM', 'admin')).status).toBe(201);
    expect(await sharedWith('SHARED_KEY')).toContainEqual({ userId: 'frank', email: 'frank@example.com', role: 'admin', source: 'explicit' });
    expect(await sharedWith('SHARED_KEY')).toContainEqual({ userId: 'carol', email: 'carol@example.com', role: 'member', source: 'explicit' });
  });

  it('refuses to share with a non-member (404), twice (409), with a workspace admin (409), or with bad input (400)', async () => {
    const before = await etagOf(call, secrets, 'alice');
    expectProblem(await share('bob', 'SHARED_KEY', 'dave@example.com', 'member'), 404, 'member_not_found');
    expectProblem(await share('bob', 'SHARED_KEY', 'carol@example.com', 'admin'), 409, 'already_shared');
    expectProblem(await share('bob', 'SHARED_KEY', 'alice@example.com', 'member'), 409, 'workspace_admin');
    expect(fieldsOf(await share('bob', 'SHARED_KEY', 'erin@example.com', 'owner'))).toEqual(['role']);
    expect(fieldsOf(await share('bob', 'SHARED_KEY', 'not an email', 'member'))).toEqual(['email']);
    const unknown = await call('POST', members('SHARED_KEY'), { ...as('bob'), body: { email: 'erin@example.com', role: 'member', note: 'x' } });
    expect(fieldsOf(unknown)).toEqual(['note']);
    expectProblem(await share('carol', 'SHARED_KEY', 'erin@example.com', 'member'), 403);
    expectProblem(await share('dave', 'SHARED_KEY', 'erin@example.com', 'member'), 404, 'workspace_not_found');
    expectProblem(await share('bob', 'NO_SUCH_KEY', 'erin@example.com', 'member'), 404, 'secret_not_found');
    const stale = await call('POST', members('SHARED_KEY'), {
      ...as('bob'),
      body: { email: 'erin@example.com', role: 'member' },
      headers: { 'if-match': `"${Number(JSON.parse(before)) - 1}"` },
    });
    expectProblem(stale, 412);
    expect(await etagOf(call, secrets, 'alice')).toBe(before);
  });

  it('lets a shared Member reveal but not edit, delete or share', async () => {
    const revealed = await call('POST', `${secrets}/SHARED_KEY/reveal`, as('carol'));
    expect(revealed.status).toBe(200);
    expect(revealed.body).toEqual({ value: 'SHARED_KEY-value', version: 1 });
    expectProblem(await call('PUT', `${secrets}/SHARED_KEY`, { ...as('carol'), body: { value: 'carol-edit' } }), 403);
    expectProblem(await call('PATCH', `${secrets}/SHARED_KEY`, { ...as('carol'), body: { displayName: 'carol' } }), 403);
    expectProblem(await call('DELETE', `${secrets}/SHARED_KEY`, as('carol')), 403);
    expectProblem(await call('GET', members('SHARED_KEY'), as('carol')), 403);
  });

  it('lets a shared Admin edit, even with read permission on the workspace', async () => {
    expect((await call('PUT', `${secrets}/SHARED_KEY`, { ...as('frank'), body: { value: 'frank-edit' } })).status).toBe(200);
    expect((await call('PATCH', `${secrets}/SHARED_KEY`, { ...as('frank'), body: { displayName: 'By Frank' } })).status).toBe(200);
    expect((await call('POST', `${secrets}/SHARED_KEY/reveal`, as('frank'))).body).toEqual({ value: 'frank-edit', version: 2 });
    const promoted = await call('PATCH', `${members('SHARED_KEY')}/carol`, { ...as('frank'), body: { role: 'admin' } });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ userId: 'carol', role: 'admin' });
    expect((await call('PUT', `${secrets}/SHARED_KEY`, { ...as('carol'), body: { value: 'carol-edit' } })).status).toBe(200);
    expect((await call('PATCH', `${members('SHARED_KEY')}/carol`, { ...as('frank'), body: { role: 'member' } })).status).toBe(200);
    expect(await roleOf('SHARED_KEY', 'carol')).toBe('member');
  });

  it('never demotes or removes a workspace admin on a secret (409)', async () => {
    expectProblem(await call('PATCH', `${members('SHARED_KEY')}/alice`, { ...as('bob'), body: { role: 'member' } }), 409, 'workspace_admin');
    expectProblem(await call('DELETE', `${members('SHARED_KEY')}/alice`, as('bob')), 409, 'workspace_admin');
    expect(await sharedWith('SHARED_KEY')).toContainEqual({ userId: 'alice', email: 'alice@example.com', role: 'admin', source: 'workspace' });
  });

  it('keeps the last explicit admin (409) and removes others (204)', async () => {
    const erinRole = `${members('ERIN_KEY')}/erin`;
    expectProblem(await call('DELETE', erinRole, as('alice')), 409, 'last_secret_admin');
    expectProblem(await call('PATCH', erinRole, { ...as('alice'), body: { role: 'member' } }), 409, 'last_secret_admin');
    expectProblem(await call('DELETE', `${members('ERIN_KEY')}/bob`, as('alice')), 404, 'member_not_found');

    expect((await share('erin', 'ERIN_KEY', 'bob@example.com', 'admin')).status).toBe(201);
    expect((await call('PATCH', erinRole, { ...as('alice'), body: { role: 'member' } })).status).toBe(200);
    expectProblem(await call('DELETE', `${members('ERIN_KEY')}/bob`, as('alice')), 409, 'last_secret_admin');
    const removed = await call('DELETE', erinRole, as('bob'));
    expect(removed.status).toBe(204);
    expect(removed.text).toBe('');
    expect(await roleOf('ERIN_KEY', 'erin')).toBeUndefined();
    expectProblem(await call('PUT', `${secrets}/ERIN_KEY`, { ...as('erin'), body: { value: 'erin-again' } }), 403);
  });

  it('drops the roles of a member removed from the workspace; re-joining starts without them', async () => {
    expect((await share('bob', 'REJOIN_KEY', 'frank@example.com', 'admin')).status).toBe(201);
    const removed = await call('DELETE', `/v1/workspaces/${ws}/members/frank`, as('alice'));
    expect([removed.status, removed.text, removed.headers['content-type']]).toEqual([204, '', undefined]);
    expect(await roleOf('REJOIN_KEY', 'frank')).toBeUndefined();
    expect(await roleOf('SHARED_KEY', 'frank')).toBeUndefined();

    await join(call, ws, 'alice', 'frank', 'read');
    expect(await roleOf('REJOIN_KEY', 'frank')).toBeUndefined();
    expect(await roleOf('SHARED_KEY', 'frank')).toBeUndefined();
    expectProblem(await call('POST', `${secrets}/REJOIN_KEY/reveal`, as('frank')), 403);
    expectProblem(await call('PUT', `${secrets}/SHARED_KEY`, { ...as('frank'), body: { value: 'frank-again' } }), 403);
    expect((await call('GET', `${secrets}/SHARED_KEY`, as('frank'))).body).toMatchObject({ myRole: null });
  });

  it('refuses to share a personal secret (409)', async () => {
    expect((await call('PUT', '/v1/me/secrets/MINE', { ...as('alice'), body: { value: 'personal-value' } })).status).toBe(201);
    const refused = await call('POST', '/v1/me/secrets/MINE/members', { ...as('alice'), body: { email: 'bob@example.com', role: 'member' } });
    expectProblem(refused, 409, 'personal_not_shareable');
  });
});
