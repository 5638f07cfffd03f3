import { describe, expect, it, vi } from 'vitest';
import type { RateLimits } from '../../src/api/rateLimits.plugin';
import { recordStreamId } from '../../src/events/streams';
import { HISTORY_PAGE_MAX, WORKSPACES_PAGE } from '../../src/projections/queries';
import { user } from '../projections/world.fixture';
import type { Client } from '../support/client';
import { startTestApp, token } from '../support/testService';
import { expectProblem, resolver, setWorkspaceSecret, workspaceWith } from '../support/workspaces';

/** Rate limits (DESIGN §6): checked before validation, per principal, with their own budgets. */
describe('Rate limits', () => {
  /** Each test has an app of its own, with the budgets it tests. */
  async function start(rateLimits: Partial<RateLimits>): Promise<Client> {
    return (await startTestApp(':memory:', { settings: { rateLimits } })).call;
  }

  async function statuses(count: number, request: () => Promise<{ status: number }>): Promise<number[]> {
    const seen: number[] = [];
    for (let i = 0; i < count; i += 1) seen.push((await request()).status);
    return seen;
  }

  it('limits each principal apart with a 429 problem that says when to retry', async () => {
    const call = await start({ settingsMax: 3 });
    const alice = token('alice');
    expect(await statuses(4, () => call('GET', '/v1/workspaces', { token: alice }))).toEqual([200, 200, 200, 429]);
    const limited = await call('GET', '/v1/workspaces', { token: alice });
    expectProblem(limited, 429, 'rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await call('GET', '/v1/workspaces', { token: token('bob') })).status).toBe(200);
  });

  it('counts refused requests too, and refuses before validating the body', async () => {
    const call = await start({ settingsMax: 3 });
    const alice = token('alice');
    const bad = () => call('POST', '/v1/workspaces', { token: alice, body: { name: '' } });
    expect(await statuses(3, bad)).toEqual([400, 400, 400]);
    expectProblem(await bad(), 429, 'rate_limited');
    expectProblem(await call('GET', '/v1/workspaces/nope/secrets', { token: alice }), 429, 'rate_limited');
  });

  it('gives the value oracles a tighter budget of their own, per principal', async () => {
    const call = await start({ oracleMax: 2 });
    const ws = await workspaceWith(call, 'alice', {});
    await setWorkspaceSecret(call, ws, 'alice', 'K', 'v-1');
    const reveal = () => call('POST', `/v1/workspaces/${ws}/secrets/K/reveal`, { token: token('alice') });
    const check = () => call('POST', `/v1/workspaces/${ws}/secrets/K/fingerprint-check`, { token: token('alice'), body: { value: 'x' } });
    expect([(await reveal()).status, (await check()).status]).toEqual([200, 200]);
    expectProblem(await reveal(), 429, 'rate_limited');
    expectProblem(await check(), 429, 'rate_limited');
    expect((await call('GET', `/v1/workspaces/${ws}/secrets`, { token: token('alice') })).status).toBe(200);
  });

  it('limits the oracles per secret over all principals', async () => {
    const call = await start({ oraclePerSecretMax: 3 });
    const ws = await workspaceWith(call, 'alice', { bob: 'admin', carol: 'admin', dave: 'admin' });
    for (const key of ['K', 'OTHER']) await setWorkspaceSecret(call, ws, 'alice', key, 'v-1');
    const reveal = (user: string, key = 'K') => call('POST', `/v1/workspaces/${ws}/secrets/${key}/reveal`, { token: token(user) });
    expect([(await reveal('alice')).status, (await reveal('bob')).status, (await reveal('carol')).status]).toEqual([200, 200, 200]);
    expectProblem(await reveal('dave'), 429, 'rate_limited');
    expect((await reveal('dave', 'OTHER')).status).toBe(200);
  });

  // A check reads every version of the secret, a page at a time: without this, one principal
  // could have a secret of 100,000 versions read 120 times a minute.
  it('counts a fingerprint check once more for each further page of versions it reads, and records nothing when the budget runs out', async () => {
    const { call, service, stores } = await startTestApp(':memory:', { settings: { rateLimits: { oracleMax: 4 } } });
    const ws = await workspaceWith(call, 'alice', {});
    // Two full pages and one more version: a check reads three pages.
    for (let i = 0; i <= 2 * HISTORY_PAGE_MAX; i += 1) await service.deps.secrets.saveWorkspace(user('alice'), ws, { set: { K: `v-${i}` }, delete: [] });
    const check = () => call('POST', `/v1/workspaces/${ws}/secrets/K/fingerprint-check`, { token: token('alice'), body: { value: 'v-0' } });
    const first = await check();
    expect([first.status, (first.body as { matchCount: number }).matchCount]).toEqual([200, 1]);
    // Three of the four spent: the next check spends the fourth on arrival, then finds none for its second page.
    expectProblem(await check(), 429, 'rate_limited');
    const records = await stores.eventStore.readStream(recordStreamId('workspaceRecords', 'main', ws));
    expect(records.map((r) => r.type)).toEqual(['FingerprintChecked']);
    expectProblem(await call('POST', `/v1/workspaces/${ws}/secrets/K/reveal`, { token: token('alice') }), 429, 'rate_limited');
  });

  it("counts a check's further pages against the secret's budget too, on the personal route as well", async () => {
    const { call, service } = await startTestApp(':memory:', { settings: { rateLimits: { oraclePerSecretMax: 3 } } });
    const ws = await workspaceWith(call, 'alice', { bob: 'admin' });
    for (let i = 0; i <= HISTORY_PAGE_MAX; i += 1) await service.deps.secrets.saveWorkspace(user('alice'), ws, { set: { K: `v-${i}` }, delete: [] });
    // Two pages: alice's check spends two of the secret's three; bob's second page finds none left.
    const check = (who: string) => call('POST', `/v1/workspaces/${ws}/secrets/K/fingerprint-check`, { token: token(who), body: { value: 'v-0' } });
    expect((await check('alice')).status).toBe(200);
    expectProblem(await check('bob'), 429, 'rate_limited');
    for (let i = 0; i <= HISTORY_PAGE_MAX; i += 1) await service.deps.secrets.savePersonal(user('carol'), { set: { P: `v-${i}` }, delete: [] });
    const personal = () => call('POST', '/v1/me/secrets/P/fingerprint-check', { token: token('carol'), body: { value: 'v-0' } });
    expect((await personal()).status).toBe(200);
    expectProblem(await personal(), 429, 'rate_limited');
  });

  // Charged up front, a check that could never fit a minute's budget is refused at once, where
  // charging page by page would read a minute's worth of pages and answer 429 at every try.
  it('refuses a fingerprint check with more pages than a budget holds in a minute, before spending or reading them', async () => {
    const { call, service } = await startTestApp(':memory:', { settings: { rateLimits: { oracleMax: 2 } } });
    const ws = await workspaceWith(call, 'alice', {});
    for (let i = 0; i <= 2 * HISTORY_PAGE_MAX; i += 1) await service.deps.secrets.saveWorkspace(user('alice'), ws, { set: { K: `v-${i}` }, delete: [] });
    const read = vi.spyOn(service.deps.views, 'versionPages');
    const check = await call('POST', `/v1/workspaces/${ws}/secrets/K/fingerprint-check`, { token: token('alice'), body: { value: 'v-0' } });
    expectProblem(check, 409, 'over_rate_budget');
    expect((check.body as { detail: string }).detail).toContain('RATE_LIMIT_ORACLE_MAX');
    expect(read).not.toHaveBeenCalled();
    // Only its arrival was counted: one of the two left.
    expect((await call('POST', `/v1/workspaces/${ws}/secrets/K/reveal`, { token: token('alice') })).status).toBe(200);
  });

  it('counts an erasure once more for each further page of memberships it looks through', async () => {
    const { call, service } = await startTestApp(':memory:', { settings: { rateLimits: { settingsMax: 2 } } });
    for (let i = 0; i <= WORKSPACES_PAGE; i += 1) await service.deps.workspaces.create(user('alice'), `team ${i}`);
    expect((await call('GET', '/v1/me/invitations', { token: token('alice') })).status).toBe(200);
    // Two pages of memberships: its arrival spends the second request of the budget, its second page finds none left.
    expectProblem(await call('POST', '/v1/me/erase', { token: token('alice'), body: { confirm: 'me' } }), 429, 'rate_limited');
  });

  it('lets a fingerprint check cost exactly what a budget allows in a minute', async () => {
    const { call, service } = await startTestApp(':memory:', { settings: { rateLimits: { oracleMax: 3 } } });
    const ws = await workspaceWith(call, 'alice', {});
    for (let i = 0; i <= 2 * HISTORY_PAGE_MAX; i += 1) await service.deps.secrets.saveWorkspace(user('alice'), ws, { set: { K: `v-${i}` }, delete: [] });
    // Three pages: its arrival and two more, the whole budget.
    expect((await call('POST', `/v1/workspaces/${ws}/secrets/K/fingerprint-check`, { token: token('alice'), body: { value: 'v-0' } })).status).toBe(200);
  });

  // The secret's budget is everyone's: a check refused for want of it must not use up what is left.
  it('refuses a fingerprint check that cannot pay for its pages now without spending any of them', async () => {
    const { call, service } = await startTestApp(':memory:', { settings: { rateLimits: { oraclePerSecretMax: 5 } } });
    const ws = await workspaceWith(call, 'alice', { bob: 'admin', carol: 'admin' });
    for (let i = 0; i <= 2 * HISTORY_PAGE_MAX; i += 1) await service.deps.secrets.saveWorkspace(user('alice'), ws, { set: { K: `v-${i}` }, delete: [] });
    const check = (who: string) => call('POST', `/v1/workspaces/${ws}/secrets/K/fingerprint-check`, { token: token(who), body: { value: 'v-0' } });
    // Three pages: alice spends three of the secret's five; bob's arrival the fourth, and two more are not there.
    expect((await check('alice')).status).toBe(200);
    expectProblem(await check('bob'), 429, 'rate_limited');
    expect((await call('POST', `/v1/workspaces/${ws}/secrets/K/reveal`, { token: token('carol') })).status).toBe(200);
  });

  it('refuses a bulk reveal of more keys than the principal may reveal in a minute with 409 over_rate_budget', async () => {
    const call = await start({ oracleMax: 2 });
    const ws = await workspaceWith(call, 'alice', {});
    for (const key of ['A', 'B', 'C']) await setWorkspaceSecret(call, ws, 'alice', key, 'v-1');
    const bulk = (keys: string[]) => call('POST', `/v1/workspaces/${ws}/secrets/reveal`, { token: token('alice'), body: { keys } });
    expectProblem(await bulk(['A', 'B', 'C']), 409, 'over_rate_budget');
    expect((await bulk(['A', 'B'])).status).toBe(200);
  });

  it('judges an erasure that charges page after page on its whole cost: 409 over_rate_budget once it could never pass', async () => {
    const { call, service } = await startTestApp(':memory:', { settings: { rateLimits: { settingsMax: 3 } } });
    for (let i = 0; i <= 3 * WORKSPACES_PAGE; i += 1) await service.deps.workspaces.create(user('alice'), `team ${i}`);
    // Four pages: its arrival and three more, one more than the budget of three.
    expectProblem(await call('POST', '/v1/me/erase', { token: token('alice'), body: { confirm: 'me' } }), 409, 'over_rate_budget');
  }, 60_000);

  it('counts a proof export against the budget of verifications, which also read the whole history', async () => {
    const call = await start({ verifyMax: 2 });
    const ws = await workspaceWith(call, 'alice', {});
    const exportIt = () => call('GET', `/v1/workspaces/${ws}/audit/export`, { token: token('alice') });
    expect([(await exportIt()).status, (await exportIt()).status]).toEqual([200, 200]);
    expectProblem(await exportIt(), 429, 'rate_limited');
    expectProblem(await call('POST', `/v1/workspaces/${ws}/audit/verify`, { token: token('alice') }), 429, 'rate_limited');
    expect((await call('GET', `/v1/workspaces/${ws}/secrets`, { token: token('alice') })).status).toBe(200);
  });

  it("counts an audit export (NDJSON) against the same budget, before a line is sent, and a page of the audit against the settings one", async () => {
    const call = await start({ verifyMax: 1 });
    const ws = await workspaceWith(call, 'alice', {});
    const audit = (accept: string) => call('GET', `/v1/workspaces/${ws}/audit`, { token: token('alice'), headers: { accept } });
    expect((await audit('application/x-ndjson')).status).toBe(200);
    expectProblem(await audit('application/x-ndjson'), 429, 'rate_limited');
    expectProblem(await call('GET', '/v1/me/audit', { token: token('alice'), headers: { accept: 'application/x-ndjson' } }), 429, 'rate_limited');
    expect((await audit('application/json')).status).toBe(200);
  });

  it('leaves resolution unlimited by default, whatever the settings budget', async () => {
    const call = await start({ settingsMax: 3 });
    const ws = await workspaceWith(call, 'alice', {});
    const resolve = () => resolver(call)({ workspaceId: ws, trigger: 'manual', triggeredBy: 'alice', input: 'x' });
    expect(new Set(await statuses(10, resolve))).toEqual(new Set([200]));
  });

  it('limits resolution when RATE_LIMIT_RESOLVE_MAX is set', async () => {
    const call = await start({ resolveMax: 2 });
    const ws = await workspaceWith(call, 'alice', {});
    const resolve = () => resolver(call)({ workspaceId: ws, trigger: 'manual', triggeredBy: 'alice', input: 'x' });
    expect(await statuses(3, resolve)).toEqual([200, 200, 429]);
  });
});
