import type { AppendTicket } from '../../src/stores/eventStore.port';
import { describe, expect, it } from 'vitest';
import { token, useTestApp } from '../support/testService';
import { createWorkspace } from '../support/workspaces';

describe('Concurrent saves to one scope without If-Match', () => {
  const t = useTestApp();
  const call = t.call;
  const alice = token('alice');

  it('all land, queued per stream in the process: not one append conflicts', async () => {
    const ws = await createWorkspace(call, 'alice', 'Busy');
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
