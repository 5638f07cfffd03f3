import { describe, expect, it, vi } from 'vitest';
import type { AppDeps } from '../../src/api/deps';
import type { ViewDocs } from '../../src/projections/views';
import type { ReadStore } from '../../src/stores/readStore.port';
import { user } from '../projections/world.fixture';
import { startTestApp, token } from '../support/testService';
import { bodyOf, expectProblem } from '../support/workspaces';

const alice = user('alice');
const keys = (count: number, prefix = 'K') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
const setting = (names: readonly string[]) => ({ set: Object.fromEntries(names.map((name) => [name, 'v'])), delete: [] });

/** Built through the command side, which spends no budget: `ws` holds one secret, `K`, and alice as its only member. */
type Setup = (deps: AppDeps, ws: string) => Promise<void>;
const invitations = (count: number, revoked: boolean): Setup => async ({ workspaces }, ws) => {
  for (let i = 0; i < count; i += 1) {
    const { invitationId } = await workspaces.invite(alice, ws, { email: `u${i}@example.com`, permission: 'read', external: false });
    if (revoked) await workspaces.revoke(alice, ws, invitationId);
  }
};
/** `count` members besides alice, each invited and joined. */
const members = (count: number): Setup => async ({ workspaces }, ws) => {
  for (let i = 0; i < count; i += 1) {
    const { invitationId } = await workspaces.invite(alice, ws, { email: `u${i}@example.com`, permission: 'read', external: false });
    await workspaces.accept(user(`u${i}`), ws, invitationId);
  }
};
const secrets = (count: number, deleted = false): Setup => async ({ secrets: commands }, ws) => {
  await commands.saveWorkspace(alice, ws, setting(keys(count, 'S')));
  if (deleted) await commands.saveWorkspace(alice, ws, { set: {}, delete: keys(count, 'S') });
};
const versions = (count: number): Setup => async ({ secrets: commands }, ws) => {
  for (let i = 1; i < count; i += 1) await commands.saveWorkspace(alice, ws, { set: { K: `v-${i}` }, delete: [] });
};
/** `count` versions of K whose values are 40 KiB: each stored version holds ~55 KB of sealed value. */
const largeVersions = (count: number): Setup => async ({ secrets: commands }, ws) => {
  for (let i = 1; i < count; i += 1) await commands.saveWorkspace(alice, ws, { set: { K: `${i}-`.padEnd(40 * 1024, 'x') }, delete: [] });
};
const personal = (count: number): Setup => async ({ secrets: commands }) => {
  await commands.savePersonal(alice, setting(keys(count, 'P')));
};
const workspacesBesides = (count: number): Setup => async ({ workspaces }) => {
  for (let i = 0; i < count; i += 1) await workspaces.create(alice, `team ${i}`);
};
const none: Setup = async () => {};
const now = () => encodeURIComponent(new Date().toISOString());

/**
 * Settings reads whose cost grows with what a workspace holds pay one request of the settings
 * budget per 100 rows they go through (src/api/readCharges.ts): each case is given a budget of
 * exactly what it should cost, and after it a request of one is refused.
 */
