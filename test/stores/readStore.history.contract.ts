import { describe, expect, it } from 'vitest';
import type { VersionsQuery, ViewWrite } from '../../src/stores/readStore.port';
import { commitAt, item, type ContractDocs, type ContractStore } from './readStoreSupport';

const at = (second: number) => `2026-03-01T10:00:${String(second).padStart(2, '0')}.000Z`;
/** A write to the collection that keeps history, at a position and the time of its event. */
const version = (id: string, position: number, doc: Record<string, unknown> | null): ViewWrite<ContractDocs> => ({
  collection: 'versioned',
  id,
  doc,
  position: String(position),
  at: at(position),
});

/** Time travel (DESIGN §9): collections with history answer as they were at any position or instant. */
export function readStoreHistoryContract(open: () => Promise<ContractStore>): void {
  describe('history', () => {
    /** a: set at 1, changed at 3, deleted at 5, set again at 7; b: set at 2 in another scope then at 4; c: set at 6. */
    async function storeWithHistory() {
      const store = await open();
      await commitAt(store, [version('a', 1, { scope: 's', v: 1 }), version('b', 2, { scope: 't', v: 1 })], '2');
      // Two versions of one document in one commit are both kept.
      await commitAt(store, [version('a', 3, { scope: 's', v: 2 }), version('b', 4, { scope: 's', v: 2 }), version('a', 5, null)], '5');
      await commitAt(store, [version('c', 6, { scope: 's', v: 1 }), version('a', 7, { scope: 's', v: 3 })], '7');
      return store;
    }

    it('answers a document as it was at each position, tombstones included, and undefined before it existed', async () => {
      const store = await storeWithHistory();
      expect(await store.versionAt('versioned', 'a', { position: '0' })).toBeUndefined();
      expect(await store.versionAt('versioned', 'a', { position: '1' })).toEqual({ doc: { scope: 's', v: 1 }, position: '1', at: at(1) });
      expect(await store.versionAt('versioned', 'a', { position: '4' })).toEqual({ doc: { scope: 's', v: 2 }, position: '3', at: at(3) });
      expect(await store.versionAt('versioned', 'a', { position: '6' })).toEqual({ doc: null, position: '5', at: at(5) });
      expect(await store.versionAt('versioned', 'a', { position: '100' })).toEqual({ doc: { scope: 's', v: 3 }, position: '7', at: at(7) });
      expect(await store.get('versioned', 'a')).toEqual({ doc: { scope: 's', v: 3 }, position: '7' });
    });

    it('answers a document as it was at an instant', async () => {
      const store = await storeWithHistory();
      expect(await store.versionAt('versioned', 'a', { instant: '2026-03-01T09:00:00.000Z' })).toBeUndefined();
      expect(await store.versionAt('versioned', 'a', { instant: '2026-03-01T10:00:03.500Z' })).toEqual({ doc: { scope: 's', v: 2 }, position: '3', at: at(3) });
      expect(await store.versionAt('versioned', 'a', { instant: at(5) })).toEqual({ doc: null, position: '5', at: at(5) });
    });

    it('lists the live documents of a scope as they were at each position, a document that moved scope included', async () => {
      const store = await storeWithHistory();
      const ids = async (scope: string, position: number) => (await store.scopeAt('versioned', scope, String(position))).map((f) => [f.id, f.doc.v, f.position]);
      expect(await ids('s', 0)).toEqual([]);
      expect(await ids('s', 1)).toEqual([['a', 1, '1']]);
      expect(await ids('s', 3)).toEqual([['a', 2, '3']]);
      expect(await ids('t', 3)).toEqual([['b', 1, '2']]);
      expect(await ids('s', 5)).toEqual([['b', 2, '4']]);
      expect(await ids('s', 7)).toEqual([['a', 3, '7'], ['b', 2, '4'], ['c', 1, '6']]);
      // b left scope t at 4: a scope lists a document only while its version there says so.
      expect((await store.scopeAt('versioned', 't', '9')).filter((f) => f.doc.scope === 't')).toEqual([]);
    });

    it('counts every document a scope ever held, deleted and moved ones included: what scopeAt looks up', async () => {
      const store = await storeWithHistory();
      expect([await store.scopeCount('versioned', 's'), await store.scopeCount('versioned', 't'), await store.scopeCount('versioned', 'none')]).toEqual([3, 1, 0]);
    });

    it('keeps a replayed version once, and never lets it change what the past holds', async () => {
      const store = await storeWithHistory();
      await commitAt(store, [version('a', 3, { scope: 's', v: 'replayed' })], '8');
      expect(await store.versionAt('versioned', 'a', { position: '3' })).toEqual({ doc: { scope: 's', v: 2 }, position: '3', at: at(3) });
    });

    it("pages a document's numbered versions, each by the earliest state that held its number", async () => {
      const store = await storeWithHistory();
      // d: numbered 1 at 11, changed without a new number at 12, numbered 2 at 13, deleted at 14,
      // reopened as 2 at 15 (a restore), numbered 4 at 16 (3 was never held), numbered by no number at 17.
      await commitAt(store, [version('d', 11, { scope: 's', v: 1, note: 'set' }), version('d', 12, { scope: 's', v: 1, note: 'renamed' })], '12');
      await commitAt(store, [version('d', 13, { scope: 's', v: 2 }), version('d', 14, null), version('d', 15, { scope: 's', v: 2, note: 'restored' })], '15');
      await commitAt(store, [version('d', 16, { scope: 's', v: 4 }), version('d', 17, { scope: 's', v: 'none' })], '17');
      const numbers = async (query: VersionsQuery) =>
        (await store.firstVersions('versioned', 'd', query)).map((found) => [found.doc!.v, found.position, found.at]);
      expect(await numbers({ limit: 10 })).toEqual([[1, '11', at(11)], [2, '13', at(13)], [4, '16', at(16)]]);
      expect((await store.firstVersions('versioned', 'd', { limit: 1 }))[0]!.doc).toEqual({ scope: 's', v: 1, note: 'set' });
      expect(await numbers({ limit: 2 })).toEqual([[1, '11', at(11)], [2, '13', at(13)]]);
      expect(await numbers({ after: 1, limit: 1 })).toEqual([[2, '13', at(13)]]);
      expect(await numbers({ after: 2, limit: 5 })).toEqual([[4, '16', at(16)]]);
      expect(await numbers({ after: 4, limit: 5 })).toEqual([]);
      expect(await numbers({ order: 'desc', limit: 2 })).toEqual([[4, '16', at(16)], [2, '13', at(13)]]);
      expect(await numbers({ order: 'desc', after: 2, limit: 5 })).toEqual([[1, '11', at(11)]]);
      // A replay of an earlier state changes nothing; a document never written has no versions.
      await commitAt(store, [version('d', 13, { scope: 's', v: 3 })], '18');
      expect(await numbers({ limit: 10 })).toEqual([[1, '11', at(11)], [2, '13', at(13)], [4, '16', at(16)]]);
      expect(await store.firstVersions('versioned', 'nobody', { limit: 10 })).toEqual([]);
    });

    it('leaves the fields a page omits out of each version, nested ones too, and refuses a path that is not plain names', async () => {
      const store = await open();
      const sealed = { keyId: 'k1', text: 'x'.repeat(100_000) };
      await commitAt(store, [version('f', 1, { scope: 's', v: 1, sealed, roles: ['r'] }), version('f', 2, { scope: 's', v: 2, sealed, roles: [] })], '2');
      const page = await store.firstVersions('versioned', 'f', { limit: 10, omit: ['sealed.text', 'roles'] });
      const thin = (v: number) => ({ scope: 's', v, sealed: { keyId: 'k1' } });
      expect(page.map((found) => [found.doc, found.position, found.at])).toEqual([[thin(1), '1', at(1)], [thin(2), '2', at(2)]]);
      // The stored versions keep every field.
      expect((await store.firstVersions('versioned', 'f', { limit: 1 }))[0]!.doc).toEqual({ scope: 's', v: 1, sealed, roles: ['r'] });
      for (const path of ["v') --", 'sealed..text', '$.v', 'a.']) {
        await expect(store.firstVersions('versioned', 'f', { limit: 1, omit: [path] })).rejects.toThrow(/field path/);
      }
      // One path within another (MongoDB would refuse them as a collision), or one named twice.
      for (const omit of [['sealed', 'sealed.text'], ['roles', 'roles']]) await expect(store.firstVersions('versioned', 'f', { limit: 1, omit })).rejects.toThrow(/field path/);
    });

    it("tells each listed version's size as stored, the fields a page omits included", async () => {
      const store = await open();
      const sealed = { keyId: 'k1', text: 'x'.repeat(100_000) };
      await commitAt(store, [version('f', 1, { scope: 's', v: 1, sealed }), version('f', 2, { scope: 's', v: 2 })], '2');
      const sizes = (await store.firstVersions('versioned', 'f', { limit: 10, omit: ['sealed.text'] })).map((found) => found.storedBytes);
      // UTF-8 of the JSON on SQLite, BSON on MongoDB: the text and a few dozen bytes of the rest.
      expect(sizes[0]).toBeGreaterThanOrEqual(100_000);
      expect(sizes[0]).toBeLessThan(100_200);
      expect(sizes[1]).toBeGreaterThan(0);
      expect(sizes[1]).toBeLessThan(200);
    });

    it('pages past a number held by many states (more than a page reads before it seeks on), either way', async () => {
      const store = await open();
      // e: numbered 1 at 21, then 40 more states of number 1, then 2 at 62 and 3 at 63.
      const states = Array.from({ length: 41 }, (_, i) => version('e', 21 + i, { scope: 's', v: 1, state: i }));
      await commitAt(store, [...states, version('e', 62, { scope: 's', v: 2 }), version('e', 63, { scope: 's', v: 3 })], '63');
      const numbers = async (query: VersionsQuery) =>
        (await store.firstVersions('versioned', 'e', query)).map((found) => [found.doc!.v, found.position]);
      expect(await numbers({ limit: 10 })).toEqual([[1, '21'], [2, '62'], [3, '63']]);
      expect(await numbers({ limit: 2 })).toEqual([[1, '21'], [2, '62']]);
      expect(await numbers({ order: 'desc', limit: 10 })).toEqual([[3, '63'], [2, '62'], [1, '21']]);
      expect(await numbers({ order: 'desc', after: 2, limit: 10 })).toEqual([[1, '21']]);
    });

    it('rebuilds the history with the views, and swaps it in with them', async () => {
      const store = await storeWithHistory();
      const target = await store.startRebuild();
      expect(await target.store.versionAt('versioned', 'a', { position: '100' })).toBeUndefined();
      await commitAt(target.store, [version('z', 10, { scope: 's', v: 9 })], '10');
      await target.swapIn();
      expect(await store.versionAt('versioned', 'a', { position: '100' })).toBeUndefined();
      expect((await store.scopeAt('versioned', 's', '10')).map((f) => f.id)).toEqual(['z']);
    });

    it('appends a version without its document, and writes a document without a version, as a rebuild does', async () => {
      const store = await open();
      await commitAt(store, [{ ...version('a', 1, { scope: 's', v: 1 }), only: 'version' }, { ...version('a', 2, { scope: 's', v: 2 }), only: 'version' }], '2');
      expect(await store.get('versioned', 'a')).toBeUndefined();
      expect(await store.versionAt('versioned', 'a', { position: '1' })).toEqual({ doc: { scope: 's', v: 1 }, position: '1', at: at(1) });
      // The document as the last version left it, with no time: its version is there already.
      await commitAt(store, [{ collection: 'versioned', id: 'a', doc: { scope: 's', v: 2 }, position: '2', only: 'document' }], '2');
      expect(await store.get('versioned', 'a')).toEqual({ doc: { scope: 's', v: 2 }, position: '2' });
      expect(await store.find('versioned', 'scope', 's')).toEqual([{ id: 'a', doc: { scope: 's', v: 2 }, position: '2' }]);
      expect((await store.firstVersions('versioned', 'a', { limit: 10 })).map((found) => found.position)).toEqual(['1', '2']);
      expect((await store.scopeAt('versioned', 's', '2')).map((found) => [found.id, found.position])).toEqual([['a', '2']]);
      // A part of a write is for collections with history only.
      const { generation } = await store.checkpoint();
      await expect(store.commit([{ ...item('x', '3', { group: 'g' }), only: 'document' }], '3', generation)).rejects.toThrow(/keeps no history/);
    });

    it('refuses a write without its time, and questions about the past of a collection that keeps none', async () => {
      const store = await open();
      const { generation } = await store.checkpoint();
      await expect(store.commit([{ collection: 'versioned', id: 'x', doc: { scope: 's' }, position: '1' }], '1', generation)).rejects.toThrow(/time/);
      await expect(store.versionAt('items', 'x', { position: '1' })).rejects.toThrow(/history/);
      await expect(store.firstVersions('items', 'x', { limit: 1 })).rejects.toThrow(/history/);
    });
  });
}
