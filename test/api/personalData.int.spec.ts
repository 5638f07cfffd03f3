import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { uncharged } from '../../src/projections/queries';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjects } from '../../src/crypto/subjectKeys';
import { owners } from '../../src/projections/owners';
import type { Client, RequestOptions } from '../support/client';
import { leaksIn, leaksInFiles } from '../support/leaks';
import { liveAndRebuiltViews } from '../support/viewsCheck';
import { startTestApp, token, useTestApp, type OwnTestApp, type TestApp } from '../support/testService';
import { bodyOf, executor, expectProblem, must } from '../support/workspaces';

/**
 * Forgettable payloads (DESIGN §8): emails, client addresses, display names and descriptions are
 * sealed in the events and the views, shown in the clear by the API while their key exists, and
 * `[erased]` once it is destroyed.
 */

const ALICE = 'alice.pd@example.com';
const BOB_INVITED_AS = 'Bob.PD@Example.com';
const BOB = 'bob.pd@example.com';
const CAROL_PENDING = 'Carol.Pending@Example.com';
/** The client behind the trusted proxy, the proxy itself, and a client that came directly. */
const ALICE_CLIENT = '203.0.113.77';
const PROXY = '192.0.2.10';
const BOB_PEER = '198.51.100.23';
const EXECUTOR_CLIENT = '203.0.113.78';
const DISPLAY_NAME = 'Quarterly payroll export';
const DESCRIPTION = 'Used by the payroll robot on Fridays';
const PERSONAL_NAME = 'Bob private label';
const VALUE = 'personal-data-spec-value-58c1';

const plaintexts = [ALICE, BOB, BOB_INVITED_AS, CAROL_PENDING, CAROL_PENDING.toLowerCase(), ALICE_CLIENT, PROXY, BOB_PEER, EXECUTOR_CLIENT, DISPLAY_NAME, DESCRIPTION, PERSONAL_NAME];

const alice = (options: RequestOptions = {}): RequestOptions => ({
  token: token('alice', { email: ALICE }),
  headers: { 'x-forwarded-for': ALICE_CLIENT },
  remoteAddress: PROXY,
  ...options,
});
const bob = (options: RequestOptions = {}): RequestOptions => ({ token: token('bob', { email: BOB }), remoteAddress: BOB_PEER, ...options });
const TRUSTED = { trustProxy: [`${PROXY}/32`] };

type Member = { userId: string; email: string | null };
type Invitation = { id: string; email: string };
type Details = { key: string; displayName: string | null; description: string | null };
type Entry = { type: string; actor: string; key: string | null; subject: { email?: string | null } | null; detail: Record<string, unknown> | null; request: Record<string, string> | null };

/**
 * A realistic flow: alice creates a workspace behind a trusted proxy, invites bob (his email in
 * another case), bob accepts from his own address, a secret gets details, bob a personal one,
 * an executor resolves from behind the proxy, alice reveals, a stranger is refused.
 */
async function realisticFlow(call: Client): Promise<{ ws: string; invitationId: string }> {
  const ws = bodyOf<{ id: string }>(await call('POST', '/v1/workspaces', alice({ body: { name: 'Payroll' } }))).id;
  const invitationId = (await must<{ id: string }>(call, 'POST', `/v1/workspaces/${ws}/invitations`, alice({ body: { email: BOB_INVITED_AS, permission: 'write' } }))).id;
  const pending = await must<{ invitations: Invitation[] }>(call, 'GET', '/v1/me/invitations', bob());
  expect(pending.invitations.map((i) => i.id)).toEqual([invitationId]);
  await must(call, 'POST', `/v1/invitations/${invitationId}/accept`, bob());
  await must(call, 'POST', `/v1/workspaces/${ws}/invitations`, alice({ body: { email: CAROL_PENDING, permission: 'read' } }));
  await must(call, 'PUT', `/v1/workspaces/${ws}/secrets/PAYROLL`, alice({ body: { value: VALUE } }));
  await must(call, 'PATCH', `/v1/workspaces/${ws}/secrets/PAYROLL`, alice({ body: { displayName: DISPLAY_NAME, description: DESCRIPTION } }));
  await must(call, 'PUT', '/v1/me/secrets/BOBS', bob({ body: { value: VALUE } }));
  await must(call, 'PATCH', '/v1/me/secrets/BOBS', bob({ body: { displayName: PERSONAL_NAME } }));
  const resolved = await call('POST', '/v1/resolve', {
    token: executor(),
    headers: { 'x-forwarded-for': EXECUTOR_CLIENT },
    remoteAddress: PROXY,
    body: { workspaceId: ws, trigger: 'manual', triggeredBy: 'alice', input: '{{PAYROLL}}' },
  });
  expect(resolved.status, resolved.text).toBe(200);
  await must(call, 'POST', `/v1/workspaces/${ws}/secrets/PAYROLL/reveal`, alice());
  expect((await call('POST', `/v1/workspaces/${ws}/secrets/PAYROLL/reveal`, { token: token('mallory'), remoteAddress: BOB_PEER })).status).toBe(404);
  return { ws, invitationId };
}

