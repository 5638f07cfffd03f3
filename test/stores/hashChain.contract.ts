import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordWriter } from '../../src/commands/recordWriter';
import { StreamCommands } from '../../src/commands/streamCommands';
import { StreamStates } from '../../src/commands/streamStates';
import { workspaceDecider } from '../../src/commands/workspace.decider';
import { recordStreamId, streamIds } from '../../src/events/streams';
import { chainEvents, EMPTY_CHAIN } from '../../src/proof/chain';
import { StreamChainCheck } from '../../src/proof/streamChain';
import type { EventStore } from '../../src/stores/eventStore.port';
import { created, invite } from '../commands/workspace.fixtures';
import { newEvent } from './contractSupport';

/** Every event of the stream, checked link by link: `prev` is the stored hash before it, `hash` its own. */
async function expectUnbrokenChain(store: EventStore, stream: string): Promise<number> {
  const events = await store.readStream(stream);
  const check = new StreamChainCheck(stream);
  const breaks = events.flatMap((event) => check.add(event));
  expect(breaks).toEqual([]);
  events.forEach((event, i) => expect(event.metadata.prev).toBe(i === 0 ? '0'.repeat(64) : events[i - 1]!.metadata.hash));
  return events.length;
}

/**
 * The hash chain of DESIGN §8 holds on every backend, whatever the timing: commands pipelined
 * on one stream, two writers (two processes) racing on it, records written in group commits by
 * two writers that were given one instance id.
 */
export function hashChainContract(name: string, makeStore: () => Promise<EventStore>, cleanup?: () => Promise<void>): void {
  describe(`Hash chain: ${name}`, () => {
    if (cleanup) afterEach(cleanup);
    it('links every event to the stored hash before it under pipelined and concurrent commands', async () => {
      const store = await makeStore();
      try {
        const ws = randomBytes(6).toString('hex');
        const stream = streamIds.workspace(ws);
        const creation = { ...created(), data: { ...created().data, workspaceId: ws } };
        await store.append(stream, chainEvents(stream, EMPTY_CHAIN, [creation]).events, { expectedRevision: 0 });
        // Two writers, as two processes would be: each pipelines its own commands and retries on the other's.
        const writers = [0, 1].map(() => new StreamCommands(store, new StreamStates(store), 'workspace', workspaceDecider));
        const commands = writers.flatMap((writer, w) =>
          Array.from({ length: 12 }, (_, i) =>
            writer.execute(ws, ({ state }) => workspaceDecider.decide(invite('alice', `u${w}-${i}@example.com`, 'read', `inv_${w}_${i}`), state)),
          ),
        );
        const results = await Promise.allSettled(commands);
        expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThan(12);
        expect(await expectUnbrokenChain(store, stream)).toBeGreaterThan(13);
      } finally {
        await store.close();
      }
    });

    it('links records written in group commits, by two writers given one instance id', async () => {
      const store = await makeStore();
      try {
        const owner = randomBytes(6).toString('hex');
        const writers = [new RecordWriter(store, 'contract'), new RecordWriter(store, 'contract')];
        const writes = Array.from({ length: 40 }, (_, i) => writers[i % 2]!.record('workspaceRecords', owner, [newEvent('Recorded', { i })]));
        await Promise.all(writes);
        expect(await expectUnbrokenChain(store, recordStreamId('workspaceRecords', 'contract', owner))).toBe(40);
      } finally {
        await store.close();
      }
    });
  });
}
