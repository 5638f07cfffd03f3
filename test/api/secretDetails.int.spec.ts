import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/testService';
import { as, bodyOf, etagOf, expectProblem, fieldsOf, workspaceWith } from '../support/workspaces';

type Details = { key: string; displayName: string | null; description: string | null; version: number; myRole: string | null };

describe('Secret details: GET/PATCH /v1/workspaces/:ws/secrets/:key (DESIGN §1, §3)', () => {
  const { call } = useTestApp();
  let ws: string;
  let secrets: string;
  const details = async (key: string, user = 'alice') => bodyOf<Details>(await call('GET', `${secrets}/${key}`, as(user)));

  beforeAll(async () => {
    ws = await workspaceWith(call, 'alice', { bob: 'write', carol: 'read' });
    secrets = `/v1/workspaces/${ws}/secrets`;
    expect((await call('PUT', `${secrets}/ALICE_KEY`, { ...as('alice'), body: { value: 'alice-value-1' } })).status).toBe(201);
    expect((await call('PUT', `${secrets}/BOB_KEY`, { ...as('bob'), body: { value: 'bob-value-1' } })).status).toBe(201);
  });

  it('shows every member the details and their own role, never the value', async () => {
    const reply = await call('GET', `${secrets}/BOB_KEY`, as('carol'));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ key: 'BOB_KEY', displayName: null, description: null, version: 1, createdBy: 'bob', myRole: null });
    expect(reply.text).not.toContain('bob-value-1');
    expect((await details('BOB_KEY', 'bob')).myRole).toBe('admin');
    expect((await details('BOB_KEY', 'alice')).myRole).toBe('admin');
    expect((await details('ALICE_KEY', 'bob')).myRole).toBeNull();
  });

  it('answers 404 to a non-member and for an unknown key', async () => {
    expectProblem(await call('GET', `${secrets}/ALICE_KEY`, as('dave')), 404, 'workspace_not_found');
    expectProblem(await call('GET', `${secrets}/NO_SUCH_KEY`, as('carol')), 404, 'secret_not_found');
  });

  it('lets the secret admins set, keep and clear the details', async () => {
    const patch = (user: string, body: unknown) => call('PATCH', `${secrets}/BOB_KEY`, { ...as(user), body });
    expect((await patch('bob', { displayName: 'Bob key', description: 'Used by the billing flow' })).status).toBe(200);
    expect(await details('BOB_KEY')).toMatchObject({ displayName: 'Bob key', description: 'Used by the billing flow' });
    // A field left out stays; null clears it; a workspace admin is an admin of every secret.
    expect((await patch('alice', { description: null })).status).toBe(200);
    expect(await details('BOB_KEY')).toMatchObject({ displayName: 'Bob key', description: null });
    expect((await patch('alice', { displayName: null, description: 'again' })).status).toBe(200);
    expect(await details('BOB_KEY')).toMatchObject({ displayName: null, description: 'again' });
  });

  it('accepts displayName up to 128 and description up to 1000 characters, and refuses longer ones naming the field', async () => {
    const url = `${secrets}/ALICE_KEY`;
    const before = await etagOf(call, secrets, 'alice');
    const tooLong = await call('PATCH', url, { ...as('alice'), body: { displayName: 'n'.repeat(129) } });
    expectProblem(tooLong, 400, 'validation_failed');
    expect(fieldsOf(tooLong)).toEqual(['displayName']);
    const tooLongDescription = await call('PATCH', url, { ...as('alice'), body: { description: 'd'.repeat(1001) } });
    expectProblem(tooLongDescription, 400);
    expect(fieldsOf(tooLongDescription)).toEqual(['description']);
    const unknown = await call('PATCH', url, { ...as('alice'), body: { displayName: 'ok', colour: 'red' } });
    expectProblem(unknown, 400);
    expect(fieldsOf(unknown)).toEqual(['colour']);
    expectProblem(await call('PATCH', url, { ...as('alice'), body: {} }), 400);
    expect(await etagOf(call, secrets, 'alice')).toBe(before);

    const atLimit = { displayName: 'n'.repeat(128), description: 'd'.repeat(1000) };
    expect((await call('PATCH', url, { ...as('alice'), body: atLimit })).status).toBe(200);
    expect(await details('ALICE_KEY')).toMatchObject(atLimit);
  });

  it('refuses everyone but the secret admins: 403 for members without the role, 404 for non-members and unknown keys', async () => {
    const before = await etagOf(call, secrets, 'alice');
    const body = { displayName: 'mine now' };
    expectProblem(await call('PATCH', `${secrets}/BOB_KEY`, { ...as('carol'), body }), 403);
    expectProblem(await call('PATCH', `${secrets}/ALICE_KEY`, { ...as('bob'), body }), 403);
    expectProblem(await call('PATCH', `${secrets}/ALICE_KEY`, { ...as('dave'), body }), 404, 'workspace_not_found');
    expectProblem(await call('PATCH', `${secrets}/NO_SUCH_KEY`, { ...as('alice'), body }), 404, 'secret_not_found');
    expect(await etagOf(call, secrets, 'alice')).toBe(before);
  });

  it('moves the ETag, takes If-Match and answers 412 when it is stale', async () => {
    const before = await etagOf(call, secrets, 'alice');
    const revision = Number(JSON.parse(before));
    const changed = await call('PATCH', `${secrets}/ALICE_KEY`, { ...as('alice'), body: { displayName: 'v2' }, headers: { 'if-match': before } });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).toBe(`"${revision + 1}"`);
    expect(changed.body).toMatchObject({ revision: revision + 1, position: expect.stringMatching(/^[0-9]+$/) });
    expect(await etagOf(call, secrets, 'alice')).toBe(`"${revision + 1}"`);

    const stale = await call('PATCH', `${secrets}/ALICE_KEY`, { ...as('alice'), body: { displayName: 'v3' }, headers: { 'if-match': before } });
    expectProblem(stale, 412, 'stale_revision');
    expect((await details('ALICE_KEY')).displayName).toBe('v2');
    // An unquoted revision is accepted too.
    const unquoted = await call('PATCH', `${secrets}/ALICE_KEY`, { ...as('alice'), body: { displayName: 'v3' }, headers: { 'if-match': String(revision + 1) } });
    expect(unquoted.status).toBe(200);
  });

  it("answers the scope's ETag with the details, for an If-Match on them", async () => {
    const shown = await call('GET', `${secrets}/ALICE_KEY`, as('alice'));
    expect(shown.headers.etag).toBe(await etagOf(call, secrets, 'alice'));
    const changed = await call('PATCH', `${secrets}/ALICE_KEY`, { ...as('alice'), body: { description: 'by etag' }, headers: { 'if-match': shown.headers.etag! } });
    expect(changed.status).toBe(200);
  });

  it('keeps the details when the value changes', async () => {
    await call('PATCH', `${secrets}/BOB_KEY`, { ...as('bob'), body: { displayName: 'Billing', description: 'Rotated monthly' } });
    expect((await call('PUT', `${secrets}/BOB_KEY`, { ...as('bob'), body: { value: 'bob-value-2' } })).status).toBe(200);
    expect((await call('PATCH', secrets, { ...as('alice'), body: { set: { BOB_KEY: 'bob-value-3' } } })).status).toBe(200);
    expect(await details('BOB_KEY')).toMatchObject({ displayName: 'Billing', description: 'Rotated monthly', version: 3 });
  });
});