const auditOf = async (call: Client, ws: string) => (await must<{ entries: Entry[] }>(call, 'GET', `/v1/workspaces/${ws}/audit?limit=1000`, alice())).entries;

describe('Personal data is sealed where it is stored, and shown where it is asked for', () => {
  const dir = mkdtempSync(join(tmpdir(), 'secrets-personal-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let t: OwnTestApp;
  let ws: string;
  let answers: Record<string, unknown>;

  it('keeps no plaintext email, address, display name or description in any data file (log, views, key store, WAL)', async () => {
    t = await startTestApp(dir, {}, TRUSTED);
    ({ ws } = await realisticFlow(t.call));
    // Refusals go on the record once their minute is over: now, for this test.
    await t.service.refusals.flush(true);
    await t.caughtUp();
    const { call } = t;
    // What the API answers, for the checks below, read while the app runs.
    answers = {
      members: await must(call, 'GET', `/v1/workspaces/${ws}/members`, alice()),
      list: await must(call, 'GET', `/v1/workspaces/${ws}/secrets`, alice()),
      details: await must(call, 'GET', `/v1/workspaces/${ws}/secrets/PAYROLL`, bob()),
      personal: await must(call, 'GET', '/v1/me/secrets/BOBS', bob()),
      personalList: await must(call, 'GET', '/v1/me/secrets', bob()),
      sharedWith: await must(call, 'GET', `/v1/workspaces/${ws}/secrets/PAYROLL/members`, alice()),
      audit: await auditOf(call, ws),
      myAudit: await must(call, 'GET', '/v1/me/audit', bob()),
      exported: (await call('GET', `/v1/workspaces/${ws}/audit`, alice({ headers: { 'x-forwarded-for': ALICE_CLIENT, accept: 'application/x-ndjson' } }))).text,
    };
    // The events as the log gives them back, and every file of the data directory once closed.
    const logged = await t.stores.eventStore.readAll(null, 10_000);
    expect(logged.map((e) => e.type)).toEqual(expect.arrayContaining(['MemberInvited', 'InvitationAccepted', 'SecretDetailsChanged', 'SecretsResolved', 'SecretRevealed']));
    expect(leaksIn(JSON.stringify(logged), plaintexts)).toEqual([]);
    await t.close();
    expect(leaksInFiles(dir, plaintexts)).toEqual([]);
    // The view rows as the read store gives them back (decoded), live and rebuilt from the log.
    const { live, rebuilt } = await liveAndRebuiltViews(dir);
    expect(live.invitations).toHaveLength(1);
    expect(live.members).toHaveLength(2);
    expect(leaksIn(JSON.stringify({ live, rebuilt }), plaintexts)).toEqual([]);
    expect(live).toEqual(rebuilt);
  });

  it('answers members and pending invitations with their emails, in the clear', () => {
    const { members, invitations } = answers.members as { members: Member[]; invitations: Invitation[] };
    expect(members.map((m) => [m.userId, m.email]).sort()).toEqual([
      ['alice', ALICE],
      ['bob', BOB],
    ]);
    expect(invitations.map((i) => i.email)).toEqual([CAROL_PENDING.toLowerCase()]);
    const shared = (answers.sharedWith as { members: Member[] }).members;
    expect(shared.map((m) => m.email)).toEqual([ALICE]);
  });

  it("answers a secret's display name and description, in lists and details, workspace and personal", () => {
    const expected = { key: 'PAYROLL', displayName: DISPLAY_NAME, description: DESCRIPTION };
    expect(answers.details).toMatchObject(expected);
    expect((answers.list as { secrets: Details[] }).secrets).toEqual([expect.objectContaining(expected)]);
    expect(answers.personal).toMatchObject({ key: 'BOBS', displayName: PERSONAL_NAME, description: null });
    expect((answers.personalList as { secrets: Details[] }).secrets).toEqual([expect.objectContaining({ displayName: PERSONAL_NAME })]);
  });

  it('answers audit rows with the emails, the details and the request addresses, in pages and exports', () => {
    const audit = answers.audit as Entry[];
    const byType = (type: string) => audit.filter((e) => e.type === type);
    expect(byType('WorkspaceCreated')[0]).toMatchObject({ subject: { email: ALICE }, request: { clientAddress: ALICE_CLIENT, peerAddress: PROXY } });
    expect(byType('MemberInvited')[0]).toMatchObject({ subject: { email: BOB }, request: { clientAddress: ALICE_CLIENT } });
    expect(byType('InvitationAccepted')[0]).toMatchObject({ subject: { email: BOB }, request: { clientAddress: BOB_PEER } });
    expect(byType('SecretDetailsChanged')[0]).toMatchObject({ detail: { displayName: DISPLAY_NAME, description: DESCRIPTION } });
    expect(byType('SecretsResolved')[0]).toMatchObject({ request: { clientAddress: EXECUTOR_CLIENT, peerAddress: PROXY } });
    expect(byType('SecretRevealed')[0]).toMatchObject({ request: { clientAddress: ALICE_CLIENT } });
    expect(byType('AccessRefused')[0]).toMatchObject({ actor: 'mallory', request: { clientAddress: BOB_PEER } });
    const exported = (answers.exported as string).trimEnd().split('\n').map((line) => JSON.parse(line) as Entry);
    expect(exported.find((e) => e.type === 'InvitationAccepted')).toMatchObject({ subject: { email: BOB }, request: { clientAddress: BOB_PEER } });
    const mine = (answers.myAudit as { entries: Entry[] }).entries;
    expect(mine.find((e) => e.type === 'SecretDetailsChanged')).toMatchObject({ detail: { displayName: PERSONAL_NAME } });
  });
});

describe('Erasure: destroying a key shows [erased] where its data was, and nothing breaks', () => {
  const t: TestApp = useTestApp({}, TRUSTED);
  let ws: string;
  beforeAll(async () => {
    ({ ws } = await realisticFlow(t.call));
  });

  it("erases a person's emails and addresses with their subject keys, and theirs only", async () => {
    const { subjectKeys } = t.service;
    await subjectKeys.destroy(subjects.user('bob'));
    await subjectKeys.destroy(subjects.email(BOB));
    const members = (await must<{ members: Member[] }>(t.call, 'GET', `/v1/workspaces/${ws}/members`, alice())).members;
    expect(members.map((m) => [m.userId, m.email]).sort()).toEqual([
      ['alice', ALICE],
      ['bob', '[erased]'],
    ]);
    const audit = await auditOf(t.call, ws);
    const of = (type: string) => audit.find((e) => e.type === type)!;
    expect(of('MemberInvited')).toMatchObject({ subject: { email: '[erased]' }, request: { clientAddress: ALICE_CLIENT } });
    expect(of('InvitationAccepted')).toMatchObject({ subject: { email: '[erased]' }, request: { clientAddress: '[erased]' } });
    expect(of('WorkspaceCreated')).toMatchObject({ subject: { email: ALICE }, request: { clientAddress: ALICE_CLIENT } });
    expect(leaksIn(JSON.stringify(audit), [BOB, BOB_PEER])).toEqual([]);
    const bobsOwn = (await must<{ entries: Entry[] }>(t.call, 'GET', '/v1/me/audit', bob())).entries;
    expect(bobsOwn.every((e) => e.request?.clientAddress === '[erased]')).toBe(true);
  });

  it('keeps answering the erased person, whose new actions are sealed under a new key', async () => {
    await must(t.call, 'PUT', '/v1/me/secrets/AFTER', bob({ remoteAddress: '198.51.100.99', body: { value: VALUE } }));
    const bobsOwn = (await must<{ entries: Entry[] }>(t.call, 'GET', '/v1/me/audit?type=SecretSet', bob())).entries;
    expect(bobsOwn.map((e) => [e.key, e.request?.clientAddress])).toEqual([
      ['BOBS', '[erased]'],
      ['AFTER', '198.51.100.99'],
    ]);
  });

  it("erases a secret's display name and description with its data key", async () => {
    const [version] = (await t.service.deps.views.historyPage(owners.workspace(ws), 'PAYROLL', undefined, 1, 'asc', uncharged)).versions;
    await t.service.cipher.dataKeys.destroy(version!.dataKeyId);
    const erased = { displayName: '[erased]', description: '[erased]' };
    expect(await must(t.call, 'GET', `/v1/workspaces/${ws}/secrets/PAYROLL`, alice())).toMatchObject(erased);
    expect((await must<{ secrets: Details[] }>(t.call, 'GET', `/v1/workspaces/${ws}/secrets`, alice())).secrets).toEqual([expect.objectContaining(erased)]);
    expect((await auditOf(t.call, ws)).find((e) => e.type === 'SecretDetailsChanged')).toMatchObject({ detail: erased });
    // Bob's personal secret has its own key: untouched.
    expect(await must(t.call, 'GET', '/v1/me/secrets/BOBS', bob())).toMatchObject({ displayName: PERSONAL_NAME });
  });
});

describe('Invitations, compared by blind index', () => {
  const t = useTestApp();
  const erin = { token: token('erin', { email: 'erin@example.com' }) };
  let ws: string;
  beforeAll(async () => {
    ws = bodyOf<{ id: string }>(await t.call('POST', '/v1/workspaces', { token: token('alice'), body: { name: 'Blind' } })).id;
  });
  const invite = (email: string) => t.call('POST', `/v1/workspaces/${ws}/invitations`, { token: token('alice'), body: { email, permission: 'read' } });

  it('refuses to invite the same email twice, whatever its case', async () => {
    expect((await invite('Erin@Example.COM')).status).toBe(201);
    expectProblem(await invite('erin@example.com'), 409, 'already_invited');
  });

  it('refuses to invite a member, whatever the case of their email', async () => {
    expectProblem(await invite('ALICE@example.com'), 409, 'already_member');
  });

  it('finds my invitations by the email in my token', async () => {
    const mine = await must<{ invitations: Array<{ id: string; workspaceId: string }> }>(t.call, 'GET', '/v1/me/invitations', erin);
    expect(mine.invitations.map((i) => i.workspaceId)).toEqual([ws]);
    expect((await must<{ invitations: unknown[] }>(t.call, 'GET', '/v1/me/invitations', { token: token('frank') })).invitations).toEqual([]);
  });

  it("lets only the invitee accept (the token's email matching the invited one, case aside)", async () => {
    const [invitation] = (await must<{ invitations: Array<{ id: string }> }>(t.call, 'GET', '/v1/me/invitations', erin)).invitations;
    expectProblem(await t.call('POST', `/v1/invitations/${invitation!.id}/accept`, { token: token('frank') }), 404, 'invitation_not_found');
    await must(t.call, 'POST', `/v1/invitations/${invitation!.id}/accept`, { token: token('erin', { email: 'ERIN@example.com' }) });
    const members = (await must<{ members: Member[] }>(t.call, 'GET', `/v1/workspaces/${ws}/members`, { token: token('alice') })).members;
    expect(members.find((m) => m.userId === 'erin')?.email).toBe('erin@example.com');
  });

  it('shares a secret with a member named by email, whatever its case', async () => {
    await must(t.call, 'PUT', `/v1/workspaces/${ws}/secrets/SHARED`, { token: token('alice'), body: { value: 'shared-value' } });
    const shared = await must<{ userId: string }>(t.call, 'POST', `/v1/workspaces/${ws}/secrets/SHARED/members`, {
      token: token('alice'),
      body: { email: 'Erin@EXAMPLE.com', role: 'member' },
    });
    expect(shared.userId).toBe('erin');
  });
});

describe('AUDIT_SINK', () => {
  const dir = mkdtempSync(join(tmpdir(), 'secrets-personal-sink-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the rows as the API shows them, personal data in the clear; what it wrote is the SIEM\'s copy, beyond an erasure', async () => {
    const sink = join(dir, 'audit.ndjson');
    const t = await startTestApp(':memory:', { auditSink: sink }, TRUSTED);
    const ws = bodyOf<{ id: string }>(await t.call('POST', '/v1/workspaces', alice({ body: { name: 'Sunk' } }))).id;
    await t.caughtUp();
    await t.service.subjectKeys.destroy(subjects.user('alice'));
    await must(t.call, 'POST', `/v1/workspaces/${ws}/invitations`, alice({ body: { email: BOB, permission: 'read' } }));
    await t.caughtUp();
    await t.close();
    const rows = readFileSync(sink, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Entry);
    expect(rows.map((r) => r.type)).toEqual(['WorkspaceCreated', 'MemberInvited']);
    // Written as it was projected, before the erasure: the SIEM's copy keeps it (see the README).
    expect(rows[0]).toMatchObject({ subject: { email: ALICE }, request: { clientAddress: ALICE_CLIENT, peerAddress: PROXY } });
    // Alice acts again after the erasure: under her new key, her address is readable again.
    expect(rows[1]).toMatchObject({ subject: { email: BOB }, request: { clientAddress: ALICE_CLIENT } });
  });
});
