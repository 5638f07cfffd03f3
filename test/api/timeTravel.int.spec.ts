import { beforeAll, describe, expect, it } from 'vitest';
import { streamIds } from '../../src/events/streams';
import { useTestApp } from '../support/testService';
import { as, bodyOf, createWorkspace, expectProblem, join, must, removeMember, setWorkspaceSecret, type Permission } from '../support/workspaces';

type Answer = Record<string, unknown>;
/** Everything a reader sees of the workspace at one moment, through the plain reads. */
type Snapshot = { position: string; secrets: unknown; members: unknown; details: unknown; sharing: unknown; variables: unknown };

/**
 * A history written moment by moment (DESIGN §9), what the plain reads answered after each step
 * kept, then every moment asked for again with `asOf`: the answers must be what was seen then.
 * Bob joins, sets a key, is shared one, and is removed; a key is deleted and set again.
 */
describe('time travel: asOf, changes and access against what was seen at each moment', () => {
  const t = useTestApp();
  const { call } = t;
  let ws: string;
  const seen: Snapshot[] = [];
  const alice = as('alice');
  const strip = ({ asOf: _asOf, ...rest }: Answer) => rest;

  const look = async (): Promise<Snapshot> => {
    await t.caughtUp();
    const position = (await t.stores.eventStore.headPosition())!;
    const secrets = await must<Answer>(call, 'GET', `/v1/workspaces/${ws}/secrets`, alice);
    const members = await must<Answer>(call, 'GET', `/v1/workspaces/${ws}/members`, alice);
    const details = await call('GET', `/v1/workspaces/${ws}/secrets/API_KEY`, alice);
    const sharing = await call('GET', `/v1/workspaces/${ws}/secrets/API_KEY/members`, alice);
    const variables = await must<Answer>(call, 'GET', `/v1/workspaces/${ws}/variables`, alice);
    return { position, secrets, members, details: details.status === 200 ? details.body : 404, sharing: sharing.status === 200 ? sharing.body : 404, variables };
  };
  const step = async (action: () => Promise<unknown>) => {
    await action();
    seen.push(await look());
  };

  beforeAll(async () => {
    // Another workspace first, so there are positions before this one existed.
    await createWorkspace(call, 'zed', 'Other');
    await step(async () => (ws = await createWorkspace(call, 'alice')));
    await step(() => setWorkspaceSecret(call, ws, 'alice', 'API_KEY', 'v1'));
    await step(() => join(call, ws, 'alice', 'bob', 'write' as Permission));
    await step(() => setWorkspaceSecret(call, ws, 'bob', 'BOB_KEY', 'b1'));
    await step(() => must(call, 'PATCH', `/v1/workspaces/${ws}/secrets/API_KEY`, { ...alice, body: { displayName: 'The key', description: 'for the API' } }));
    await step(() => must(call, 'POST', `/v1/workspaces/${ws}/secrets/API_KEY/members`, { ...alice, body: { email: 'bob@example.com', role: 'member' } }));
    await step(() => setWorkspaceSecret(call, ws, 'alice', 'API_KEY', 'v2'));
    await step(() => must(call, 'PATCH', `/v1/workspaces/${ws}/members/bob`, { ...alice, body: { permission: 'read' } }));
    await step(() => removeMember(call, ws, 'alice', 'bob'));
    await step(() => must(call, 'DELETE', `/v1/workspaces/${ws}/secrets/BOB_KEY`, alice));
    await step(() => setWorkspaceSecret(call, ws, 'alice', 'BOB_KEY', 'again'));
  });

  it('answers every read as it was seen at each moment, by position', async () => {
    for (const moment of seen) {
      const q = `asOf=${moment.position}`;
      const secrets = await must<Answer>(call, 'GET', `/v1/workspaces/${ws}/secrets?${q}`, alice);
      expect(strip(secrets), `secrets at ${moment.position}`).toEqual(moment.secrets);
      expect(strip(await must<Answer>(call, 'GET', `/v1/workspaces/${ws}/members?${q}`, alice)), `members at ${moment.position}`).toEqual(moment.members);
      expect(strip(await must<Answer>(call, 'GET', `/v1/workspaces/${ws}/variables?${q}`, alice)), `variables at ${moment.position}`).toEqual(moment.variables);
      const details = await call('GET', `/v1/workspaces/${ws}/secrets/API_KEY?${q}`, alice);
      expect(details.status === 200 ? strip(details.body as Answer) : details.status, `details at ${moment.position}`).toEqual(moment.details);
      const sharing = await call('GET', `/v1/workspaces/${ws}/secrets/API_KEY/members?${q}`, alice);
      expect(sharing.status === 200 ? strip(sharing.body as Answer) : sharing.status, `sharing at ${moment.position}`).toEqual(moment.sharing);
    }
  });

  it('names the moment by the scope’s own last event, answers no ETag and no value, and takes an instant as well', async () => {
    const moment = seen[4]!;
    const reply = await call('GET', `/v1/workspaces/${ws}/secrets?asOf=${moment.position}`, alice);
    expect(reply.headers.etag).toBeUndefined();
    const { asOf } = bodyOf<{ asOf: { position: string; at: string } }>(reply);
    expect(BigInt(asOf.position)).toBeLessThanOrEqual(BigInt(moment.position));
    expect(reply.text).not.toMatch(/ciphertext|"value"/);
    const byInstant = await must<Answer>(call, 'GET', `/v1/workspaces/${ws}/secrets?asOf=${encodeURIComponent(asOf.at.replace('Z', '+00:00'))}`, alice);
    expect(strip(byInstant)).toEqual(moment.secrets);
  });

  it('refuses a moment in the future (400) and one before the workspace existed (404)', async () => {
    const head = BigInt((await t.stores.eventStore.headPosition())!);
    expectProblem(await call('GET', `/v1/workspaces/${ws}/secrets?asOf=${head + 1000n}`, alice), 400);
    expectProblem(await call('GET', `/v1/workspaces/${ws}/members?asOf=2999-01-01T00:00:00Z`, alice), 400);
    expectProblem(await call('GET', `/v1/workspaces/${ws}/secrets?asOf=1`, alice), 404, 'workspace_not_found');
    expectProblem(await call('GET', `/v1/workspaces/${ws}/secrets?asOf=yesterday`, alice), 400);
  });

  it('keeps the rights of the plain read: a non-member gets 404, an auditor reads', async () => {
    const q = `asOf=${seen[3]!.position}`;
    expectProblem(await call('GET', `/v1/workspaces/${ws}/secrets?${q}`, as('mallory')), 404);
    expectProblem(await call('GET', `/v1/workspaces/${ws}/secrets?${q}`, as('bob')), 404);
    expect((await call('GET', `/v1/workspaces/${ws}/secrets?${q}`, as('auditor', { scope: 'audit:read' }))).status).toBe(200);
  });

  it('lists what changed between two moments: keys, details, members and secret roles', async () => {
    const changes = await must<Answer>(call, 'GET', `/v1/workspaces/${ws}/secrets/changes?from=${seen[1]!.position}&to=${seen[10]!.position}`, alice);
    expect(changes.secrets).toEqual([
      { key: 'API_KEY', change: 'changed', from: { version: 1, fingerprint: expect.any(String) }, to: { version: 2, fingerprint: expect.any(String) } },
      { key: 'API_KEY', change: 'details_changed', displayName: { from: null, to: 'The key' }, description: { from: null, to: 'for the API' } },
      { key: 'BOB_KEY', change: 'added', to: { version: 2, fingerprint: expect.any(String) } },
    ]);
    expect(changes.members).toEqual([]);
    const whileBobWasIn = await must<Answer>(call, 'GET', `/v1/workspaces/${ws}/secrets/changes?from=${seen[1]!.position}&to=${seen[7]!.position}`, alice);
    expect(whileBobWasIn.members).toEqual([{ userId: 'bob', change: 'joined', to: 'read' }]);
    // Bob was shared API_KEY, and became Admin of the key he created.
    expect(whileBobWasIn.secretMembers).toEqual([
      { key: 'API_KEY', userId: 'bob', change: 'added', to: 'member' },
      { key: 'BOB_KEY', userId: 'bob', change: 'added', to: 'admin' },
    ]);
    const removal = await must<Answer>(call, 'GET', `/v1/workspaces/${ws}/secrets/changes?from=${seen[7]!.position}&to=${seen[9]!.position}`, alice);
    expect(removal.members).toEqual([{ userId: 'bob', change: 'left', from: 'read' }]);
    expect(removal.secrets).toEqual([{ key: 'BOB_KEY', change: 'deleted', from: { version: 1, fingerprint: expect.any(String) } }]);
    // From before the workspace existed: everything is new.
    const all = await must<Answer>(call, 'GET', `/v1/workspaces/${ws}/secrets/changes?from=1`, alice);
    expect(all.from).toBeNull();
    expect((all.members as unknown[]).length).toBe(1);
  });

  it('says who could reveal, edit and use a secret at a moment, and why', async () => {
    const access = async (position: string) =>
      bodyOf<{ access: Answer[] }>(await call('GET', `/v1/workspaces/${ws}/secrets/API_KEY/access?asOf=${position}`, alice)).access.map(({ email: _e, ...rest }) => rest);
    expect(await access(seen[6]!.position)).toEqual([
      { userId: 'alice', permission: 'admin', role: 'admin', reveal: true, edit: true, use: true, because: 'workspace admin' },
      { userId: 'bob', permission: 'write', role: 'member', reveal: true, edit: false, use: true, because: 'secret Member' },
    ]);
    expect(await access(seen[8]!.position)).toEqual([{ userId: 'alice', permission: 'admin', role: 'admin', reveal: true, edit: true, use: true, because: 'workspace admin' }]);
    expectProblem(await call('GET', `/v1/workspaces/${ws}/secrets/API_KEY/access?asOf=${seen[0]!.position}`, alice), 404, 'secret_not_found');
    expect((await call('GET', `/v1/workspaces/${ws}/secrets/API_KEY/access`, as('auditor', { scope: 'audit:read' }))).status).toBe(200);
  });
});

