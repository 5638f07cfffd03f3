import { describe, expect, it, vi } from 'vitest';
import { SEALS_STREAM } from '../../src/events/streams';
import { chainEvents } from '../../src/proof/chain';
import { SealHistory } from '../../src/proof/sealHistory';
import { Sealer } from '../../src/proof/sealer';
import { parseSealSnapshot, SEALER_STATE, sealSnapshotPieces, type SealSnapshot } from '../../src/proof/sealSnapshot';
import { newSigningKeyText, parseSigningKey } from '../../src/proof/signingKey';
import type { EventStore } from '../../src/stores/eventStore.port';
import { SqliteFollowerCheckpoints } from '../../src/stores/sqlite/sqlite.followerCheckpoints';
import { clock, countingReads, key, quiet, setup, sodium } from './sealedLog';

async function replayed(store: EventStore, states?: SqliteFollowerCheckpoints) {
  const history = new SealHistory(store, sodium, states);
  await history.refresh();
  return history;
}

/** A first refresh whose first read that `fails` picks fails, as a transient error would: it rejects, and the next refresh holds what a whole replay holds. */
async function expectStartsOverAfterAFailedRead(store: EventStore, states: SqliteFollowerCheckpoints, fails: (limit: number | undefined) => boolean) {
  let failed = false;
  const flaky: Pick<EventStore, 'readStream' | 'append'> = {
    readStream: (stream, after, limit) => {
      if (failed || !fails(limit)) return store.readStream(stream, after, limit);
      failed = true;
      return Promise.reject(new Error('transient'));
    },
    append: (stream, events, options) => store.append(stream, events, options),
  };
  const history = new SealHistory(flaky as EventStore, sodium, states);
  await expect(history.refresh()).rejects.toThrow('transient');
  await history.refresh();
  sameAs(history, await replayed(store));
}

/** A start that passes the snapshot over: it reads the seals stream from the first, to what a whole replay holds. */
async function expectReadWhole(store: EventStore, states: SqliteFollowerCheckpoints, whole: SealHistory) {
  const { counted, starts } = countingReads(store);
  const history = new SealHistory(counted as EventStore, sodium, states);
  await history.refresh();
  sameAs(history, whole);
  expect(starts).toContain(0);
}

/** A snapshot's text as the sealer writes it, of anything a test forges (lines of `headsPerLine` heads). */
const pieces = (forged: unknown, headsPerLine?: number) => sealSnapshotPieces(forged as SealSnapshot, headsPerLine);

function sameAs(history: SealHistory, whole: SealHistory) {
  expect(history.problem).toBeNull();
  expect(history.tree.root()).toBe(whole.tree.root());
  expect(history.tree.size).toBe(whole.tree.size);
  expect(history.last).toEqual(whole.last);
  expect(history.keys()).toEqual(whole.keys());
  expect(history.revision).toBe(whole.revision);
}

