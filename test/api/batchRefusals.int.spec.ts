import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/testService';
import { as, bodyOf, etagOf, expectProblem, setPersonalSecret, setWorkspaceSecret, workspaceWith } from '../support/workspaces';

type Refusal = { field: string; code: string; message: string };
const errorsOf = (body: unknown) => (body as { errors: Refusal[] }).errors;
const sorted = (errors: Refusal[]) => [...errors].sort((a, b) => a.field.localeCompare(b.field));

/** DESIGN §10: a refused batch lists every refused key at once, where a UI can place it. */
describe('Errors a UI can place: refused batches list every refused key', () => {
  const { call } = useTestApp();
  let ws: string;
  const list = () => `/v1/workspaces/${ws}/secrets`;
  beforeAll(async () => {
    ws = await workspaceWith(call, 'alice', { bob: 'write', carol: 'read' });
    for (const key of ['ALICE_KEY', 'ALICE_OTHER']) await setWorkspaceSecret(call, ws, 'alice', key, `value-of-${key}`);
    await setWorkspaceSecret(call, ws, 'bob', 'BOB_KEY', 'bobs');
  });

  it('answers 403 when any key is forbidden, listing the forbidden and the unknown keys together, and writes nothing', async () => {
    const before = await etagOf(call, list(), 'alice');
    const reply = await call('PATCH', list(), {
      ...as('bob'),
      body: { set: { ALICE_KEY: 'x', BOB_KEY: 'fine', NEW_ONE: 'fine' }, delete: ['ALICE_OTHER', 'NEVER_WAS'] },
    });
    expectProblem(reply, 403, 'forbidden');
    expect(sorted(errorsOf(reply.body))).toEqual([
      { field: 'delete.ALICE_OTHER', code: 'forbidden', message: "Only the secret's admins can change or delete ALICE_OTHER" },
      { field: 'delete.NEVER_WAS', code: 'secret_not_found', message: 'Secret NEVER_WAS not found' },
      { field: 'set.ALICE_KEY', code: 'forbidden', message: "Only the secret's admins can change or delete ALICE_KEY" },
    ]);
    expect(await etagOf(call, list(), 'alice')).toBe(before);
  });

  it("lists each new key a read member may not create, and each existing one it may not change", async () => {
    const reply = await call('PATCH', list(), { ...as('carol'), body: { set: { NEW_A: 'a', NEW_B: 'b', BOB_KEY: 'c' } } });
    expectProblem(reply, 403, 'forbidden');
    expect(sorted(errorsOf(reply.body)).map((e) => [e.field, e.code])).toEqual([
      ['set.BOB_KEY', 'forbidden'],
      ['set.NEW_A', 'forbidden'],
      ['set.NEW_B', 'forbidden'],
    ]);
  });

  it('answers 404 when no key is forbidden but some are unknown, listing each', async () => {
    const reply = await call('PATCH', list(), { ...as('alice'), body: { set: { ALICE_KEY: 'new' }, delete: ['GONE_1', 'GONE_2'] } });
    expectProblem(reply, 404, 'secret_not_found');
    expect(errorsOf(reply.body)).toEqual([
      { field: 'delete.GONE_1', code: 'secret_not_found', message: 'Secret GONE_1 not found' },
      { field: 'delete.GONE_2', code: 'secret_not_found', message: 'Secret GONE_2 not found' },
    ]);
  });

  it('does the same for personal batches (/me/secrets)', async () => {
    await setPersonalSecret(call, 'dave', 'MINE', 'v');
    const reply = await call('PATCH', '/v1/me/secrets', { ...as('dave'), body: { set: { MINE: 'w' }, delete: ['NOPE', 'NADA'] } });
    expectProblem(reply, 404, 'secret_not_found');
    expect(errorsOf(reply.body).map((e) => e.field)).toEqual(['delete.NOPE', 'delete.NADA']);
  });

  it('names the key of a one-key write (PUT, DELETE) the same way', async () => {
    const put = await call('PUT', `${list()}/ALICE_KEY`, { ...as('bob'), body: { value: 'x' } });
    expectProblem(put, 403, 'forbidden');
    expect(errorsOf(put.body).map((e) => e.field)).toEqual(['set.ALICE_KEY']);
    const del = await call('DELETE', `${list()}/ALICE_KEY`, as('bob'));
    expect(errorsOf(del.body).map((e) => e.field)).toEqual(['delete.ALICE_KEY']);
  });

  it('keeps malformed batches a 400 naming each field, and a workspace it does not know a 404 without keys', async () => {
    const invalid = await call('PATCH', list(), { ...as('alice'), body: { set: { 'BAD-KEY': 'x' }, delete: ['ALSO BAD'] } });
    expectProblem(invalid, 400, 'validation_failed');
    expect(bodyOf<{ errors: { field: string }[] }>(invalid).errors.map((e) => e.field)).toEqual(['set.BAD-KEY', 'delete.0']);
    const outsider = await call('PATCH', list(), { ...as('mallory'), body: { set: { X: 'x' } } });
    expectProblem(outsider, 404, 'workspace_not_found');
    expect(bodyOf<{ errors?: unknown }>(outsider).errors).toBeUndefined();
  });
});
