import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { SqliteEventStore } from '../../src/stores/sqlite/sqlite.eventStore';
import { SqliteFollowerCheckpoints } from '../../src/stores/sqlite/sqlite.followerCheckpoints';
import { openDatabase } from '../../src/stores/sqlite/database';
import { startTestApp, testMasterKeys } from '../support/testService';
import { as, createWorkspace, must } from '../support/workspaces';

/** Keys a batch sets: twelve batches of them make a scope's stream 1,200 events long, a snapshot due at 1,000. */
const KEYS = Array.from({ length: 100 }, (_, i) => `KEY_${i}`);

describe('A scope’s state after a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'snapshots-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vi.restoreAllMocks());

  it('starts from the snapshot its stream left, and commands decide on it as on the whole stream', async () => {
    const masterKeys = testMasterKeys();
    const first = await startTestApp(dir, { masterKeys });
    const ws = await createWorkspace(first.call, 'alice');
    for (let round = 1; round <= 12; round += 1) {
      await must(first.call, 'PATCH', `/v1/workspaces/${ws}/secrets`, { ...as('alice'), body: { set: Object.fromEntries(KEYS.map((key) => [key, `value-${round}-of-${key}`])) } });
    }
    await first.close();
    const views = openDatabase(join(dir, 'views.sqlite'), { durable: false });
    expect((await new SqliteFollowerCheckpoints(views).getState(`state:workspaceSecrets-${ws}`))?.join('')).toMatch(/"revision":1000,/);
    views.close();

    const reads = vi.spyOn(SqliteEventStore.prototype, 'readStream');
    const second = await startTestApp(dir, { masterKeys });
    const put = await must<{ version: number; revision: number }>(second.call, 'PUT', `/v1/workspaces/${ws}/secrets/KEY_7`, { ...as('alice'), body: { value: 'value-13' } });

    expect(put.version).toBe(13);
    // The state knows every key live: a batch deleting them all is decided on it, an event each.
    const deleted = await must<{ revision: number }>(second.call, 'PATCH', `/v1/workspaces/${ws}/secrets`, { ...as('alice'), body: { delete: KEYS } });
    expect(deleted.revision).toBe(put.revision + KEYS.length);
    const fromRevisions = reads.mock.calls.filter(([stream]) => stream === `workspaceSecrets-${ws}`).map(([, after]) => after);
    expect(fromRevisions.length).toBeGreaterThan(0);
    expect(fromRevisions.every((after) => after !== undefined && after >= 999)).toBe(true);
  });

  it('makes a principal whose loads of scopes not held cost more than their budget wait, and nobody else', async () => {
    const masterKeys = testMasterKeys();
    const own = mkdtempSync(join(tmpdir(), 'load-budget-'));
    try {
      const first = await startTestApp(own, { masterKeys });
      const [ws1, ws2, ws3] = [await createWorkspace(first.call, 'alice'), await createWorkspace(first.call, 'alice'), await createWorkspace(first.call, 'bob')];
      for (const [ws, user] of [[ws1, 'alice'], [ws2, 'alice'], [ws3, 'bob']] as const) {
        await must(first.call, 'PATCH', `/v1/workspaces/${ws}/secrets`, { ...as(user), body: { set: Object.fromEntries(KEYS.map((key) => [key, 'a-value'])) } });
      }
      await first.close();

      // Each workspace's secrets stream holds 200 events: the first command on one costs more than 150.
      const second = await startTestApp(own, { masterKeys, settings: { loadEventsPerMinute: 150 } });
      const put = (ws: string, user: string) => second.call('PUT', `/v1/workspaces/${ws}/secrets/KEY_1`, { ...as(user), body: { value: 'another-value' } });
      expect((await put(ws1, 'alice')).status).toBe(200);
      const refused = await put(ws2, 'alice');
      expect(refused.status, refused.text).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // A reveal loads the scope's states too, and pays for them the same way.
      const reveal = await second.call('POST', `/v1/workspaces/${ws2}/secrets/KEY_1/reveal`, { ...as('alice'), body: {} });
      expect(reveal.status, reveal.text).toBe(429);
      expect((await put(ws1, 'alice')).status).toBe(200);
      expect((await put(ws3, 'bob')).status).toBe(200);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});
