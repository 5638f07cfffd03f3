import { loadSodium } from '../../src/crypto/sodium';
import { SEALS_STREAM } from '../../src/events/streams';
import { chainEvents, EMPTY_CHAIN, type ChainHead } from '../../src/proof/chain';
import { Sealer } from '../../src/proof/sealer';
import { parseSigningKey } from '../../src/proof/signingKey';
import type { EventStore } from '../../src/stores/eventStore.port';
import { openDatabase } from '../../src/stores/sqlite/database';
import { SqliteEventStore } from '../../src/stores/sqlite/sqlite.eventStore';
import { SqliteFollowerCheckpoints } from '../../src/stores/sqlite/sqlite.followerCheckpoints';
import { TEST_SIGNING_KEY } from './proofSupport';

/** A log sealed by a sealer of its own, in memory: what the tests of the seals stream read. */
export const clock = () => new Date('2026-11-30T12:00:00.000Z');
export const quiet = { info: () => {}, error: () => {} };
export const sodium = await loadSodium();
export const key = parseSigningKey(TEST_SIGNING_KEY, sodium);

/** A log, the followers' states, and a way to move streams and seal them. */
export function setup() {
  const db = openDatabase(':memory:', { durable: false });
  const store = new SqliteEventStore(db);
  const states = new SqliteFollowerCheckpoints(openDatabase(':memory:', { durable: false }));
  const heads = new Map<string, ChainHead>();
  const move = async (...streams: string[]) => {
    for (const stream of streams) {
      const head = heads.get(stream) ?? EMPTY_CHAIN;
      const chained = chainEvents(stream, head, [{ type: 'Something', data: { n: head.revision }, metadata: { actor: 'alice', at: clock().toISOString(), schemaVersion: 1 as const } }]);
      await store.append(stream, chained.events, { expectedRevision: head.revision });
      heads.set(stream, chained.head);
    }
  };
  /** A sealer that seals `rounds` times, each after moving a few streams, then stops (which saves its snapshot when given the states). */
  const sealRounds = async (rounds: number, withStates = true, signingKey = key) => {
    const sealer = new Sealer(store, sodium, signingKey, { intervalMs: 3_600_000, clock, log: quiet, ...(withStates ? { states } : {}) });
    await sealer.run();
    for (let round = 0; round < rounds; round += 1) {
      await move(`workspace-ws_${round % 7}`, `workspaceRecords-ws_${round % 3}.main`, `personalRecords-𝔘${round % 2}.main`);
      await sealer.sealUpTo(await store.headPosition());
    }
    await sealer.stop();
  };
  return { db, store, states, move, sealRounds };
}

/** The store, noting where each read of the seals stream by pages started (reads of one event, which a snapshot's checks make, left out). */
export function countingReads(store: EventStore) {
  const starts: number[] = [];
  const counted: Pick<EventStore, 'readStream' | 'readStreamBackwards' | 'readLast' | 'readAll' | 'append'> = {
    readStream: (stream, after, limit) => {
      if (stream === SEALS_STREAM && limit !== 1) starts.push(after ?? 0);
      return store.readStream(stream, after, limit);
    },
    readStreamBackwards: (stream, before, limit) => store.readStreamBackwards(stream, before, limit),
    readLast: (stream) => store.readLast(stream),
    readAll: (after, limit) => store.readAll(after, limit),
    append: (stream, events, options) => store.append(stream, events, options),
  };
  return { counted, starts };
}