/**
 * A batch save appends one event per key in one write: no reader ever saw the state between two
 * of them, and no ETag ever named it. Time travel to a position inside the write answers the
 * state before it, and the scope's history holds one revision for the whole write.
 */
describe('time travel: one write is one moment', () => {
  const t = useTestApp();
  const { call } = t;
  const alice = as('alice');
  const strip = ({ asOf: _asOf, ...rest }: Answer) => rest;

  it('answers the state before a batch save at any position between its events, and keeps one revision for it', async () => {
    const ws = await createWorkspace(call, 'alice');
    await setWorkspaceSecret(call, ws, 'alice', 'FIRST', 'one');
    await t.caughtUp();
    const before = await must<Answer>(call, 'GET', `/v1/workspaces/${ws}/secrets`, alice);
    const saved = await must<{ revision: number; position: string }>(call, 'PATCH', `/v1/workspaces/${ws}/secrets`, { ...alice, body: { set: { A: 'a', B: 'b', C: 'c' } } });
    await t.caughtUp();
    // Each key's SecretSet, and the saver made its Admin: six events in one write.
    const written = (await t.stores.eventStore.readAll(null, 1000)).filter((event) => event.streamId === streamIds.workspaceSecrets(ws) && event.revision > (before.revision as number));
    expect(written).toHaveLength(6);
    expect(written.at(-1)!.position).toBe(saved.position);
    expect(written.map((event) => event.metadata.continued)).toEqual([true, true, true, true, true, undefined]);

    for (const inside of written.slice(0, -1)) {
      const past = await must<Answer & { asOf: { position: string } }>(call, 'GET', `/v1/workspaces/${ws}/secrets?asOf=${inside.position}`, alice);
      expect(strip(past), `secrets at ${inside.position}`).toEqual(strip(before));
      expect(BigInt(past.asOf.position)).toBeLessThan(BigInt(written[0]!.position));
      expectProblem(await call('GET', `/v1/workspaces/${ws}/secrets/A?asOf=${inside.position}`, alice), 404, 'secret_not_found');
    }
    const after = await must<Answer & { asOf: { position: string } }>(call, 'GET', `/v1/workspaces/${ws}/secrets?asOf=${saved.position}`, alice);
    expect(after.asOf.position).toBe(saved.position);
    expect(after.revision).toBe(saved.revision);
    expect(strip(after)).toEqual(strip(await must<Answer>(call, 'GET', `/v1/workspaces/${ws}/secrets`, alice)));
  });
});
