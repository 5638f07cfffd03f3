import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp, testMasterKeys } from '../support/testService';
import { as, bodyOf, expectProblem, must, setWorkspaceSecret, workspaceWith } from '../support/workspaces';

const DAY = 24 * 60 * 60 * 1000;
const alice = as('alice');

/**
 * DELETED_RETENTION_DAYS (DESIGN §9), with an injected clock across restarts: lifetimes that
 * ended in a deletion long enough ago are destroyed by the projector's instance as `system`,
 * once, whatever the number of restarts; a deletion made before the upgrade counts from it.
 */
describe('The retention of deleted secrets', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const masterKeys = testMasterKeys();
  let now = Date.parse('2026-01-01T00:00:00.000Z');
  const at = (dir: string, retentionDays: number) => startTestApp(dir, { masterKeys, clock: () => new Date(now), settings: { deletedRetentionDays: retentionDays } });

  it('destroys deleted and replaced lifetimes once their retention has passed, as system, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'retention-'));
    dirs.push(dir);
    const first = await at(dir, 30);
    const ws = await workspaceWith(first.call, 'alice', {});
    const url = (key: string, action = '') => `/v1/workspaces/${ws}/secrets/${key}${action}`;
    await setWorkspaceSecret(first.call, ws, 'alice', 'GONE', 'gone-1');
    await must(first.call, 'DELETE', url('GONE'), alice);
    await setWorkspaceSecret(first.call, ws, 'alice', 'BACK', 'back-1');
    await must(first.call, 'DELETE', url('BACK'), alice);
    await setWorkspaceSecret(first.call, ws, 'alice', 'BACK', 'back-2');
    await first.close();

    now += 29 * DAY;
    const early = await at(dir, 30);
    expect(bodyOf<{ value: string }>(await early.call('POST', url('GONE', '/reveal'), { ...alice, body: { version: 1 } })).value).toBe('gone-1');
    await early.close();

    now += 2 * DAY;
    const due = await at(dir, 30);
    expectProblem(await due.call('POST', url('GONE', '/reveal'), { ...alice, body: { version: 1 } }), 410, 'destroyed');
    expectProblem(await due.call('POST', url('BACK', '/reveal'), { ...alice, body: { version: 1 } }), 410, 'destroyed');
    expect(bodyOf<{ value: string }>(await due.call('POST', url('BACK', '/reveal'), alice)).value).toBe('back-2');
    expect((await must<{ deleted: unknown[] }>(due.call, 'GET', `/v1/workspaces/${ws}/secrets?deleted=true`, alice)).deleted).toEqual([]);
    const audit = await must<{ entries: Array<{ actor: string; key: string }> }>(due.call, 'GET', `/v1/workspaces/${ws}/audit?type=SecretDestroyed`, alice);
    expect(audit.entries.map((e) => [e.key, e.actor]).sort()).toEqual([['BACK', 'system'], ['GONE', 'system']]);
    await due.close();

    now += DAY;
    const again = await at(dir, 30);
    const audited = await must<{ entries: unknown[] }>(again.call, 'GET', `/v1/workspaces/${ws}/audit?type=SecretDestroyed`, alice);
    expect(audited.entries).toHaveLength(2);
  });

  it('counts a deletion made before the upgrade from the upgrade', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'retention-upgrade-'));
    dirs.push(dir);
    const before = await at(dir, 0);
    const ws = await workspaceWith(before.call, 'alice', {});
    await setWorkspaceSecret(before.call, ws, 'alice', 'OLD', 'old');
    await must(before.call, 'DELETE', `/v1/workspaces/${ws}/secrets/OLD`, alice);
    await before.close();

    now += 100 * DAY;
    const upgraded = await at(dir, 30);
    expect((await must<{ deleted: unknown[] }>(upgraded.call, 'GET', `/v1/workspaces/${ws}/secrets?deleted=true`, alice)).deleted).toHaveLength(1);
    await upgraded.close();

    now += 31 * DAY;
    const later = await at(dir, 30);
    expect((await must<{ deleted: unknown[] }>(later.call, 'GET', `/v1/workspaces/${ws}/secrets?deleted=true`, alice)).deleted).toEqual([]);
  });

  it('destroys every secret of a workspace deleted past its retention; its audit stays with its former admins', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'retention-workspace-'));
    dirs.push(dir);
    const first = await at(dir, 30);
    const ws = await workspaceWith(first.call, 'alice', {});
    await setWorkspaceSecret(first.call, ws, 'alice', 'A', 'a');
    await setWorkspaceSecret(first.call, ws, 'alice', 'B', 'b');
    await must(first.call, 'DELETE', `/v1/workspaces/${ws}`, { ...alice, body: { confirm: 'Acme' } });
    await first.close();

    now += 31 * DAY;
    const later = await at(dir, 30);
    const audit = await must<{ entries: Array<{ actor: string; key: string }> }>(later.call, 'GET', `/v1/workspaces/${ws}/audit?type=SecretDestroyed`, alice);
    expect(audit.entries.map((e) => [e.key, e.actor]).sort()).toEqual([['A', 'system'], ['B', 'system']]);
    expectProblem(await later.call('POST', `/v1/workspaces/${ws}/undelete`, alice), 409);
  });
});