describe('Personal secret details: GET/PATCH /v1/me/secrets/:key', () => {
  const { call } = useTestApp();
  const me = '/v1/me/secrets';

  beforeAll(async () => {
    expect((await call('PUT', `${me}/MY_KEY`, { ...as('alice'), body: { value: 'personal-value-1' } })).status).toBe(201);
  });

  it('shows the owner the details, and nobody else', async () => {
    const reply = await call('GET', `${me}/MY_KEY`, as('alice'));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ key: 'MY_KEY', displayName: null, description: null, version: 1, myRole: 'admin' });
    expect(reply.text).not.toContain('personal-value-1');
    expectProblem(await call('GET', `${me}/MY_KEY`, as('bob')), 404, 'secret_not_found');
    expectProblem(await call('PATCH', `${me}/MY_KEY`, { ...as('bob'), body: { displayName: 'x' } }), 404, 'secret_not_found');
    expectProblem(await call('GET', `${me}/NO_SUCH_KEY`, as('alice')), 404, 'secret_not_found');
  });

  it('sets, clears and validates the details like workspace ones', async () => {
    const patch = (body: unknown) => call('PATCH', `${me}/MY_KEY`, { ...as('alice'), body });
    expect((await patch({ displayName: 'Mine', description: 'My token' })).status).toBe(200);
    expect((await patch({ displayName: null })).status).toBe(200);
    expect((await call('GET', `${me}/MY_KEY`, as('alice'))).body).toMatchObject({ displayName: null, description: 'My token' });
    expect(fieldsOf(await patch({ displayName: 'n'.repeat(129) }))).toEqual(['displayName']);
    expect(fieldsOf(await patch({ description: 'd'.repeat(1001) }))).toEqual(['description']);
    const unknown = await patch({ displayName: 'ok', label: 'x' });
    expectProblem(unknown, 400);
    expect(fieldsOf(unknown)).toEqual(['label']);
  });

  it('moves the ETag, takes If-Match (412 when stale) and keeps the details when the value changes', async () => {
    const before = await etagOf(call, me, 'alice');
    const revision = Number(JSON.parse(before));
    const changed = await call('PATCH', `${me}/MY_KEY`, { ...as('alice'), body: { displayName: 'Mine v2' }, headers: { 'if-match': before } });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).toBe(`"${revision + 1}"`);
    expectProblem(await call('PATCH', `${me}/MY_KEY`, { ...as('alice'), body: { displayName: 'lost' }, headers: { 'if-match': before } }), 412);

    expect((await call('PUT', `${me}/MY_KEY`, { ...as('alice'), body: { value: 'personal-value-2' } })).status).toBe(200);
    expect((await call('GET', `${me}/MY_KEY`, as('alice'))).body).toMatchObject({ displayName: 'Mine v2', description: 'My token', version: 2 });
  });
});
