import { describe, expect, it } from 'vitest';
import { commitAt, item, type ContractStore } from './readStoreSupport';

/** Rebuilds of the ReadStore contract; `open` makes a fresh store that is closed after the test. */
export function readStoreRebuildContract(open: () => Promise<ContractStore>): void {
  describe('rebuild', () => {
    async function liveWithData() {
      const live = await open();
      await commitAt(live, [item('old', '5', { group: 'g', v: 'live' }), item('gone', '5', null)], '5');
      return live;
    }

    it('starts an empty store beside the live one, with its own checkpoint', async () => {
      const live = await liveWithData();
      const liveCheckpoint = await live.checkpoint();
      const target = await live.startRebuild();
      const rebuilt = target.store;
      const checkpoint = await rebuilt.checkpoint();
      expect(checkpoint.position).toBeNull();
      expect(checkpoint.generation).not.toBe('');
      expect(await rebuilt.get('items', 'old')).toBeUndefined();
      expect(await rebuilt.get('items', 'gone')).toBeUndefined();
      expect(await rebuilt.all('items')).toEqual([]);
      expect(await rebuilt.find('items', 'group', 'g')).toEqual([]);

      await commitAt(rebuilt, [item('new', '3', { group: 'g', v: 'rebuilt' })], '3');
      expect(await rebuilt.get('items', 'new')).toEqual({ doc: { group: 'g', v: 'rebuilt' }, position: '3' });
      expect(await live.get('items', 'new')).toBeUndefined();
      expect(await live.checkpoint()).toEqual(liveCheckpoint);
      await target.discard();
    });

    it('swaps in the rebuilt views and checkpoint under a new generation', async () => {
      const live = await liveWithData();
      const old = await live.checkpoint();
      const target = await live.startRebuild();
      await commitAt(target.store, [item('new', '3', { group: 'g', color: 'red' }), item('later', '8', { group: 'h' })], '8');
      await target.swapIn();

      const swapped = await live.checkpoint();
      expect(swapped.position).toBe('8');
      expect(swapped.generation).not.toBe(old.generation);
      expect(await live.get('items', 'old')).toBeUndefined();
      expect(await live.get('items', 'gone')).toBeUndefined();
      expect(await live.get('items', 'new')).toEqual({ doc: { group: 'g', color: 'red' }, position: '3' });
      expect((await live.find('items', 'group', 'g')).map((f) => f.id)).toEqual(['new']);
      expect((await live.find('items', 'color', 'red')).map((f) => f.id)).toEqual(['new']);
      expect((await live.all('items')).map((f) => f.id)).toEqual(['later', 'new']);

      // A projector still on the old generation must not move the new checkpoint or write.
      expect(await live.commit([item('stale', '9', { group: 'g' })], '9', old.generation)).toBe(false);
      expect(await live.checkpoint()).toEqual(swapped);
      expect(await live.get('items', 'stale')).toBeUndefined();
      expect(await live.commit([item('fresh', '9', { group: 'g' })], '9', swapped.generation)).toBe(true);
      expect((await live.find('items', 'group', 'g')).map((f) => f.id)).toEqual(['fresh', 'new']);
    });

    it('swaps in an untouched rebuild as empty views with a null checkpoint', async () => {
      const live = await liveWithData();
      const target = await live.startRebuild();
      await target.swapIn();
      expect((await live.checkpoint()).position).toBeNull();
      expect(await live.get('items', 'old')).toBeUndefined();
      expect(await live.all('items')).toEqual([]);
    });

    it('discards a rebuild leaving the live views, checkpoint and generation as they were', async () => {
      const live = await liveWithData();
      const before = await live.checkpoint();
      const target = await live.startRebuild();
      await commitAt(target.store, [item('new', '3', { group: 'g' })], '3');
      await target.discard();
      expect(await live.checkpoint()).toEqual(before);
      expect(await live.get('items', 'old')).toEqual({ doc: { group: 'g', v: 'live' }, position: '5' });
      expect(await live.get('items', 'gone')).toEqual({ doc: null, position: '5' });
      expect(await live.get('items', 'new')).toBeUndefined();
      expect(await live.commit([item('after', '6', { group: 'g' })], '6', before.generation)).toBe(true);

      const next = await live.startRebuild();
      expect(await next.store.get('items', 'new')).toBeUndefined();
      expect((await next.store.checkpoint()).position).toBeNull();
      await next.discard();
    });

    it('starts a new rebuild empty even when an earlier one was abandoned', async () => {
      const live = await liveWithData();
      const abandoned = await live.startRebuild();
      await commitAt(abandoned.store, [item('leftover', '4', { group: 'g' })], '4');
      const target = await live.startRebuild();
      expect(await target.store.get('items', 'leftover')).toBeUndefined();
      expect((await target.store.checkpoint()).position).toBeNull();
      await commitAt(target.store, [item('new', '2', { group: 'g' })], '2');
      await target.swapIn();
      expect((await live.all('items')).map((f) => f.id)).toEqual(['new']);
      expect((await live.checkpoint()).position).toBe('2');
    });
  });
}