describe('Reads charged by what they go through', () => {
  const cases: { name: string; setup: Setup; path: (ws: string) => string; cost: number }[] = [
    { name: 'members and 199 pending invitations', setup: invitations(199, false), path: (ws) => `/v1/workspaces/${ws}/members`, cost: 2 },
    { name: 'members as of now, 250 invitations and one member ever', setup: invitations(250, true), path: (ws) => `/v1/workspaces/${ws}/members?asOf=${now()}`, cost: 3 },
    { name: 'members now, 250 invitations ever, none standing', setup: invitations(250, true), path: (ws) => `/v1/workspaces/${ws}/members`, cost: 1 },
    { name: 'a list of 150 secrets', setup: secrets(149), path: (ws) => `/v1/workspaces/${ws}/secrets`, cost: 2 },
    { name: 'a list as of now, 150 keys ever, one standing', setup: secrets(149, true), path: (ws) => `/v1/workspaces/${ws}/secrets?asOf=${now()}`, cost: 2 },
    { name: 'a list now, 150 keys ever, one standing', setup: secrets(149, true), path: (ws) => `/v1/workspaces/${ws}/secrets`, cost: 1 },
    { name: 'a page of deleted keys, 149 of them', setup: secrets(149, true), path: (ws) => `/v1/workspaces/${ws}/secrets?deleted=true`, cost: 2 },
    { name: 'a page of deleted keys of 100 at most', setup: secrets(149, true), path: (ws) => `/v1/workspaces/${ws}/secrets?deleted=true&limit=100`, cost: 1 },
    { name: 'a history page of a key with 150 versions', setup: versions(150), path: (ws) => `/v1/workspaces/${ws}/secrets/K/history`, cost: 2 },
    { name: 'a history page of 50 of them', setup: versions(150), path: (ws) => `/v1/workspaces/${ws}/secrets/K/history?limit=50`, cost: 1 },
    // The one version read beyond a page, to tell whether another follows, is free.
    { name: 'a history page of a key with exactly 100 versions', setup: versions(100), path: (ws) => `/v1/workspaces/${ws}/secrets/K/history`, cost: 1 },
    { name: 'a history page of 100 of 150 versions', setup: versions(150), path: (ws) => `/v1/workspaces/${ws}/secrets/K/history?limit=100`, cost: 1 },
    // Each version's document counts one row more for each whole 16 KiB (STORED_BYTES_PER_ROW): 1 + 3 rows each, K's first value aside.
    { name: 'a history page of 100 versions, 99 of 40 KiB values', setup: largeVersions(100), path: (ws) => `/v1/workspaces/${ws}/secrets/K/history`, cost: 4 },
    { name: 'a history page of 10 of them', setup: largeVersions(100), path: (ws) => `/v1/workspaces/${ws}/secrets/K/history?limit=10`, cost: 1 },
    { name: "a secret's members now, 151 members", setup: members(150), path: (ws) => `/v1/workspaces/${ws}/secrets/K/members`, cost: 2 },
    { name: "a secret's members as of now, 151 members ever", setup: members(150), path: (ws) => `/v1/workspaces/${ws}/secrets/K/members?asOf=${now()}`, cost: 2 },
    { name: "a secret's members as of now, 150 invitations but one member ever", setup: invitations(150, true), path: (ws) => `/v1/workspaces/${ws}/secrets/K/members?asOf=${now()}`, cost: 1 },
    { name: 'who may access a secret, 151 members and one key ever', setup: members(150), path: (ws) => `/v1/workspaces/${ws}/secrets/K/access`, cost: 2 },
    { name: 'who may access a secret, one member and 150 keys ever', setup: secrets(149, true), path: (ws) => `/v1/workspaces/${ws}/secrets/K/access`, cost: 2 },
    // Both moments after the setup: each reads everything the workspace ever had.
    { name: 'the changes between two moments, 61 members and one key ever', setup: members(60), path: (ws) => `/v1/workspaces/${ws}/secrets/changes?from=${now()}`, cost: 2 },
    { name: 'the changes between two moments, one member and 150 keys ever', setup: secrets(149, true), path: (ws) => `/v1/workspaces/${ws}/secrets/changes?from=${now()}`, cost: 4 },
    { name: 'the keys to reference, 150 secrets', setup: secrets(149), path: (ws) => `/v1/workspaces/${ws}/variables`, cost: 2 },
    { name: 'the keys to reference, none beyond K', setup: none, path: (ws) => `/v1/workspaces/${ws}/variables`, cost: 1 },
    { name: 'the keys to reference as of now, 150 keys ever', setup: secrets(149, true), path: (ws) => `/v1/workspaces/${ws}/variables?asOf=${now()}`, cost: 2 },
    { name: 'the keys to reference, K and 150 personal keys', setup: personal(150), path: (ws) => `/v1/workspaces/${ws}/variables`, cost: 2 },
    { name: 'the keys to reference as of now, K and 150 personal keys', setup: personal(150), path: (ws) => `/v1/workspaces/${ws}/variables?asOf=${now()}`, cost: 2 },
    { name: 'my workspaces, 150 of them', setup: workspacesBesides(149), path: () => '/v1/workspaces', cost: 2 },
    { name: 'an audit page of 1,000 entries at most', setup: none, path: (ws) => `/v1/workspaces/${ws}/audit?limit=1000`, cost: 10 },
    { name: 'an audit page of the default 100', setup: none, path: (ws) => `/v1/workspaces/${ws}/audit`, cost: 1 },
  ];

  for (const { name, setup, path, cost } of cases) {
    it(`${name}: ${cost}`, async () => {
      const { call, service } = await startTestApp(':memory:', { settings: { rateLimits: { settingsMax: cost } } });
      const { workspaceId } = await service.deps.workspaces.create(alice, 'team');
      await service.deps.secrets.saveWorkspace(alice, workspaceId, setting(['K']));
      await setup(service.deps, workspaceId);
      expect((await call('GET', path(workspaceId), { token: token('alice') })).status).toBe(200);
      expectProblem(await call('GET', '/v1/workspaces', { token: token('alice') }), 429, 'rate_limited');
    });
  }

  it('charges my own list, as of a moment too, deleted keys and history by my own scope', async () => {
    const { call, service } = await startTestApp(':memory:', { settings: { rateLimits: { settingsMax: 8 } } });
    await service.deps.secrets.savePersonal(alice, setting(keys(150)));
    for (let i = 0; i < 150; i += 1) await service.deps.secrets.savePersonal(alice, { set: { K0: `v-${i}` }, delete: [] });
    await service.deps.secrets.savePersonal(alice, { set: {}, delete: keys(150) });
    // 150 keys ever, none standing: one now, two as of now; 151 versions of K0: two.
    expect((await call('GET', '/v1/me/secrets', { token: token('alice') })).status).toBe(200);
    expect((await call('GET', `/v1/me/secrets?asOf=${now()}`, { token: token('alice') })).status).toBe(200);
    expect((await call('GET', '/v1/me/secrets/K0/history', { token: token('alice') })).status).toBe(200);
    // 150 deleted keys: two.
    expect((await call('GET', '/v1/me/secrets?deleted=true', { token: token('alice') })).status).toBe(200);
    expect((await call('GET', '/v1/workspaces', { token: token('alice') })).status).toBe(200);
    expectProblem(await call('GET', '/v1/workspaces', { token: token('alice') }), 429, 'rate_limited');
  });

  /** The views' store behind the API, to see what a refused read read (none of the rows it would have paid for). */
  const storeOf = (deps: AppDeps) => (deps.views as unknown as { store: Pick<ReadStore<ViewDocs>, 'find' | 'scopeAt' | 'page' | 'scanEnd'> }).store;

  // As of a moment a member list looks up every member and invitation ever had (~3.5 µs each here).
  it('refuses a read that could never fit a minute with 409 over_rate_budget, before reading its rows', async () => {
    const { call, service } = await startTestApp(':memory:', { settings: { rateLimits: { settingsMax: 2 } } });
    const { workspaceId } = await service.deps.workspaces.create(alice, 'team');
    await invitations(250, true)(service.deps, workspaceId);
    const looked = vi.spyOn(storeOf(service.deps), 'scopeAt');
    const past = await call('GET', `/v1/workspaces/${workspaceId}/members?asOf=${now()}`, { token: token('alice') });
    expectProblem(past, 409, 'over_rate_budget');
    expect((past.body as { detail: string }).detail).toContain('RATE_LIMIT_MAX');
    // The members ever (alice) fit the first hundred and were read; the invitations were not.
    expect(looked.mock.calls.map(([collection]) => collection)).toEqual(['members']);
    // Only its arrival was spent: now only alice stands, one request, the second of the budget.
    expect((await call('GET', `/v1/workspaces/${workspaceId}/members`, { token: token('alice') })).status).toBe(200);
  });

  // Now a list is counted through the index, and paid for before a row of it is read.
  it('refuses a list now that could never fit a minute before reading a row', async () => {
    const { call, service } = await startTestApp(':memory:', { settings: { rateLimits: { settingsMax: 2 } } });
    const { workspaceId } = await service.deps.workspaces.create(alice, 'team');
    await invitations(250, false)(service.deps, workspaceId);
    const read = vi.spyOn(storeOf(service.deps), 'find');
    expectProblem(await call('GET', `/v1/workspaces/${workspaceId}/members`, { token: token('alice') }), 409, 'over_rate_budget');
    expect(read.mock.calls.map(([collection]) => collection)).toEqual(['members']);
  });

  it('refuses an audit page that could never fit a minute before reading it', async () => {
    const { call, service } = await startTestApp(':memory:', { settings: { rateLimits: { settingsMax: 5 } } });
    const { workspaceId } = await service.deps.workspaces.create(alice, 'team');
    const read = vi.spyOn(storeOf(service.deps), 'page');
    expectProblem(await call('GET', `/v1/workspaces/${workspaceId}/audit?limit=1000`, { token: token('alice') }), 409, 'over_rate_budget');
    expect(read).not.toHaveBeenCalled();
  });

  // Who may access a secret is asked of the key and the caller first: a refusal reads nothing heavy.
  it('charges nothing beyond its arrival for who may access a secret when it answers 403 or 404', async () => {
    const { call, service } = await startTestApp(':memory:', { settings: { rateLimits: { settingsMax: 2 } } });
    const { workspaceId } = await service.deps.workspaces.create(alice, 'team');
    await service.deps.secrets.saveWorkspace(alice, workspaceId, setting(['K']));
    await members(1)(service.deps, workspaceId);
    await secrets(150, true)(service.deps, workspaceId);
    // 151 keys ever: an answer would cost two. Each refusal costs one, so one more request passes.
    for (const [who, path, status] of [['u0', 'K', 403], ['alice', 'NONE', 404]] as const) {
      expectProblem(await call('GET', `/v1/workspaces/${workspaceId}/secrets/${path}/access`, { token: token(who) }), status);
      expect((await call('GET', '/v1/workspaces', { token: token(who) })).status).toBe(200);
    }
  });

  it('charges nothing for a moment before the workspace existed (404)', async () => {
    const { call, service } = await startTestApp(':memory:', { settings: { rateLimits: { settingsMax: 2 } } });
    await service.deps.workspaces.create(alice, 'earlier');
    const { workspaceId } = await service.deps.workspaces.create(alice, 'team');
    await invitations(250, true)(service.deps, workspaceId);
    for (const path of [`/members?asOf=1`, `/secrets/changes?from=1&to=1`]) {
      expectProblem(await call('GET', `/v1/workspaces/${workspaceId}${path}`, { token: token('alice') }), 404, 'workspace_not_found');
    }
  });

  it('charges a page of the workspaces an audit:read token covers by the limit it asks for', async () => {
    const { call } = await startTestApp(':memory:', { settings: { rateLimits: { settingsMax: 10 } } });
    const auditor = token('reviewer', { scope: 'audit:read', email: null });
    expect((await call('GET', '/v1/audit/workspaces?limit=1000', { token: auditor })).status).toBe(200);
    expectProblem(await call('GET', '/v1/audit/workspaces', { token: auditor }), 429, 'rate_limited');
  });

  // Steps of 4 rows, 20 at most, where 2,000 and 20,000 are shipped: a filter that matches none
  // of the workspace's rows examines five steps, each after the first one request.
  describe('an audit page pays for each further step of the rows it examines', () => {
    const audited = async (settingsMax: number) => {
      const app = await startTestApp(':memory:', { settings: { rateLimits: { settingsMax }, auditScan: { rows: 20, step: 4 } } });
      const { workspaceId } = await app.service.deps.workspaces.create(alice, 'team');
      await secrets(40)(app.service.deps, workspaceId);
      await app.caughtUp();
      return { ...app, audit: `/v1/workspaces/${workspaceId}/audit` };
    };

    it('a filtered page that examines five steps costs five requests', async () => {
      const { call, audit } = await audited(5);
      const page = await call('GET', `${audit}?type=SecretRevealed`, { token: token('alice') });
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ entries: [], nextCursor: expect.any(String) });
      expectProblem(await call('GET', '/v1/workspaces', { token: token('alice') }), 429, 'rate_limited');
    });

    // `from` and `to` do not narrow the rows a page goes through (the audit is not indexed by time).
    it('a page filtered by time alone pays for its steps too', async () => {
      const { call, audit } = await audited(5);
      const page = await call('GET', `${audit}?from=2000-01-01T00:00:00Z`, { token: token('alice') });
      expect(bodyOf<{ entries: unknown[] }>(page).entries).toHaveLength(20);
      expectProblem(await call('GET', '/v1/workspaces', { token: token('alice') }), 429, 'rate_limited');
    });

    it('a page whose entries fill it in its first step pays for none further', async () => {
      const { call, audit } = await audited(2);
      expect((await call('GET', `${audit}?type=SecretSet&limit=2`, { token: token('alice') })).status).toBe(200);
      // Nothing but the workspace's own rows: each examined row is an entry.
      expect((await call('GET', `${audit}?limit=100`, { token: token('alice') })).status).toBe(200);
      expectProblem(await call('GET', '/v1/workspaces', { token: token('alice') }), 429, 'rate_limited');
    });

    // Refusing the page would throw away the steps it paid for, and a budget smaller than a page's
    // steps could never page through the audit.
    it('a page whose budget refuses a further step answers what it found, going on from where its last step ended', async () => {
      const { call, service, audit } = await audited(4);
      const reviewer = token('reviewer', { scope: 'audit:read', email: null });
      const rows = bodyOf<{ entries: { position: string }[] }>(await call('GET', `${audit}?limit=16`, { token: reviewer })).entries;
      const scanned = vi.spyOn(storeOf(service.deps), 'scanEnd');
      const page = await call('GET', `${audit}?type=SecretRevealed`, { token: token('alice') });
      expect(page.status).toBe(200);
      // Four steps of four rows, paid by the arrival and three more requests; the fifth refused.
      expect(page.body).toEqual({ entries: [], nextCursor: rows[15]!.position });
      expect(scanned).toHaveBeenCalledTimes(4);
      expectProblem(await call('GET', '/v1/workspaces', { token: token('alice') }), 429, 'rate_limited');
    });

    it('a page without a filter pays for no step: every row it examines is an entry its limit paid for', async () => {
      const { call, service, audit, caughtUp } = await audited(1);
      // Quiet workspaces after the busy one: each step is shared among the three, two rows each,
      // and the quiet ones hold one row each, after the busy one's: a step goes two rows further.
      const quiet = [await service.deps.workspaces.create(alice, 'quiet 1'), await service.deps.workspaces.create(alice, 'quiet 2')];
      await caughtUp();
      const reviewer = token('reviewer', { scope: 'audit:read', email: null, ws: [audit.split('/')[3]!, ...quiet.map((q) => q.workspaceId)] });
      const scanned = vi.spyOn(storeOf(service.deps), 'scanEnd');
      const page = await call('GET', '/v1/audit?limit=100', { token: reviewer });
      expect(page.status).toBe(200);
      // All five steps taken, on a budget of one request.
      expect(bodyOf<{ entries: unknown[] }>(page).entries).toHaveLength(10);
      expect(scanned).toHaveBeenCalledTimes(5);
      expectProblem(await call('GET', '/v1/audit?limit=100', { token: reviewer }), 429, 'rate_limited');
    });
  });

  // An import reads the scope's secrets to say which keys it would add and which it would change.
  it('charges an import by the secrets it compares against', async () => {
    const { call, service } = await startTestApp(':memory:', { settings: { rateLimits: { settingsMax: 2 } } });
    const { workspaceId } = await service.deps.workspaces.create(alice, 'team');
    await secrets(150)(service.deps, workspaceId);
    const dryRun = await call('POST', `/v1/workspaces/${workspaceId}/secrets/import`, { token: token('alice'), body: { dotenv: 'A=1', dryRun: true } });
    expect(dryRun.status, dryRun.text).toBe(200);
    expectProblem(await call('GET', '/v1/workspaces', { token: token('alice') }), 429, 'rate_limited');
  });

  it('charges nothing beyond its arrival for a moment in the future (400)', async () => {
    const { call, service } = await startTestApp(':memory:', { settings: { rateLimits: { settingsMax: 2 } } });
    const { workspaceId } = await service.deps.workspaces.create(alice, 'team');
    await invitations(250, true)(service.deps, workspaceId);
    const future = encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString());
    expectProblem(await call('GET', `/v1/workspaces/${workspaceId}/members?asOf=${future}`, { token: token('alice') }), 400);
    expect((await call('GET', '/v1/workspaces', { token: token('alice') })).status).toBe(200);
  });
});
