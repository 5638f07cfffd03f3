import { describe, expect, it } from 'vitest';
import { ViewCache } from '../../src/projections/viewCache';
import type { Positioned, ReadStore } from '../../src/stores/readStore.port';
import { deferred, type Deferred } from '../stores/contractSupport';

type Named = Readonly<{ name: string }>;
/** Two collections of small documents: the cache does not care what they hold. */
type Docs = { workspaces: Named; members: Named };

/**
 * A read store whose `get` answers from `docs` at once, or, while `hold` is set, waits until
 * the test releases it with the answer it chooses (a read in flight while the views move on).
 */
class FakeStore implements Pick<ReadStore<Docs>, 'get'> {
  readonly docs = new Map<string, Positioned<Named>>();
  readonly calls: string[] = [];
  readonly held: Array<Deferred<Positioned<Named> | undefined>> = [];
  hold = false;

  async get<C extends keyof Docs>(collection: C, id: string): Promise<Positioned<Docs[C]> | undefined> {
    this.calls.push(`${collection}/${id}`);
    if (!this.hold) return this.docs.get(`${collection}/${id}`);
    const answer = deferred<Positioned<Named> | undefined>();
    this.held.push(answer);
    return answer.promise;
  }

  put(id: string, doc: Named | null, position: string) {
    this.docs.set(`workspaces/${id}`, { doc, position });
  }
}

const doc = (name: string) => ({ name });
/** Both collections are read through the cache, except where a test says otherwise. */
const CACHED = ['workspaces', 'members'] as const;

