import { describe, expect, it } from 'vitest';
import { chainEvents, EMPTY_CHAIN } from '../../src/proof/chain';
import { openDatabase } from '../../src/stores/sqlite/database';
import { SqliteEventStore } from '../../src/stores/sqlite/sqlite.eventStore';
import { eventsBackwardsOf, eventsOf } from '../../src/stores/streamPages';
import { countTurns } from '../support/eventLoopTurns';

/** A store whose stream `seals` holds 2,500 events. */
async function storeOf2500(): Promise<SqliteEventStore> {
  const store = new SqliteEventStore(openDatabase(':memory:', { durable: false }));
  const events = Array.from({ length: 2500 }, (_, n) => ({ type: 'Something', data: { n }, metadata: { actor: 'alice', at: '2026-11-30T12:00:00.000Z', schemaVersion: 1 as const } }));
  await store.append('seals', chainEvents('seals', EMPTY_CHAIN, events).events, { expectedRevision: 0 });
  return store;
}

describe('eventsOf (a stream read a page at a time)', () => {
  it('reads every event after the revision given, in order, and lets the event loop turn between pages', async () => {
    const store = await storeOf2500();

    const loop = countTurns();
    const revisions: number[] = [];
    const turnsAtPage: number[] = [];
    for await (const event of eventsOf(store, 'seals', 200)) {
      if (event.revision % 1000 === 201) turnsAtPage.push(loop.turns);
      revisions.push(event.revision);
    }
    loop.stop();
    expect(revisions).toEqual(Array.from({ length: 2300 }, (_, i) => i + 201));
    // Pages start at revisions 201, 1201 and 2201: the loop turned before each but the first.
    expect(turnsAtPage[1]).toBeGreaterThan(turnsAtPage[0]!);
    expect(turnsAtPage[2]).toBeGreaterThan(turnsAtPage[1]!);
  });
});

describe('eventsBackwardsOf (a stream read from its last, a page at a time)', () => {
  it('reads every event newest first, and lets the event loop turn between pages', async () => {
    const store = await storeOf2500();
    const loop = countTurns();
    const revisions: number[] = [];
    const turnsAtPage: number[] = [];
    for await (const event of eventsBackwardsOf(store, 'seals')) {
      if (event.revision % 1000 === 500) turnsAtPage.push(loop.turns);
      revisions.push(event.revision);
    }
    loop.stop();
    expect(revisions).toEqual(Array.from({ length: 2500 }, (_, i) => 2500 - i));
    // Pages start at revisions 2500, 1500 and 500: the loop turned before each but the first.
    expect(turnsAtPage[1]).toBeGreaterThan(turnsAtPage[0]!);
    expect(turnsAtPage[2]).toBeGreaterThan(turnsAtPage[1]!);
  });
});
