import { afterEach, describe, expect, it } from 'vitest';
import { LastEventKept, ParentAppendFailed, WrongExpectedRevision, type EventStore } from '../../src/stores/eventStore.port';
import { comparePositions } from '../../src/stores/position';
import { followContract } from './eventStore.follow.contract';
import {
  expectStrictlyIncreasing,
  freshStream,
  identity,
  newEvent,
  readToEnd,
  rejectionOf,
} from './contractSupport';

/**
 * The EventStore port's contract, for every adapter. `makeStore` may hand back a store whose log
 * already holds events (a shared EventStoreDB): every test writes to fresh stream ids and reads
 * the global log relative to the head it found. It does assume that nothing else appends to the
 * store while one of its tests runs. Stores are closed after each test, then `cleanup` runs.
 */
export function eventStoreContract(
  name: string,
  makeStore: () => Promise<EventStore>,
  cleanup?: () => Promise<void>,
): void {
  describe(`EventStore contract: ${name}`, () => {
    const opened: EventStore[] = [];
    const open = async () => {
      const store = await makeStore();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
      await cleanup?.();
    });

    describe('append and readStream', () => {
      it('appends to a new stream expecting revision 0 and reads the event back as written', async () => {
        const store = await open();
        const stream = freshStream();
        const data = { key: 'API_KEY', nested: { list: [1, 'two', null, true] }, text: 'héllo ✓' };
        const result = await store.append(stream, [newEvent('SecretSet', data)], { expectedRevision: 0 });
        expect(result.revision).toBe(1);
        const read = await store.readStream(stream);
        expect(read).toEqual([{ ...newEvent('SecretSet', data), streamId: stream, revision: 1, position: result.position }]);
      });

      it('refuses a wrong expected revision, naming the actual one, and writes nothing', async () => {
        const store = await open();
        const stream = freshStream();
        const onNew = await rejectionOf(store.append(stream, [newEvent('A')], { expectedRevision: 1 }));
        expect(onNew).toBeInstanceOf(WrongExpectedRevision);
        expect(onNew).toMatchObject({ streamId: stream, expected: 1, actual: 0 });
        expect(await store.readStream(stream)).toEqual([]);

        await store.append(stream, [newEvent('A'), newEvent('B')], { expectedRevision: 0 });
        const head = await store.headPosition();
        for (const expected of [0, 1, 3]) {
          const error = await rejectionOf(store.append(stream, [newEvent('C'), newEvent('D')], { expectedRevision: expected }));
          expect(error).toBeInstanceOf(WrongExpectedRevision);
          expect(error).toMatchObject({ streamId: stream, expected, actual: 2 });
        }
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B']);
        expect(await store.headPosition()).toBe(head);
        expect(await store.readAll(head, 10)).toEqual([]);
        expect((await store.append(stream, [newEvent('C')], { expectedRevision: 2 })).revision).toBe(3);
      });

      it('appends several events atomically; revisions count the events from 1', async () => {
        const store = await open();
        const stream = freshStream();
        const first = await store.append(stream, [newEvent('A'), newEvent('B'), newEvent('C')], { expectedRevision: 0 });
        expect(first.revision).toBe(3);
        const second = await store.append(stream, [newEvent('D'), newEvent('E')], { expectedRevision: 3 });
        expect(second.revision).toBe(5);
        const read = await store.readStream(stream);
        expect(read.map((e) => [e.revision, e.type])).toEqual([[1, 'A'], [2, 'B'], [3, 'C'], [4, 'D'], [5, 'E']]);
        expectStrictlyIncreasing(read.map((e) => e.position));
        expect(read[2]!.position).toBe(first.position);
        expect(read[4]!.position).toBe(second.position);
        expect((await store.readStream(stream, 1, 2)).map((e) => e.revision)).toEqual([2, 3]);
        expect((await store.readStream(stream, 4, 10)).map((e) => e.revision)).toEqual([5]);
      });

      it('writes none of the events of an append that fails part-way', async () => {
        const store = await open();
        const stream = freshStream();
        await store.append(stream, [newEvent('A')], { expectedRevision: 0 });
        const head = await store.headPosition();
        const circular: Record<string, unknown> = {};
        circular.self = circular;
        await rejectionOf(store.append(stream, [newEvent('B'), newEvent('C', circular)], { expectedRevision: 1 }));
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A']);
        expect(await store.headPosition()).toBe(head);
        expect((await store.append(stream, [newEvent('B')], { expectedRevision: 1 })).revision).toBe(2);
      });

      it('lets exactly one of two concurrent appends at the same revision through', async () => {
        const store = await open();
        const stream = freshStream();
        const results = await Promise.allSettled([
          store.append(stream, [newEvent('First')], { expectedRevision: 0 }),
          store.append(stream, [newEvent('Second')], { expectedRevision: 0 }),
        ]);
        const rejected = results.filter((r) => r.status === 'rejected');
        expect(rejected).toHaveLength(1);
        expect(rejected[0]!.reason).toBeInstanceOf(WrongExpectedRevision);
        expect(rejected[0]!.reason).toMatchObject({ expected: 0, actual: 1 });
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      it('lands appends made together to different streams, each with its own position', async () => {
        const store = await open();
        const streams = Array.from({ length: 5 }, () => freshStream());
        const results = await Promise.all(streams.map((stream, i) => store.append(stream, [newEvent(`E${i}`), newEvent(`F${i}`)], { expectedRevision: 0 })));
        expect(results.map((r) => r.revision)).toEqual([2, 2, 2, 2, 2]);
        expect(new Set(results.map((r) => r.position)).size).toBe(5);
        for (const [i, stream] of streams.entries()) expect((await store.readStream(stream)).map((e) => e.type)).toEqual([`E${i}`, `F${i}`]);
      });

      it('fails only the bad append among appends made together', async () => {
        const store = await open();
        const [good, bad] = [freshStream(), freshStream()];
        const circular: Record<string, unknown> = {};
        circular.self = circular;
        const [landed, refused] = await Promise.allSettled([store.append(good, [newEvent('A')], { expectedRevision: 0 }), store.append(bad, [newEvent('B', circular)], { expectedRevision: 0 })]);
        expect(landed.status).toBe('fulfilled');
        expect(refused.status).toBe('rejected');
        expect(await store.readStream(good)).toHaveLength(1);
        expect(await store.readStream(bad)).toHaveLength(0);
      });

      it('lands an append made on top of its parent once the parent lands', async () => {
        const store = await open();
        const stream = freshStream();
        const parent = store.append(stream, [newEvent('A')], { expectedRevision: 0 });
        const child = store.append(stream, [newEvent('B')], { expectedRevision: 1, after: parent });
        expect((await child).revision).toBe(2);
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B']);
      });

      it('refuses an append whose parent failed, even when its revision happens to match', async () => {
        const store = await open();
        const stream = freshStream();
        await store.append(stream, [newEvent('Other')], { expectedRevision: 0 });
        // The parent expected an empty stream and fails; the child's revision 1 would match.
        const parent = store.append(stream, [newEvent('A')], { expectedRevision: 0 });
        const child = store.append(stream, [newEvent('B')], { expectedRevision: 1, after: parent });
        const [first, second] = await Promise.allSettled([parent, child]);
        expect(first.status === 'rejected' && first.reason).toBeInstanceOf(WrongExpectedRevision);
        expect(second.status === 'rejected' && second.reason).toBeInstanceOf(ParentAppendFailed);
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['Other']);
      });

      it('reads a stream after a revision, and an unknown stream as empty', async () => {
        const store = await open();
        const stream = freshStream();
        await store.append(stream, [newEvent('A'), newEvent('B'), newEvent('C'), newEvent('D')], { expectedRevision: 0 });
        expect((await store.readStream(stream, 2)).map((e) => [e.revision, e.type])).toEqual([[3, 'C'], [4, 'D']]);
        expect((await store.readStream(stream, 0)).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
        expect(await store.readStream(stream, 4)).toEqual([]);
        expect(await store.readStream(freshStream())).toEqual([]);
      });

      it("reads a stream's last event, and nothing of a stream that does not exist", async () => {
        const store = await open();
        const stream = freshStream();
        expect(await store.readLast(stream)).toBeNull();
        await store.append(stream, [newEvent('A'), newEvent('B')], { expectedRevision: 0 });
        const head = await store.append(stream, [newEvent('C', { n: 3 })], { expectedRevision: 2 });
        expect(await store.readLast(stream)).toMatchObject({ streamId: stream, revision: 3, type: 'C', data: { n: 3 }, position: head.position });
      });

      it('reads a stream backwards before a revision, newest first, a page at a time', async () => {
        const store = await open();
        const stream = freshStream();
        expect(await store.readStreamBackwards(stream, null, 10)).toEqual([]);
        const head = await store.append(stream, [newEvent('A'), newEvent('B'), newEvent('C'), newEvent('D')], { expectedRevision: 0 });
        const backwards = async (before: number | null, limit: number) => (await store.readStreamBackwards(stream, before, limit)).map((e) => [e.revision, e.type]);
        expect(await backwards(null, 2)).toEqual([[4, 'D'], [3, 'C']]);
        expect(await backwards(3, 10)).toEqual([[2, 'B'], [1, 'A']]);
        expect(await backwards(2, 1)).toEqual([[1, 'A']]);
        expect(await backwards(1, 10)).toEqual([]);
        expect(await backwards(99, 1)).toEqual([[4, 'D']]);
        expect((await store.readStreamBackwards(stream, null, 1))[0]).toMatchObject({ streamId: stream, position: head.position });
        await store.pruneThrough(stream, 2);
        expect(await backwards(null, 10)).toEqual([[4, 'D'], [3, 'C']]);
      });

      it('keeps streams of other ids independent', async () => {
        const store = await open();
        const [a, b] = [freshStream('workspace'), freshStream('workspace')];
        await store.append(a, [newEvent('A1'), newEvent('A2')], { expectedRevision: 0 });
        expect((await store.append(b, [newEvent('B1')], { expectedRevision: 0 })).revision).toBe(1);
        const wrong = await rejectionOf(store.append(b, [newEvent('B2')], { expectedRevision: 2 }));
        expect(wrong).toMatchObject({ streamId: b, actual: 1 });
        await store.append(a, [newEvent('A3')], { expectedRevision: 2 });
        expect((await store.readStream(a)).map((e) => [e.streamId, e.revision, e.type])).toEqual([
          [a, 1, 'A1'],
          [a, 2, 'A2'],
          [a, 3, 'A3'],
        ]);
        expect((await store.readStream(b)).map((e) => [e.streamId, e.revision, e.type])).toEqual([[b, 1, 'B1']]);
      });
    });

    describe('the global log', () => {
      it('reads from a position in order, a page at a time within the limit', async () => {
        const store = await open();
        const before = await store.headPosition();
        const [a, b] = [freshStream(), freshStream()];
        // Twelve events, so positions cross a decimal digit on a fresh store ("9" < "10").
        const appended = [
          await store.append(a, [newEvent('A1'), newEvent('A2')], { expectedRevision: 0 }),
          await store.append(b, [newEvent('B1')], { expectedRevision: 0 }),
          await store.append(a, Array.from({ length: 9 }, (_, i) => newEvent(`A${i + 3}`)), { expectedRevision: 2 }),
        ];
        const all = await store.readAll(before, 100);
        expect(all.map((e) => `${e.streamId === a ? 'a' : 'b'}:${e.revision}:${e.type}`)).toEqual([
          'a:1:A1', 'a:2:A2', 'b:1:B1', ...Array.from({ length: 9 }, (_, i) => `a:${i + 3}:A${i + 3}`),
        ]);
        expectStrictlyIncreasing([before, ...all.map((e) => e.position)].filter((p) => p !== null));
        expect(all[all.length - 1]!.position).toBe(appended[2]!.position);
        expect(all[1]!.position).toBe(appended[0]!.position);

        const page1 = await store.readAll(before, 2);
        expect(page1.map(identity)).toEqual(all.slice(0, 2).map(identity));
        const page2 = await store.readAll(page1[1]!.position, 5);
        expect(page2.map(identity)).toEqual(all.slice(2, 7).map(identity));
        expect((await store.readAll(all[6]!.position, 100)).map(identity)).toEqual(all.slice(7).map(identity));
        expect(await store.readAll(all[11]!.position, 100)).toEqual([]);
      });

      it('reads from null starting at the very first event of the log', async () => {
        const store = await open();
        const stream = freshStream();
        await store.append(stream, [newEvent('A'), newEvent('B')], { expectedRevision: 0 });
        const log = await readToEnd(store, null, 7);
        expectStrictlyIncreasing(log.map((e) => e.position));
        expect(log.slice(-2).map(identity)).toEqual([
          { streamId: stream, revision: 1, type: 'A' },
          { streamId: stream, revision: 2, type: 'B' },
        ]);
        expect((await store.readAll(null, 1)).map(identity)).toEqual([identity(log[0]!)]);
      });

      it('reports the head: null exactly when the log is empty, then the last appended position', async () => {
        const store = await open();
        const initial = await store.headPosition();
        expect((await store.readAll(null, 1)).length).toBe(initial === null ? 0 : 1);
        expect(await store.readAll(initial, 1)).toEqual([]);

        const stream = freshStream();
        const first = await store.append(stream, [newEvent('A')], { expectedRevision: 0 });
        expect(await store.headPosition()).toBe(first.position);
        const second = await store.append(freshStream(), [newEvent('B'), newEvent('C')], { expectedRevision: 0 });
        const head = await store.headPosition();
        expect(head).toBe(second.position);
        expect(comparePositions(head, first.position)).toBe(1);
        expect(await store.readAll(head, 10)).toEqual([]);
      });
    });

    describe('pruning a stream through a revision', () => {
      it('drops the events through it: readStream starts after it, readAll skips them, readLast and the next append go on as before', async () => {
        const store = await open();
        const before = await store.headPosition();
        const [pruned, other] = [freshStream(), freshStream()];
        await store.append(pruned, [newEvent('A1'), newEvent('A2')], { expectedRevision: 0 });
        await store.append(other, [newEvent('B1')], { expectedRevision: 0 });
        const last = await store.append(pruned, [newEvent('A3'), newEvent('A4')], { expectedRevision: 2 });

        await store.pruneThrough(pruned, 3);
        expect((await store.readStream(pruned)).map(identity)).toEqual([{ streamId: pruned, revision: 4, type: 'A4' }]);
        expect((await store.readStream(pruned, 1)).map((e) => e.revision)).toEqual([4]);
        expect((await store.readStream(pruned, 0, 1)).map((e) => e.revision)).toEqual([4]);
        expect(await store.readLast(pruned)).toMatchObject({ revision: 4, type: 'A4', position: last.position });
        expect((await readToEnd(store, before)).map(identity)).toEqual([
          { streamId: other, revision: 1, type: 'B1' },
          { streamId: pruned, revision: 4, type: 'A4' },
        ]);
        expect((await store.readStream(other)).map((e) => e.type)).toEqual(['B1']);

        const wrong = await rejectionOf(store.append(pruned, [newEvent('A5')], { expectedRevision: 1 }));
        expect(wrong).toMatchObject({ streamId: pruned, actual: 4 });
        expect((await store.append(pruned, [newEvent('A5')], { expectedRevision: 4 })).revision).toBe(5);
        expect((await store.readStream(pruned)).map((e) => e.revision)).toEqual([4, 5]);
      });

      it('does nothing more when pruned through the same revision or an earlier one again', async () => {
        const store = await open();
        const stream = freshStream();
        await store.append(stream, [newEvent('A'), newEvent('B'), newEvent('C')], { expectedRevision: 0 });
        await store.pruneThrough(stream, 2);
        await store.pruneThrough(stream, 2);
        await store.pruneThrough(stream, 1);
        expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([3]);
      });

      it("never drops a stream's last event: that is refused and drops nothing", async () => {
        const store = await open();
        const stream = freshStream();
        await store.append(stream, [newEvent('A'), newEvent('B')], { expectedRevision: 0 });
        expect(await rejectionOf(store.pruneThrough(stream, 2))).toBeInstanceOf(LastEventKept);
        expect(await rejectionOf(store.pruneThrough(freshStream(), 1))).toBeInstanceOf(LastEventKept);
        expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([1, 2]);
      });
    });

    followContract(open);
  });
}