describe('ViewCache', () => {
  it('serves a document it read before without calling the store', async () => {
    const store = new FakeStore();
    store.put('w1', doc('one'), '3');
    const cache = new ViewCache<Docs>(store, CACHED);
    expect(await cache.get('workspaces', 'w1')).toEqual(doc('one'));
    store.put('w1', doc('changed behind its back'), '4');
    expect(await cache.get('workspaces', 'w1')).toEqual(doc('one'));
    expect(store.calls).toEqual(['workspaces/w1']);
  });

  it('caches absence and tombstones as null', async () => {
    const store = new FakeStore();
    store.put('gone', null, '5');
    const cache = new ViewCache<Docs>(store, CACHED);
    expect(await cache.get('workspaces', 'never')).toBeNull();
    expect(await cache.get('workspaces', 'gone')).toBeNull();
    expect(await cache.get('workspaces', 'never')).toBeNull();
    expect(await cache.get('workspaces', 'gone')).toBeNull();
    expect(store.calls).toEqual(['workspaces/never', 'workspaces/gone']);
  });

  it('keeps documents of different collections apart', async () => {
    const store = new FakeStore();
    store.put('x', doc('workspace'), '1');
    store.docs.set('members/x', { doc: doc('member'), position: '2' });
    const cache = new ViewCache<Docs>(store, CACHED);
    expect(await cache.get('workspaces', 'x')).toEqual(doc('workspace'));
    expect(await cache.get('members', 'x')).toEqual(doc('member'));
  });

  it('reads an invalidated document again and caches a read at the invalidating position', async () => {
    const store = new FakeStore();
    store.put('w1', doc('old'), '3');
    const cache = new ViewCache<Docs>(store, CACHED);
    await cache.get('workspaces', 'w1');
    store.put('w1', doc('new'), '10');
    cache.invalidate('workspaces', 'w1', '10');
    expect(await cache.get('workspaces', 'w1')).toEqual(doc('new'));
    expect(await cache.get('workspaces', 'w1')).toEqual(doc('new'));
    expect(store.calls).toHaveLength(2);
  });

  it('caches a read newer than the invalidating position', async () => {
    const store = new FakeStore();
    const cache = new ViewCache<Docs>(store, CACHED);
    cache.invalidate('workspaces', 'w1', '10');
    store.put('w1', doc('newer'), '11');
    expect(await cache.get('workspaces', 'w1')).toEqual(doc('newer'));
    expect(await cache.get('workspaces', 'w1')).toEqual(doc('newer'));
    expect(store.calls).toHaveLength(1);
  });

  it('serves but does not cache a read that began before an invalidation and ended after it', async () => {
    const store = new FakeStore();
    const cache = new ViewCache<Docs>(store, CACHED);
    store.hold = true;
    const slow = cache.get('workspaces', 'w1');
    cache.invalidate('workspaces', 'w1', '10');
    store.held[0]!.resolve({ doc: doc('old'), position: '9' });
    expect(await slow).toEqual(doc('old'));

    store.hold = false;
    store.put('w1', doc('new'), '10');
    expect(await cache.get('workspaces', 'w1')).toEqual(doc('new'));
    expect(await cache.get('workspaces', 'w1')).toEqual(doc('new'));
    expect(store.calls).toHaveLength(2);
  });

  it('does not cache the absence a slow read saw before the document was created', async () => {
    const store = new FakeStore();
    const cache = new ViewCache<Docs>(store, CACHED);
    store.hold = true;
    const slow = cache.get('workspaces', 'w1');
    cache.invalidate('workspaces', 'w1', '4');
    store.held[0]!.resolve(undefined);
    expect(await slow).toBeNull();
    store.hold = false;
    store.put('w1', doc('created'), '4');
    expect(await cache.get('workspaces', 'w1')).toEqual(doc('created'));
  });

  it('caches a read that began before an invalidation but already saw its position', async () => {
    const store = new FakeStore();
    const cache = new ViewCache<Docs>(store, CACHED);
    store.hold = true;
    const read = cache.get('workspaces', 'w1');
    cache.invalidate('workspaces', 'w1', '10');
    store.held[0]!.resolve({ doc: doc('new'), position: '10' });
    expect(await read).toEqual(doc('new'));
    expect(await cache.get('workspaces', 'w1')).toEqual(doc('new'));
    expect(store.calls).toHaveLength(1);
  });

  it('compares positions as numbers, not as text', async () => {
    const store = new FakeStore();
    const cache = new ViewCache<Docs>(store, CACHED);
    cache.invalidate('workspaces', 'w1', '10');
    store.put('w1', doc('older'), '9');
    await cache.get('workspaces', 'w1');
    store.put('w1', doc('current'), '10');
    expect(await cache.get('workspaces', 'w1')).toEqual(doc('current'));
    expect(store.calls).toHaveLength(2);
  });

  it('never lets a slow old read replace a newer document a later read cached', async () => {
    const store = new FakeStore();
    const cache = new ViewCache<Docs>(store, CACHED);
    store.hold = true;
    const slow = cache.get('workspaces', 'w1');
    cache.invalidate('workspaces', 'w1', '10');
    const fast = cache.get('workspaces', 'w1');
    store.held[1]!.resolve({ doc: doc('new'), position: '10' });
    expect(await fast).toEqual(doc('new'));
    store.held[0]!.resolve({ doc: doc('old'), position: '9' });
    expect(await slow).toEqual(doc('old'));
    expect(await cache.get('workspaces', 'w1')).toEqual(doc('new'));
    expect(store.calls).toHaveLength(2);
  });

  it('evicts the oldest entries beyond its limit', async () => {
    const store = new FakeStore();
    for (const id of ['a', 'b', 'c']) store.put(id, doc(id), '1');
    const cache = new ViewCache<Docs>(store, CACHED, 2);
    for (const id of ['a', 'b', 'c']) await cache.get('workspaces', id);
    store.calls.length = 0;
    expect(await cache.get('workspaces', 'c')).toEqual(doc('c'));
    expect(await cache.get('workspaces', 'b')).toEqual(doc('b'));
    expect(store.calls).toEqual([]);
    expect(await cache.get('workspaces', 'a')).toEqual(doc('a'));
    expect(store.calls).toEqual(['workspaces/a']);
  });

  // A secret's document holds its sealed value: up to ~90 KB for a 64 KiB value, and 20,000 of
  // them would have held ~1.7 GiB.
  it('evicts the oldest entries once their documents weigh more than it keeps, counting the text they hold', async () => {
    const store = new FakeStore();
    for (const id of ['a', 'b', 'c']) store.put(id, doc(id.repeat(400_000)), '1');
    const cache = new ViewCache<Docs>(store, CACHED, 100, 1024 * 1024);
    for (const id of ['a', 'b', 'c']) await cache.get('workspaces', id);
    store.calls.length = 0;
    expect(await cache.get('workspaces', 'c')).toEqual(doc('c'.repeat(400_000)));
    expect(await cache.get('workspaces', 'b')).toEqual(doc('b'.repeat(400_000)));
    expect(store.calls).toEqual([]);
    expect(await cache.get('workspaces', 'a')).toEqual(doc('a'.repeat(400_000)));
    expect(store.calls).toEqual(['workspaces/a']);
  });

  it('keeps nothing for writes to collections it does not serve (audit rows would push out the hot documents)', async () => {
    const store = new FakeStore();
    for (const id of ['a', 'b']) store.put(id, doc(id), '1');
    const cache = new ViewCache<Docs>(store, ['workspaces'], 2);
    for (const id of ['a', 'b']) await cache.get('workspaces', id);
    for (let position = 2; position < 100; position += 1) cache.invalidate('members', `row-${position}`, String(position));
    store.calls.length = 0;
    expect(await cache.get('workspaces', 'a')).toEqual(doc('a'));
    expect(await cache.get('workspaces', 'b')).toEqual(doc('b'));
    expect(store.calls).toEqual([]);
    await expect(cache.get('members', 'row-2')).rejects.toThrow(/not read through the cache/);
  });

  it('does not cache a slow read whose invalidation was evicted while it was in flight', async () => {
    const store = new FakeStore();
    store.put('x', doc('x'), '1');
    store.put('y', doc('y'), '1');
    const cache = new ViewCache<Docs>(store, CACHED, 2);
    store.hold = true;
    const slow = cache.get('workspaces', 'w1');
    cache.invalidate('workspaces', 'w1', '10');
    store.hold = false;
    await cache.get('workspaces', 'x');
    await cache.get('workspaces', 'y'); // the limit pushes out w1's invalidation
    store.held[0]!.resolve({ doc: doc('old'), position: '9' });
    expect(await slow).toEqual(doc('old'));

    store.put('w1', doc('new'), '10');
    expect(await cache.get('workspaces', 'w1')).toEqual(doc('new'));
  });

  it('does not cache a slow read when a document cached after its invalidation was evicted meanwhile', async () => {
    const store = new FakeStore();
    for (const id of ['x', 'y']) store.put(id, doc(id), '1');
    const cache = new ViewCache<Docs>(store, CACHED, 2);
    store.hold = true;
    const slow = cache.get('workspaces', 'w1'); // reads the document at position 4
    cache.invalidate('workspaces', 'w1', '5');
    store.hold = false;
    store.put('w1', doc('new'), '5');
    expect(await cache.get('workspaces', 'w1')).toEqual(doc('new')); // cached at 5, standing for the invalidation
    await cache.get('workspaces', 'x');
    await cache.get('workspaces', 'y'); // evicts w1's document
    store.held[0]!.resolve({ doc: doc('old'), position: '4' });
    expect(await slow).toEqual(doc('old'));
    expect(await cache.get('workspaces', 'w1')).toEqual(doc('new'));
  });

  it('does not cache a slow read that was in flight when the cache was cleared', async () => {
    const store = new FakeStore();
    const cache = new ViewCache<Docs>(store, CACHED);
    store.hold = true;
    const slow = cache.get('workspaces', 'w1');
    cache.invalidate('workspaces', 'w1', '10');
    cache.clear();
    store.held[0]!.resolve({ doc: doc('old'), position: '9' });
    await slow;
    store.hold = false;
    store.put('w1', doc('new'), '10');
    expect(await cache.get('workspaces', 'w1')).toEqual(doc('new'));
  });
});