describe('the seals snapshot (a start reads only the seals after it)', () => {
  it('is saved by a sealer that stops, and a start from it reads on from there to what a whole replay holds', async () => {
    const { store, states, sealRounds } = setup();
    await sealRounds(5);
    const saved = (await parseSealSnapshot(await states.getState(SEALER_STATE)));
    expect(saved).not.toBeNull();
    expect(saved!.revision).toBe(6); // the key's introduction and five seals
    await sealRounds(3, false);

    const { counted, starts } = countingReads(store);
    const history = new SealHistory(counted as EventStore, sodium, states);
    await history.refresh();
    sameAs(history, await replayed(store));
    // Everything after the newest seal the snapshot names.
    expect(starts).toEqual([saved!.newestAt]);
    expect(history.eventsSinceSnapshot).toBe(3);
  });

  it('lets a sealer started from it go on sealing in the same chain, and each stop moves it on', async () => {
    const { store, states, sealRounds } = setup();
    await sealRounds(4);
    await sealRounds(2);
    expect((await parseSealSnapshot(await states.getState(SEALER_STATE)))!.revision).toBe(7);
    const whole = await replayed(store);
    expect(whole.problem).toBeNull();
    expect(whole.last!.sequence).toBe(6);
    sameAs(await replayed(store, states), whole);
  });

  it('is saved while the sealer runs, once every 1,000 events of the seals stream', async () => {
    const { store, states, move } = setup();
    const sealer = new Sealer(store, sodium, key, { intervalMs: 3_600_000, clock, log: quiet, states });
    await sealer.run();
    for (let seal = 1; seal <= 1000; seal += 1) {
      await move(`workspaceRecords-ws_${seal % 50}.main`);
      await sealer.sealUpTo(await store.headPosition());
      if (seal === 998) expect(await states.getState(SEALER_STATE)).toBeNull();
    }
    // The key's introduction and 999 seals make 1,000.
    expect((await parseSealSnapshot(await states.getState(SEALER_STATE)))!.revision).toBe(1000);
    await sealer.stop();
    expect((await parseSealSnapshot(await states.getState(SEALER_STATE)))!.revision).toBe(1001);
  });

  it('is replaced by a whole replay when its heads do not make the newest seal, and reports nothing the stream does not hold', async () => {
    const { store, states, sealRounds } = setup();
    await sealRounds(3);
    const saved = (await parseSealSnapshot(await states.getState(SEALER_STATE)))!;
    await states.saveState(SEALER_STATE, await pieces({ ...saved, heads: saved.heads.map(([s, r]) => [s, r, 'f'.repeat(64)]) }));

    await expectReadWhole(store, states, await replayed(store));
  });

  it('is passed over when its last event is not in the log as it saw it, or when it is not a snapshot', async () => {
    const { store, states, sealRounds } = setup();
    await sealRounds(2);
    const saved = (await parseSealSnapshot(await states.getState(SEALER_STATE)))!;
    const whole = await replayed(store);
    // Version 1, an earlier version's: one JSON object.
    const earlier = [JSON.stringify({ v: 1, ...saved })];
    for (const state of [await pieces({ ...saved, hash: 'a'.repeat(64) }), await pieces({ ...saved, revision: saved.revision + 5 }), earlier, ['{"v":2}'], ['not json']]) {
      await states.saveState(SEALER_STATE, state);
      await expectReadWhole(store, states, whole);
    }
  });

  it('takes the newest seal from the log, not from itself: a forged newest seal is found as by a whole replay', async () => {
    const { db, store, states, sealRounds } = setup();
    await sealRounds(3);
    db.prepare(`UPDATE events SET data = json_set(data, '$.seal.root', ?) WHERE position = (SELECT MAX(position) FROM events WHERE stream_id = 'seals')`).run('f'.repeat(64));
    const fromSnapshot = await replayed(store, states);
    expect(fromSnapshot.problem).toMatch(/seal 3/);
    expect(fromSnapshot.problem).toBe((await replayed(store)).problem);
  });

  it('cannot hide seals: naming an older seal as the newest, or none, reads on to the real newest', async () => {
    const { store, states, sealRounds } = setup();
    await sealRounds(5);
    const saved = (await parseSealSnapshot(await states.getState(SEALER_STATE)))!;
    const whole = await replayed(store);
    // Seal 3 held at revision 4 (the key's introduction is revision 1), with the tree as it stood then.
    const at = (await SealHistory.at(store, sodium, 3))!;
    expect(at.revision).toBe(4);
    const atThree = at.tree;
    const headsAtThree = Array.from({ length: atThree.size }, (_, i) => atThree.leafAt(i)).map((h) => [h.stream, h.revision, h.hash]);
    for (const forged of [{ ...saved, newestAt: 4, heads: headsAtThree }, { ...saved, newestAt: null }]) {
      await states.saveState(SEALER_STATE, await pieces(forged));
      const history = await replayed(store, states);
      sameAs(history, whole);
      expect(history.last!.sequence).toBe(5);
    }
  });

  it("keeps the keys as a whole replay has them across a rotation (the old key valid until the new one's first seal)", async () => {
    const { store, states, sealRounds } = setup();
    await sealRounds(2);
    await sealRounds(2, true, parseSigningKey(newSigningKeyText('rotated'), sodium));
    const whole = await replayed(store);
    expect(whole.keys().map((k) => [k.keyId, k.validUntil === null])).toEqual([
      ['test-seals', false],
      ['rotated', true],
    ]);
    sameAs(await replayed(store, states), whole);

    // A key the newest seal does not use, named at the other key's introduction, or its hand-over
    // moved to a seal that hands over nothing: the start checks each against the log and reads
    // the whole stream instead.
    const saved = (await parseSealSnapshot(await states.getState(SEALER_STATE)))!;
    const [old, rotated] = saved.keys;
    for (const keys of [
      [{ ...old!, introducedAt: rotated!.introducedAt }, rotated],
      [{ ...old!, endedAt: saved.newestAt }, rotated],
      [{ ...old!, endedAt: old!.introducedAt }, rotated],
    ]) {
      await states.saveState(SEALER_STATE, await pieces({ ...saved, keys }));
      await expectReadWhole(store, states, whole);
    }
  });

  it('starts over at the next refresh after a read fails', async () => {
    const { store, states, sealRounds } = setup();
    await sealRounds(3);
    await expectStartsOverAfterAFailedRead(store, states, () => true);
  });

  it('starts over, snapshot and all, after a read fails once it has begun from a snapshot that does not hold', async () => {
    const { store, states, sealRounds } = setup();
    await sealRounds(3);
    const saved = (await parseSealSnapshot(await states.getState(SEALER_STATE)))!;
    await states.saveState(SEALER_STATE, await pieces({ ...saved, newestAt: 3, heads: saved.heads.map(([s, r]) => [s, r, 'e'.repeat(64)]) }));
    // The first read of a page (after the snapshot's checks, which read one event at a time) fails.
    await expectStartsOverAfterAFailedRead(store, states, (limit) => limit !== 1);
  });

  it('is refused when its heads are out of order, name a stream twice or badly formed, or it names a key twice', async () => {
    const { states, sealRounds } = setup();
    await sealRounds(3);
    const saved = (await parseSealSnapshot(await states.getState(SEALER_STATE)))!;
    const [first, second] = saved.heads;
    for (const forged of [
      { ...saved, heads: [second, first, ...saved.heads.slice(2)] },
      { ...saved, heads: [first, first, ...saved.heads.slice(1)] },
      { ...saved, heads: [['\ud800', 1, first![2]], ...saved.heads] },
      { ...saved, keys: [...saved.keys, saved.keys[0]] },
    ]) {
      expect(await parseSealSnapshot(await pieces(forged))).toBeNull();
    }
    expect(await parseSealSnapshot(await pieces(saved))).toEqual(saved);
  });

  it('is read a line of heads at a time: order is kept across lines, and every head the header counts must be there', async () => {
    const { states, sealRounds, move } = setup();
    for (let stream = 0; stream < 5; stream += 1) await move(`workspaceRecords-ws_${stream}.main`);
    await sealRounds(1);
    const saved = (await parseSealSnapshot(await states.getState(SEALER_STATE)))!;
    expect(saved.heads.length).toBeGreaterThanOrEqual(5);
    const oneALine = await pieces(saved, 1);
    expect(oneALine).toHaveLength(1 + saved.heads.length);
    expect(await parseSealSnapshot(oneALine)).toEqual(saved);
    // The same text cut anywhere, as a store may keep it.
    expect(await parseSealSnapshot(oneALine.join('').match(/[^]{1,50}/g)!)).toEqual(saved);
    const [first, second, ...rest] = saved.heads;
    expect(await parseSealSnapshot(await pieces({ ...saved, heads: [second, first, ...rest] }, 1))).toBeNull();
    expect(await parseSealSnapshot(oneALine.slice(0, -1))).toBeNull();
    // An earlier version's snapshot, one JSON of every head, is refused without being parsed.
    const parse = vi.spyOn(JSON, 'parse');
    expect(await parseSealSnapshot([JSON.stringify({ v: 1, ...saved })])).toBeNull();
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expect(await parseSealSnapshot([...oneALine.slice(0, -1), `${oneALine.at(-1)}\n`, JSON.stringify([['zzz', 1, 'a'.repeat(64)]])])).toBeNull();
  });

  it('never hides an inconsistency in the seals after it', async () => {
    const { store, states, sealRounds } = setup();
    await sealRounds(2);
    // A seal appended out of sequence after the snapshot (as someone writing to the log would).
    const history = await replayed(store, states);
    const last = history.last!;
    const forged = { ...last, sequence: last.sequence + 5 };
    const head = { revision: history.revision, hash: (await store.readLast(SEALS_STREAM))!.metadata.hash as string };
    const chained = chainEvents(SEALS_STREAM, head, [{ type: 'Sealed', data: { seal: forged, heads: [] }, metadata: { actor: 'sealer', at: clock().toISOString(), schemaVersion: 1 as const } }]);
    await store.append(SEALS_STREAM, chained.events, { expectedRevision: head.revision });

    const fromSnapshot = await replayed(store, states);
    expect(fromSnapshot.problem).toMatch(/comes where seal 3 belongs/);
    expect(fromSnapshot.problem).toBe((await replayed(store)).problem);
  });
});
