import { beforeAll, describe, expect, it } from 'vitest';
import { token, useTestApp, type TestApp } from '../support/testService';
import { as, bodyOf, etagOf, expectProblem, workspaceWith } from '../support/workspaces';

type Entry = { type: string; actor: string; key: string | null; version: number | null };

/** The reveal records of an audit; a reveal's answer carries no log position, so the views are awaited first. */
const revealsIn = async (t: TestApp, url: string, user: string) => {
  await t.caughtUp();
  const reply = await t.call('GET', `${url}?type=SecretRevealed`, { token: token(user) });
  expect(reply.status).toBe(200);
  return bodyOf<{ entries: Entry[] }>(reply).entries.map(({ type, actor, key, version }) => ({ type, actor, key, version }));
};

describe('Reveal: POST /v1/workspaces/:ws/secrets/:key/reveal and /v1/me/secrets/:key/reveal (DESIGN §1)', () => {
  const t = useTestApp();
  const call = t.call;
  let ws: string;
  let secrets: string;
  let audit: string;
  const reveal = (user: string, key: string) => call('POST', `${secrets}/${key}/reveal`, as(user));

  beforeAll(async () => {
    ws = await workspaceWith(call, 'alice', { bob: 'write', carol: 'read', erin: 'write', frank: 'read' });
    secrets = `/v1/workspaces/${ws}/secrets`;
    audit = `/v1/workspaces/${ws}/audit`;
    expect((await call('PUT', `${secrets}/BOB_KEY`, { ...as('bob'), body: { value: 'bob-value-1' } })).status).toBe(201);
    expect((await call('PUT', `${secrets}/ALICE_KEY`, { ...as('alice'), body: { value: 'alice-value-1' } })).status).toBe(201);
    for (const [email, role] of [['erin@example.com', 'member'], ['frank@example.com', 'admin']]) {
      expect((await call('POST', `${secrets}/BOB_KEY/members`, { ...as('bob'), body: { email, role } })).status).toBe(201);
    }
  });

  it('reveals to the workspace admins, the secret Admins (read permission or not) and its Members', async () => {
    for (const user of ['alice', 'bob', 'frank', 'erin']) {
      const reply = await reveal(user, 'BOB_KEY');
      expect(reply.status, user).toBe(200);
      expect(reply.body).toEqual({ value: 'bob-value-1', version: 1 });
      expect(reply.headers['cache-control']).toBe('no-store');
    }
  });

  it('reveals the current version after the value changed', async () => {
    expect((await call('PUT', `${secrets}/BOB_KEY`, { ...as('bob'), body: { value: 'bob-value-2' } })).status).toBe(200);
    expect((await reveal('erin', 'BOB_KEY')).body).toEqual({ value: 'bob-value-2', version: 2 });
  });

  it('refuses write and read members without a role (403), non-members and unknown keys (404), without the value', async () => {
    for (const [user, key, status, code] of [
      ['bob', 'ALICE_KEY', 403, 'forbidden'],
      ['carol', 'BOB_KEY', 403, 'forbidden'],
      ['erin', 'ALICE_KEY', 403, 'forbidden'],
      ['dave', 'BOB_KEY', 404, 'workspace_not_found'],
      ['alice', 'NO_SUCH_KEY', 404, 'secret_not_found'],
    ] as const) {
      const reply = await reveal(user, key);
      expectProblem(reply, status, code);
      expect(reply.text).not.toMatch(/alice-value|bob-value/);
    }
  });

  it('records every reveal in the audit, with who and which version, and nothing for refused ones', async () => {
    const before = await revealsIn(t, audit, 'alice');
    expect(before).toEqual([
      ...['alice', 'bob', 'frank', 'erin'].map((actor) => ({ type: 'SecretRevealed', actor, key: 'BOB_KEY', version: 1 })),
      { type: 'SecretRevealed', actor: 'erin', key: 'BOB_KEY', version: 2 },
    ]);
    expect((await reveal('alice', 'ALICE_KEY')).status).toBe(200);
    expect(await revealsIn(t, audit, 'alice')).toEqual([...before, { type: 'SecretRevealed', actor: 'alice', key: 'ALICE_KEY', version: 1 }]);
  });

  it('answers with the position of its record, which the audit shows at once', async () => {
    const reply = await reveal('alice', 'ALICE_KEY');
    const position = reply.headers['x-position'];
    expect(position).toMatch(/^[0-9]+$/);
    const entries = bodyOf<{ entries: Array<Entry & { position: string }> }>(
      await call('GET', `${audit}?type=SecretRevealed&key=ALICE_KEY`, as('alice')),
    ).entries;
    expect(entries.map((e) => e.position)).toContain(position);
  });

  it("does not change the list's ETag", async () => {
    const before = await etagOf(call, secrets, 'alice');
    for (let i = 0; i < 3; i++) expect((await reveal('frank', 'BOB_KEY')).status).toBe(200);
    expect(await etagOf(call, secrets, 'alice')).toBe(before);
  });

  it('reveals a personal secret to its owner only, recorded in /v1/me/audit, without moving the ETag', async () => {
    expect((await call('PUT', '/v1/me/secrets/MINE', { ...as('carol'), body: { value: 'carol-personal-1' } })).status).toBe(201);
    const before = await etagOf(call, '/v1/me/secrets', 'carol');
    const mine = await call('POST', '/v1/me/secrets/MINE/reveal', as('carol'));
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({ value: 'carol-personal-1', version: 1 });
    expect(await etagOf(call, '/v1/me/secrets', 'carol')).toBe(before);
    expect(await revealsIn(t, '/v1/me/audit', 'carol')).toEqual([{ type: 'SecretRevealed', actor: 'carol', key: 'MINE', version: 1 }]);

    const other = await call('POST', '/v1/me/secrets/MINE/reveal', as('bob'));
    expectProblem(other, 404, 'secret_not_found');
    expect(other.text).not.toContain('carol-personal-1');
    expect(await revealsIn(t, '/v1/me/audit', 'bob')).toEqual([]);
  });
});

describe('Reveal turned off (REVEAL_ENABLED=false)', () => {
  const t = useTestApp({ settings: { revealEnabled: false } });
  const call = t.call;

  it('answers 403 reveal_disabled to everyone, for workspace and personal secrets, and records nothing', async () => {
    const ws = await workspaceWith(call, 'alice', {});
    const secrets = `/v1/workspaces/${ws}/secrets`;
    expect((await call('PUT', `${secrets}/KEY`, { token: token('alice'), body: { value: 'ws-value-off' } })).status).toBe(201);
    expect((await call('PUT', '/v1/me/secrets/KEY', { token: token('alice'), body: { value: 'me-value-off' } })).status).toBe(201);

    for (const url of [`${secrets}/KEY/reveal`, '/v1/me/secrets/KEY/reveal']) {
      const reply = await call('POST', url, { token: token('alice') });
      expectProblem(reply, 403, 'reveal_disabled');
      expect(reply.text).not.toMatch(/value-off/);
    }
    expect(await revealsIn(t, `/v1/workspaces/${ws}/audit`, 'alice')).toEqual([]);
    expect(await revealsIn(t, '/v1/me/audit', 'alice')).toEqual([]);
  });
});
