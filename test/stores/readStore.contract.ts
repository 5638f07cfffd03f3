import { afterEach, describe, expect, it } from 'vitest';
import { readStorePageContract } from './readStore.page.contract';
import { readStoreRebuildContract } from './readStore.rebuild.contract';
import { readStoreHistoryContract } from './readStore.history.contract';
import { commitAt, contractCollections, contractHistory, contractLists, item, type ContractStore, type MakeReadStore } from './readStoreSupport';

export { contractCollections, type MakeReadStore };

/**
 * The ReadStore port's contract, for every adapter. Each `makeStore(spec, history, lists)` must give a new,
 * empty store (its own database, schema or file) with those collections; stores are closed
 * after each test, then `cleanup` runs.
 */
export function readStoreContract(name: string, makeStore: MakeReadStore, cleanup?: () => Promise<void>): void {
  describe(`ReadStore contract: ${name}`, () => {
    const opened: ContractStore[] = [];
    const open = async () => {
      const store = await makeStore(contractCollections, contractHistory, contractLists);
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
      await cleanup?.();
    });

    it('starts empty, with a null checkpoint and a generation', async () => {
      const store = await open();
      const checkpoint = await store.checkpoint();
      expect(checkpoint.position).toBeNull();
      expect(checkpoint.generation).toEqual(expect.any(String));
      expect(checkpoint.generation).not.toBe('');
      expect(await store.get('items', 'a')).toBeUndefined();
      expect(await store.getMany('items', ['a', 'b'])).toEqual(new Map());
      expect(await store.find('items', 'group', 'g')).toEqual([]);
      expect(await store.all('items')).toEqual([]);
    });

    it('commits documents with their positions and moves the checkpoint, keeping its generation', async () => {
      const store = await open();
      const { generation } = await store.checkpoint();
      const doc = { group: 'g', nested: { list: [1, 'two', null] }, text: 'héllo ✓' };
      expect(await store.commit([item('a', '4', doc), { collection: 'notes', id: 'a', doc: { n: 1 }, position: '5' }], '5', generation)).toBe(true);
      expect(await store.get('items', 'a')).toEqual({ doc, position: '4' });
      expect(await store.get('notes', 'a')).toEqual({ doc: { n: 1 }, position: '5' });
      expect(await store.checkpoint()).toEqual({ position: '5', generation });
      expect(await store.commit([], '9', generation)).toBe(true);
      expect(await store.checkpoint()).toEqual({ position: '9', generation });
    });

    it('removes, with a commit, the documents matching on fields up to an id, after its writes, and their list values', async () => {
      const store = await open();
      // Ids sort as the removal expects (in log order); it matches `shade`, which no index holds, as well as `group`.
      await commitAt(
        store,
        [
          item('01', '1', { group: 'g', shade: 'red', tags: ['t'] }),
          item('02', '2', { group: 'g', shade: 'blue', tags: ['t'] }),
          item('03', '3', { group: 'h', shade: 'red', tags: ['t'] }),
          item('05', '5', { group: 'g', shade: 'red', tags: ['t'] }),
        ],
        '5',
      );
      const { generation } = await store.checkpoint();
      const removal = { collection: 'items', where: { group: 'g', shade: 'red' }, throughId: '04' } as const;
      // A write of the same commit is removed too; one past the id stays.
      expect(await store.commit([item('04', '6', { group: 'g', shade: 'red', tags: ['t'] }), item('06', '6', { group: 'g', shade: 'red' })], '6', generation, [removal])).toBe(true);
      expect((await store.all('items')).map((found) => found.id)).toEqual(['02', '03', '05', '06']);
      expect(await store.get('items', '01')).toBeUndefined();
      expect((await store.page('items', { where: { group: ['g', 'h'], tags: 't' }, limit: 10 })).map((found) => found.id)).toEqual(['02', '03', '05']);
      // From an id on: the rows before it stay (a pruning knows where its stream's rows start).
      expect(await store.commit([], '7', generation, [{ collection: 'items', where: { group: 'g' }, fromId: '05', throughId: '06' }])).toBe(true);
      expect((await store.all('items')).map((found) => found.id)).toEqual(['02', '03']);
      // Removing again changes nothing; a commit of a stale generation removes nothing.
      expect(await store.commit([], '7', generation, [removal])).toBe(true);
      expect(await store.commit([], '8', `${generation}x`, [{ ...removal, throughId: '99' }])).toBe(false);
      expect((await store.all('items')).map((found) => found.id)).toEqual(['02', '03']);
    });

    it('answers an instant only for a collection read by instant (the others keep no index by time), a position for any', async () => {
      const store = await makeStore(contractCollections, { versioned: { scope: 'scope', version: 'v' } }, contractLists);
      opened.push(store);
      await commitAt(store, [{ collection: 'versioned', id: 'a', doc: { scope: 's', v: 1 }, position: '1', at: '2026-03-01T10:00:01.000Z' }], '1');
      expect(await store.versionAt('versioned', 'a', { position: '1' })).toEqual({ doc: { scope: 's', v: 1 }, position: '1', at: '2026-03-01T10:00:01.000Z' });
      await expect(store.versionAt('versioned', 'a', { instant: '2026-03-01T10:00:02.000Z' })).rejects.toThrow(/not read by instant/);
    });

    it('refuses a removal by a field it does not index first, or from a collection that keeps history', async () => {
      const store = await open();
      const { generation } = await store.checkpoint();
      await expect(store.commit([], '1', generation, [{ collection: 'items', where: { size: 'l', group: 'g' }, throughId: '9' }])).rejects.toThrow('items.size is not indexed');
      await expect(store.commit([], '1', generation, [{ collection: 'items', where: {}, throughId: '9' }])).rejects.toThrow('names no field');
      await expect(store.commit([], '1', generation, [{ collection: 'versioned', where: { scope: 's' }, throughId: '9' }])).rejects.toThrow('keeps history');
      expect(await store.checkpoint()).toEqual({ position: null, generation });
    });

    it('matches a field that holds lists against one string only, never walks it, and removes by no such field', async () => {
      const store = await open();
      await commitAt(store, [item('a', '1', { group: 'g', tags: ['x', 'y'] })], '1');
      await expect(store.page('items', { where: { group: 'g', tags: ['x', 'y'] }, limit: 10 })).rejects.toThrow('items.tags holds lists');
      await expect(store.page('items', { where: { group: 'g', tags: 1 }, limit: 10 })).rejects.toThrow('items.tags holds lists');
      // Its values are everyone's: what a query goes through is led by another field.
      await expect(store.find('items', 'tags', 'x')).rejects.toThrow('never walked');
      await expect(store.count('items', 'tags', 'x')).rejects.toThrow('never walked');
      await expect(store.page('items', { where: { tags: 'x', group: 'g' }, limit: 10 })).rejects.toThrow('never walked');
      await expect(store.scanEnd('items', { where: { tags: 'x' } }, 1)).rejects.toThrow('never walked');
      const { generation } = await store.checkpoint();
      await expect(store.commit([], '2', generation, [{ collection: 'items', where: { group: 'g', tags: 'x' }, throughId: 'z' }])).rejects.toThrow('items.tags holds lists');
      expect(await store.get('items', 'a')).toEqual({ doc: { group: 'g', tags: ['x', 'y'] }, position: '1' });
    });

    it('matches a document by any value of a field that holds lists, among those another field leads to, and forgets the values a newer write or a deletion dropped', async () => {
      const store = await open();
      await commitAt(
        store,
        [item('a', '1', { group: 'g', tags: ['x', 'y'] }), item('b', '1', { group: 'h', tags: ['y', 'y'] }), item('c', '1', { group: 'g', tags: [] }), item('d', '1', { group: 'g' })],
        '1',
      );
      const ids = (found: readonly { id: string }[]) => found.map((f) => f.id);
      const tagged = (tag: string, query: { order?: 'asc' | 'desc'; afterId?: string; limit?: number } = {}) => store.page('items', { where: { group: ['g', 'h'], tags: tag }, limit: 10, ...query });
      expect(ids(await tagged('y'))).toEqual(['a', 'b']);
      expect(ids(await tagged('y', { order: 'desc', limit: 1 }))).toEqual(['b']);
      expect(ids(await tagged('y', { afterId: 'a' }))).toEqual(['b']);
      expect(ids(await store.page('items', { where: { group: 'g', tags: 'y' }, limit: 10 }))).toEqual(['a']);
      expect(ids(await tagged('x'))).toEqual(['a']);
      // A newer write replaces the values; an older one changes nothing; a deletion drops them.
      await commitAt(store, [item('a', '2', { group: 'g', tags: ['z'] }), item('b', '0', { group: 'h', tags: ['old'] }), item('c', '2', null)], '2');
      expect(ids(await tagged('y'))).toEqual(['b']);
      expect(ids(await tagged('z'))).toEqual(['a']);
      expect(ids(await tagged('old'))).toEqual([]);
      await commitAt(store, [item('b', '3', null)], '3');
      expect(ids(await tagged('y'))).toEqual([]);
      // Two writes of one document in one commit: the last one's values.
      await commitAt(store, [item('e', '4', { group: 'g', tags: ['p'] }), item('e', '5', { group: 'g', tags: ['q'] })], '5');
      expect(ids(await tagged('p'))).toEqual([]);
      expect(ids(await tagged('q'))).toEqual(['e']);
    });

    it('counts what find answers, tombstones left out', async () => {
      const store = await open();
      await commitAt(store, [item('a', '1', { group: 'g', tags: ['x', 'y'] }), item('b', '1', { group: 'g', tags: ['y'] }), item('c', '1', { group: 'h', tags: ['y'] })], '1');
      expect([await store.count('items', 'group', 'g'), await store.count('items', 'group', 'none')]).toEqual([2, 0]);
      await commitAt(store, [item('a', '2', null), item('b', '2', { group: 'h', tags: ['z'] })], '2');
      expect([await store.count('items', 'group', 'g'), await store.count('items', 'group', 'h')]).toEqual([0, 2]);
      for (const value of ['g', 'h']) expect(await store.count('items', 'group', value)).toBe((await store.find('items', 'group', value)).length);
      await expect(store.count('items', 'v' as never, 'x')).rejects.toThrow();
    });

    it('ignores a write at an older or equal position and applies a newer one, comparing as numbers', async () => {
      const store = await open();
      await commitAt(store, [item('a', '10', { v: 'ten' })], '10');
      await commitAt(store, [item('a', '10', { v: 'again at ten' }), item('b', '10', { v: 'b' })], '11');
      await commitAt(store, [item('a', '9', { v: 'nine' })], '12');
      expect(await store.get('items', 'a')).toEqual({ doc: { v: 'ten' }, position: '10' });
      expect(await store.get('items', 'b')).toEqual({ doc: { v: 'b' }, position: '10' });
      await commitAt(store, [item('a', '100', { v: 'hundred' })], '100');
      expect(await store.get('items', 'a')).toEqual({ doc: { v: 'hundred' }, position: '100' });
      // Within one commit too, each write is guarded: the newest one wins whatever the order.
      await commitAt(store, [item('c', '102', { v: 'new' }), item('c', '101', { v: 'old' })], '102');
      expect(await store.get('items', 'c')).toEqual({ doc: { v: 'new' }, position: '102' });
    });

    it('keeps a deleted document as a tombstone that an older write cannot resurrect', async () => {
      const store = await open();
      await commitAt(store, [item('a', '5', { group: 'g' }), item('b', '5', { group: 'g' })], '5');
      await commitAt(store, [item('a', '7', null)], '7');
      expect(await store.get('items', 'a')).toEqual({ doc: null, position: '7' });
      expect((await store.find('items', 'group', 'g')).map((f) => f.id)).toEqual(['b']);
      expect((await store.all('items')).map((f) => f.id)).toEqual(['b']);
      expect(await store.getMany('items', ['a'])).toEqual(new Map([['a', { doc: null, position: '7' }]]));

      await commitAt(store, [item('a', '6', { group: 'g', v: 'late' }), item('a', '7', { group: 'g', v: 'dup' })], '8');
      expect(await store.get('items', 'a')).toEqual({ doc: null, position: '7' });
      expect((await store.find('items', 'group', 'g')).map((f) => f.id)).toEqual(['b']);

      await commitAt(store, [item('a', '9', { group: 'g', v: 'again' })], '9');
      expect(await store.get('items', 'a')).toEqual({ doc: { group: 'g', v: 'again' }, position: '9' });
      expect((await store.all('items')).map((f) => f.id)).toEqual(['a', 'b']);
    });

    it('records a tombstone for a document it never had, guarding it the same way', async () => {
      const store = await open();
      await commitAt(store, [item('ghost', '3', null)], '3');
      expect(await store.get('items', 'ghost')).toEqual({ doc: null, position: '3' });
      await commitAt(store, [item('ghost', '2', { group: 'g' })], '4');
      expect(await store.get('items', 'ghost')).toEqual({ doc: null, position: '3' });
      expect(await store.all('items')).toEqual([]);
    });

    it('finds live documents by an indexed field, ordered by id', async () => {
      const store = await open();
      const ids = ['w1/u9', 'B', 'a', 'w1/u10', 'A9', 'A10'];
      await commitAt(store, ids.map((id, i) => item(id, String(i + 1), { group: 'g1', color: i % 2 ? 'red' : 'blue', id })), '6');
      await commitAt(store, [item('x', '7', { group: 'g2', color: 'red' }), { collection: 'notes', id: 'n', doc: { group: 'g1' }, position: '7' }], '7');
      const found = await store.find('items', 'group', 'g1');
      expect(found.map((f) => f.id)).toEqual([...ids].sort());
      expect(found.find((f) => f.id === 'B')).toEqual({ id: 'B', doc: { group: 'g1', color: 'red', id: 'B' }, position: '2' });
      expect((await store.find('items', 'color', 'red')).map((f) => f.id)).toEqual(['A10', 'B', 'w1/u10', 'x']);
      expect(await store.find('items', 'group', 'nothing')).toEqual([]);

      await commitAt(store, [item('B', '8', { group: 'g2', color: 'red' })], '8');
      expect((await store.find('items', 'group', 'g2')).map((f) => f.id)).toEqual(['B', 'x']);
      expect((await store.find('items', 'group', 'g1')).map((f) => f.id)).not.toContain('B');
    });

    it('lists every live document of one collection, ordered by id', async () => {
      const store = await open();
      await commitAt(store, [item('b', '1', { v: 1 }), item('a', '2', { v: 2 }), { collection: 'notes', id: 'c', doc: { v: 3 }, position: '3' }], '3');
      expect(await store.all('items')).toEqual([
        { id: 'a', doc: { v: 2 }, position: '2' },
        { id: 'b', doc: { v: 1 }, position: '1' },
      ]);
      expect(await store.all('notes')).toEqual([{ id: 'c', doc: { v: 3 }, position: '3' }]);
    });

    it('gets many documents at once, tombstones included and unknown ids left out', async () => {
      const store = await open();
      await commitAt(store, [item('a', '1', { v: 'a' }), item('b', '2', { v: 'b' }), item('c', '3', null)], '3');
      const many = await store.getMany('items', ['c', 'a', 'missing', 'a']);
      expect(many).toEqual(new Map([['a', { doc: { v: 'a' }, position: '1' }], ['c', { doc: null, position: '3' }]]));
      expect(await store.getMany('items', [])).toEqual(new Map());
      expect(await store.getMany('notes', ['a'])).toEqual(new Map());
    });

    it('refuses a commit under another generation, writing nothing', async () => {
      const store = await open();
      await commitAt(store, [item('a', '1', { v: 1 })], '1');
      const before = await store.checkpoint();
      expect(await store.commit([item('a', '2', { v: 2 }), item('b', '2', { v: 2 })], '2', `${before.generation}x`)).toBe(false);
      expect(await store.checkpoint()).toEqual(before);
      expect(await store.get('items', 'a')).toEqual({ doc: { v: 1 }, position: '1' });
      expect(await store.get('items', 'b')).toBeUndefined();
    });

    it('keeps positions above 2^53, and up to 20 digits, exact and compares them as integers', async () => {
      const store = await open();
      await commitAt(store, [item('a', '9007199254740992', { v: 'two to the 53' })], '9007199254740992');
      // As JavaScript numbers these two are equal: an adapter that used them would drop this write.
      await commitAt(store, [item('a', '9007199254740993', { v: 'one more' })], '9007199254740993');
      expect(await store.get('items', 'a')).toEqual({ doc: { v: 'one more' }, position: '9007199254740993' });
      expect((await store.checkpoint()).position).toBe('9007199254740993');

      const big = '18446744073709551000';
      await commitAt(store, [item('b', big, { v: 'big' })], big);
      expect(await store.get('items', 'b')).toEqual({ doc: { v: 'big' }, position: big });
      expect((await store.checkpoint()).position).toBe(big);
      await commitAt(store, [item('b', '18446744073709550999', { v: 'older' }), item('c', '18446744073709551001', null)], '18446744073709551001');
      expect(await store.get('items', 'b')).toEqual({ doc: { v: 'big' }, position: big });
      expect(await store.get('items', 'c')).toEqual({ doc: null, position: '18446744073709551001' });
      await commitAt(store, [item('b', '18446744073709551002', { v: 'newer' })], '18446744073709551002');
      expect(await store.all('items')).toEqual([
        { id: 'a', doc: { v: 'one more' }, position: '9007199254740993' },
        { id: 'b', doc: { v: 'newer' }, position: '18446744073709551002' },
      ]);
      expect((await store.checkpoint()).position).toBe('18446744073709551002');
    });

    readStorePageContract(open);
    readStoreRebuildContract(open);
    readStoreHistoryContract(open);
  });
}
