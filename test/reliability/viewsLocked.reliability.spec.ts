import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../support/serverProcess';
import { as, bodyOf, createWorkspace } from '../support/workspaces';

/** SQLite's busy timeout on the views (src/stores/sqlite/database.ts): the lock is held longer. */
const BUSY_TIMEOUT_MS = 5000;

describe('Views locked by another writer past the busy timeout (a long rebuild swapping its tables in)', () => {
  it('the projector logs the failure, follows again once the lock is gone, and the service is ready again', async () => {
    const server = await startServer();
    const views = new Database(join(server.dataDir, 'views.sqlite'));
    try {
      const ws = await createWorkspace(server.call, 'alice');
      views.exec('BEGIN IMMEDIATE');
      const saved = await server.call('PUT', `/v1/workspaces/${ws}/secrets/LOCKED`, { ...as('alice'), body: { value: 'while locked' } });
      // Durable in the log; the views cannot show it yet (the answer says so, or it waited in vain).
      expect([200, 201, 202, 503]).toContain(saved.status);
      await new Promise((resolve) => setTimeout(resolve, BUSY_TIMEOUT_MS + 1000));
      expect(server.output()).toContain('the projector failed to apply events');
      views.exec('ROLLBACK');

      const deadline = Date.now() + 10_000;
      let listed: string[] = [];
      while (Date.now() < deadline && !listed.includes('LOCKED')) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const list = await server.call('GET', `/v1/workspaces/${ws}/secrets`, as('alice'));
        listed = bodyOf<{ secrets: { key: string }[] }>(list).secrets.map((s) => s.key);
      }
      expect(listed).toContain('LOCKED');
      // Ready as soon as the views show it: the lag measured while they were locked is measured
      // again as they catch up, not left for the monitor's next round a second later.
      expect((await server.call('GET', '/readyz')).status).toBe(200);
    } finally {
      views.close();
      await server.stop();
      rmSync(server.dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
