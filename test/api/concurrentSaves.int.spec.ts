import type { AppendTicket } from '../../src/stores/eventStore.port';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectClient, type Client } from '../support/client';
import { startTestApp, token, type TestApp } from '../support/testService';

describe('Concurrent saves to one scope without If-Match', () => {
  let t: TestApp;
  let call: Client;
  const alice = token('alice');
  beforeAll(async () => {
    t = await startTestApp();
    call = injectClient(t.app);
  });
  afterAll(() => t.close());

  it('all land, queued per stream in the process: not one append conflicts', async () => {
    const ws = ((await call('POST', '/v1/workspaces', { token: alice, body: { name: 'Busy' } })).body as { id: string }).id;
    const store = t.stores.eventStore;
    const append = store.append.bind(store);
    let conflicts = 0;
    // As over a network (EventStoreDB): the append takes a while, so commands interleave.
    store.append = (...args) =>
      (async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        try {
          return await append(...args);
        } catch (error) {
          conflicts += 1;
          throw error;
        }
      })() as AppendTicket;
    const saves = await Promise.all(
      Array.from({ length: 60 }, (_, i) => call('PATCH', `/v1/workspaces/${ws}/secrets`, { token: alice, body: { set: { [`K${i % 7}`]: `v${i}` } } })),
    );
    expect(saves.map((s) => s.status)).toEqual(saves.map(() => 200));
    const revisions = saves.map((s) => (s.body as { revision: number }).revision).sort((a, b) => a - b);
    expect(new Set(revisions).size).toBe(60);
    expect(conflicts).toBe(0);
  });
});
