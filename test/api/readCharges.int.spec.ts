import { describe, expect, it, vi } from 'vitest';
import type { AppDeps } from '../../src/api/deps';
import { user } from '../projections/world.fixture';
import { startTestApp, token } from '../support/testService';
import { expectProblem } from '../support/workspaces';

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
const secrets = (count: number, deleted = false): Setup => async ({ secrets: commands }, ws) => {
  await commands.saveWorkspace(alice, ws, setting(keys(count, 'S')));
  if (deleted) await commands.saveWorkspace(alice, ws, { set: {}, delete: keys(count, 'S') });
};
const versions = (count: number): Setup => async ({ secrets: commands }, ws) => {
  for (let i = 1; i < count; i += 1) await commands.saveWorkspace(alice, ws, { set: { K: `v-${i}` }, delete: [] });
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
    { name: 'members as of now, 250 invitations ever', setup: invitations(250, true), path: (ws) => `/v1/workspaces/${ws}/members?asOf=${now()}`, cost: 3 },
    { name: 'members now, 250 invitations ever, none standing', setup: invitations(250, true), path: (ws) => `/v1/workspaces/${ws}/members`, cost: 1 },
    { name: 'a list of 150 secrets', setup: secrets(149), path: (ws) => `/v1/workspaces/${ws}/secrets`, cost: 2 },
    { name: 'a list as of now, 150 keys ever, one standing', setup: secrets(149, true), path: (ws) => `/v1/workspaces/${ws}/secrets?asOf=${now()}`, cost: 2 },
    { name: 'a list now, 150 keys ever, one standing', setup: secrets(149, true), path: (ws) => `/v1/workspaces/${ws}/secrets`, cost: 1 },
    { name: 'a page of deleted keys, 149 of them', setup: secrets(149, true), path: (ws) => `/v1/workspaces/${ws}/secrets?deleted=true`, cost: 2 },
    { name: 'a page of deleted keys of 100 at most', setup: secrets(149, true), path: (ws) => `/v1/workspaces/${ws}/secrets?deleted=true&limit=100`, cost: 1 },
    { name: 'a history page of a key with 150 versions', setup: versions(150), path: (ws) => `/v1/workspaces/${ws}/secrets/K/history`, cost: 2 },
    { name: 'a history page of 50 of them', setup: versions(150), path: (ws) => `/v1/workspaces/${ws}/secrets/K/history?limit=50`, cost: 1 },
    { name: "a secret's members as of now, 150 invitations ever", setup: invitations(150, true), path: (ws) => `/v1/workspaces/${ws}/secrets/K/members?asOf=${now()}`, cost: 2 },
    { name: "a secret's members now", setup: invitations(150, true), path: (ws) => `/v1/workspaces/${ws}/secrets/K/members`, cost: 1 },
    { name: 'who may access a secret, 150 invitations and one key ever', setup: invitations(150, true), path: (ws) => `/v1/workspaces/${ws}/secrets/K/access`, cost: 2 },
    { name: 'the changes between two moments, 60 invitations and one key ever', setup: invitations(60, true), path: (ws) => `/v1/workspaces/${ws}/secrets/changes?from=1`, cost: 2 },
    { name: 'the keys to reference, 150 secrets', setup: secrets(149), path: (ws) => `/v1/workspaces/${ws}/variables`, cost: 2 },
    { name: 'the keys to reference, none beyond K', setup: none, path: (ws) => `/v1/workspaces/${ws}/variables`, cost: 1 },
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

  it('charges my own list and history by my own scope', async () => {
    const { call, service } = await startTestApp(':memory:', { settings: { rateLimits: { settingsMax: 4 } } });
    await service.deps.secrets.savePersonal(alice, setting(keys(150)));
    for (let i = 0; i < 150; i += 1) await service.deps.secrets.savePersonal(alice, { set: { K0: `v-${i}` }, delete: [] });
    expect((await call('GET', '/v1/me/secrets', { token: token('alice') })).status).toBe(200);
    expect((await call('GET', '/v1/me/secrets/K0/history', { token: token('alice') })).status).toBe(200);
    expectProblem(await call('GET', '/v1/workspaces', { token: token('alice') }), 429, 'rate_limited');
  });

  // As of a moment a member list seeks every invitation ever made (~3.5 µs each here).
  it('refuses a read that could never fit a minute with 409 over_rate_budget, before reading', async () => {
    const { call, service } = await startTestApp(':memory:', { settings: { rateLimits: { settingsMax: 2 } } });
    const { workspaceId } = await service.deps.workspaces.create(alice, 'team');
    await invitations(250, true)(service.deps, workspaceId);
    const read = vi.spyOn(service.deps.past, 'members');
    const past = await call('GET', `/v1/workspaces/${workspaceId}/members?asOf=${now()}`, { token: token('alice') });
    expectProblem(past, 409, 'over_rate_budget');
    expect((past.body as { detail: string }).detail).toContain('RATE_LIMIT_MAX');
    expect(read).not.toHaveBeenCalled();
    // Only its arrival was spent: now only alice stands, one request, the second of the budget.
    expect((await call('GET', `/v1/workspaces/${workspaceId}/members`, { token: token('alice') })).status).toBe(200);
  });

  // Now a list is paid once its rows are counted, before the emails in them are opened.
  it('refuses a list now that could never fit a minute before opening a row', async () => {
    const { call, service } = await startTestApp(':memory:', { settings: { rateLimits: { settingsMax: 2 } } });
    const { workspaceId } = await service.deps.workspaces.create(alice, 'team');
    await invitations(250, false)(service.deps, workspaceId);
    const opened = vi.spyOn(service.deps.views, 'invitationsShown');
    expectProblem(await call('GET', `/v1/workspaces/${workspaceId}/members`, { token: token('alice') }), 409, 'over_rate_budget');
    expect(opened).not.toHaveBeenCalled();
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
