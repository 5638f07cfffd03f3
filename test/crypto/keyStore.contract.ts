import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { DuplicateDataKey, type KeyStore, type WrappedDataKey } from '../../src/crypto/keyStore.port';

const freshId = () => `dk_${randomBytes(12).toString('hex')}`;

function wrapping(dataKeyId: string, masterKeyId: string, createdAt = '2024-05-01T12:00:00.000Z'): WrappedDataKey {
  return { dataKeyId, masterKeyId, wrapped: randomBytes(72).toString('base64'), createdAt };
}

/**
 * The KeyStore port's contract, for every adapter. Data key ids are random, so `makeStore` may
 * hand back a store that already holds keys. Stores are closed after each test, then `cleanup` runs.
 */
export function keyStoreContract(name: string, makeStore: () => Promise<KeyStore>, cleanup?: () => Promise<void>): void {
  describe(`KeyStore contract: ${name}`, () => {
    const opened: KeyStore[] = [];
    const open = async () => {
      const store = await makeStore();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
      await cleanup?.();
    });

    it('gives back a wrapping exactly as inserted', async () => {
      const store = await open();
      const key = wrapping(freshId(), 'm1');
      await store.insert(key);
      expect(await store.get(key.dataKeyId)).toEqual([key]);
    });

    it('writes several wrappings in one call', async () => {
      const store = await open();
      const keys = [wrapping(freshId(), 'm1'), wrapping(freshId(), 'm1'), wrapping(freshId(), 'm1')];
      await store.insert(...keys);
      for (const key of keys) expect(await store.get(key.dataKeyId)).toEqual([key]);
    });

    it('refuses a batch that repeats a wrapping, naming it', async () => {
      const store = await open();
      const first = wrapping(freshId(), 'm1');
      await store.insert(first);
      const error = await store.insert(wrapping(freshId(), 'm1'), { ...first, createdAt: '2024-06-01T00:00:00.000Z' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ dataKeyId: first.dataKeyId, masterKeyId: 'm1' });
      expect(await store.get(first.dataKeyId)).toEqual([first]);
    });

    it('refuses a second wrapping by the same master key and keeps the first', async () => {
      const store = await open();
      const first = wrapping(freshId(), 'm1');
      await store.insert(first);
      const again = { ...wrapping(first.dataKeyId, 'm1'), createdAt: '2024-06-01T00:00:00.000Z' };
      const error = await store.insert(again).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DuplicateDataKey);
      expect(error).toMatchObject({ dataKeyId: first.dataKeyId, masterKeyId: 'm1' });
      expect(await store.get(first.dataKeyId)).toEqual([first]);
    });

    it('keeps a wrapping under another master key beside the first, newest first', async () => {
      const store = await open();
      const id = freshId();
      const old = wrapping(id, 'm1', '2024-05-01T12:00:00.000Z');
      const rotated = wrapping(id, 'm2', '2024-07-01T12:00:00.000Z');
      await store.insert(old);
      await store.insert(rotated);
      expect(await store.get(id)).toEqual([rotated, old]);
    });

    it('answers an unknown data key with no wrappings', async () => {
      const store = await open();
      await store.insert(wrapping(freshId(), 'm1'));
      expect(await store.get(freshId())).toEqual([]);
    });

    it('keeps the wrappings of different data keys apart', async () => {
      const store = await open();
      const [a, b] = [wrapping(freshId(), 'm1'), wrapping(freshId(), 'm1')];
      await store.insert(a);
      await store.insert(b);
      expect(await store.get(a.dataKeyId)).toEqual([a]);
      expect(await store.get(b.dataKeyId)).toEqual([b]);
    });

    it('lists every data key id once, however many wrappings it has', async () => {
      const store = await open();
      const before = await store.dataKeyIds();
      const [a, b] = [freshId(), freshId()];
      await store.insert(wrapping(a, 'm1'));
      await store.insert(wrapping(a, 'm2'));
      await store.insert(wrapping(b, 'm1'));
      const after = await store.dataKeyIds();
      expect(new Set(after).size).toBe(after.length);
      expect([...after].sort()).toEqual([...before, a, b].sort());
    });

    describe('destroy', () => {
      it('removes every wrapping of the data key, under every master key', async () => {
        const store = await open();
        const id = freshId();
        await store.insert(wrapping(id, 'm1'));
        await store.insert(wrapping(id, 'm2'));
        await store.destroy(id);
        expect(await store.get(id)).toEqual([]);
        expect(await store.dataKeyIds()).not.toContain(id);
      });

      it('leaves the other data keys as they were', async () => {
        const store = await open();
        const [doomed, kept] = [wrapping(freshId(), 'm1'), wrapping(freshId(), 'm1')];
        await store.insert(doomed, kept);
        await store.destroy(doomed.dataKeyId);
        expect(await store.get(kept.dataKeyId)).toEqual([kept]);
        expect(await store.dataKeyIds()).toContain(kept.dataKeyId);
      });

      it('is idempotent: destroying it again, or an id never stored, does nothing', async () => {
        const store = await open();
        const id = freshId();
        await store.insert(wrapping(id, 'm1'));
        await store.destroy(id);
        await store.destroy(id);
        await store.destroy(freshId());
        expect(await store.get(id)).toEqual([]);
      });

      it('lets the id be wrapped again afterwards (a subject key made anew after an erasure)', async () => {
        const store = await open();
        const id = freshId();
        await store.insert(wrapping(id, 'm1'));
        await store.destroy(id);
        const again = wrapping(id, 'm1', '2024-08-01T00:00:00.000Z');
        await store.insert(again);
        expect(await store.get(id)).toEqual([again]);
      });
    });

    describe('retireWrapping (retiring a master key, DESIGN §9)', () => {
      it('deletes the wrapping under the retired master key when one under a staying key exists, and keeps that one', async () => {
        const store = await open();
        const id = freshId();
        const [old, kept] = [wrapping(id, 'old'), wrapping(id, 'new', '2024-07-01T00:00:00.000Z')];
        await store.insert(old, kept);
        expect(await store.retireWrapping(id, 'old', ['new', 'other'])).toBe(true);
        expect(await store.get(id)).toEqual([kept]);
      });

      it('keeps the wrapping when the data key has none under a staying key: a data key is never left unreadable', async () => {
        const store = await open();
        const id = freshId();
        const [old, elsewhere] = [wrapping(id, 'old'), wrapping(id, 'dropped', '2024-07-01T00:00:00.000Z')];
        await store.insert(old, elsewhere);
        expect(await store.retireWrapping(id, 'old', ['new'])).toBe(false);
        expect(await store.retireWrapping(id, 'old', [])).toBe(false);
        expect(await store.get(id)).toEqual([elsewhere, old]);
      });

      it('does nothing for a data key with no wrapping under the retired key, or one never stored', async () => {
        const store = await open();
        const id = freshId();
        const kept = wrapping(id, 'new');
        await store.insert(kept);
        expect(await store.retireWrapping(id, 'old', ['new'])).toBe(false);
        expect(await store.retireWrapping(freshId(), 'old', ['new'])).toBe(false);
        expect(await store.get(id)).toEqual([kept]);
      });

      it('leaves the other data keys as they were', async () => {
        const store = await open();
        const [a, b] = [freshId(), freshId()];
        await store.insert(wrapping(a, 'old'), wrapping(a, 'new'), wrapping(b, 'old'));
        await store.retireWrapping(a, 'old', ['new']);
        expect((await store.get(b)).map((w) => w.masterKeyId)).toEqual(['old']);
      });

      it('refuses to retire a master key it is told to keep', async () => {
        const store = await open();
        const id = freshId();
        await store.insert(wrapping(id, 'old'));
        await expect(store.retireWrapping(id, 'old', ['old'])).rejects.toThrow(/old/);
        expect(await store.get(id)).toHaveLength(1);
      });

      it('never lets two retirements that keep each other\'s key leave a data key with no wrapping', async () => {
        const store = await open();
        const id = freshId();
        await store.insert(wrapping(id, 'k1'), wrapping(id, 'k2'));
        const results = await Promise.all([store.retireWrapping(id, 'k1', ['k2']), store.retireWrapping(id, 'k2', ['k1'])]);
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.get(id)).toHaveLength(1);
      });
    });

    describe('dataKeysWithNoWrappingUnder (the start-up check)', () => {
      it('lists the data keys none of whose wrappings is under one of the master keys, once each', async () => {
        const store = await open();
        const [covered, orphan, twice] = [freshId(), freshId(), freshId()];
        await store.insert(wrapping(covered, 'gone'), wrapping(covered, 'k2'), wrapping(orphan, 'gone'), wrapping(twice, 'gone'), wrapping(twice, 'lost'));
        const found = await store.dataKeysWithNoWrappingUnder(['k1', 'k2'], 1000);
        expect(found.filter((id) => [covered, orphan, twice].includes(id)).sort()).toEqual([orphan, twice].sort());
      });

      it('lists none when every data key has a wrapping under one of them', async () => {
        const store = await open();
        const [a, b] = [freshId(), freshId()];
        await store.insert(wrapping(a, 'k1'), wrapping(b, 'k2'), wrapping(b, 'gone'));
        const found = await store.dataKeysWithNoWrappingUnder(['k1', 'k2'], 1000);
        expect(found.filter((id) => id === a || id === b)).toEqual([]);
      });

      it('lists at most `limit`, and never a destroyed data key', async () => {
        const store = await open();
        const [x, y, z] = [freshId(), freshId(), freshId()];
        await store.insert(wrapping(x, 'gone'), wrapping(y, 'gone'), wrapping(z, 'gone'));
        expect(await store.dataKeysWithNoWrappingUnder(['k1'], 2)).toHaveLength(2);
        await store.destroy(y);
        expect(await store.dataKeysWithNoWrappingUnder(['k1'], 1000)).not.toContain(y);
      });
    });
  });
}
