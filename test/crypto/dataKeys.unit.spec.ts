import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataKeys, UnknownDataKey } from '../../src/crypto/dataKeys';
import type { WrappedDataKey } from '../../src/crypto/keyStore.port';
import { parseMasterKeys } from '../../src/crypto/masterKeys';
import { loadSodium, type Sodium } from '../../src/crypto/sodium';
import { deferred, settledSoon } from '../stores/contractSupport';
import { MemoryKeyStore } from './memoryKeyStore';

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');
const onlyA = () => parseMasterKeys(`A:${keyA}`);
const onlyB = () => parseMasterKeys(`B:${keyB}`);
const bThenA = () => parseMasterKeys(`B:${keyB},A:${keyA}`);
const clock = () => new Date('2024-05-01T12:00:00.000Z');

describe('DataKeys', () => {
  let sodium: Sodium;
  beforeAll(async () => {
    sodium = await loadSodium();
  });

  it('makes distinct random 32-byte keys', async () => {
    const dataKeys = new DataKeys(sodium, new MemoryKeyStore(), onlyA(), clock);
    const [a, b] = [await dataKeys.create(), await dataKeys.create()];
    expect(a.key).toHaveLength(32);
    expect(a.id).not.toBe(b.id);
    expect(Buffer.from(a.key).equals(Buffer.from(b.key))).toBe(false);
  });

  it('writes the wrapped key to the key store before handing it out', async () => {
    const keyStore = new MemoryKeyStore();
    const stored = deferred();
    const insert = keyStore.insert.bind(keyStore);
    keyStore.insert = async (key: WrappedDataKey) => {
      await stored.promise;
      return insert(key);
    };
    const creating = new DataKeys(sodium, keyStore, onlyA(), clock).create();
    expect(await settledSoon(creating)).toBe(false);
    stored.resolve();
    const created = await creating;
    const [wrapping] = await keyStore.get(created.id);
    expect(wrapping).toMatchObject({ dataKeyId: created.id, masterKeyId: 'A', createdAt: '2024-05-01T12:00:00.000Z' });
    // Wrapped, not stored in the clear.
    expect(Buffer.from(wrapping!.wrapped, 'base64').includes(Buffer.from(created.key))).toBe(false);
  });

  it('fails to create a key the key store refused to keep', async () => {
    const keyStore = new MemoryKeyStore();
    keyStore.insert = async () => {
      throw new Error('disk full');
    };
    await expect(new DataKeys(sodium, keyStore, onlyA(), clock).create()).rejects.toThrow('disk full');
  });

  it('unwraps a key from the store in a fresh instance', async () => {
    const keyStore = new MemoryKeyStore();
    const created = await new DataKeys(sodium, keyStore, onlyA(), clock).create();
    const fresh = new DataKeys(sodium, keyStore, onlyA(), clock);
    expect(await fresh.get(created.id)).toEqual(created);
  });

  it('refuses an unknown data key id', async () => {
    const dataKeys = new DataKeys(sodium, new MemoryKeyStore(), onlyA(), clock);
    await expect(dataKeys.get('dk_unknown')).rejects.toThrow(UnknownDataKey);
    await expect(dataKeys.get('dk_unknown')).rejects.toMatchObject({ dataKeyId: 'dk_unknown' });
  });

  it('refuses a key wrapped only under a master key that is not configured', async () => {
    const keyStore = new MemoryKeyStore();
    const created = await new DataKeys(sodium, keyStore, onlyA(), clock).create();
    await expect(new DataKeys(sodium, keyStore, onlyB(), clock).get(created.id)).rejects.toThrow(UnknownDataKey);
  });

  it('reads a key wrapped under master key A once B is active and A still configured', async () => {
    const keyStore = new MemoryKeyStore();
    const created = await new DataKeys(sodium, keyStore, onlyA(), clock).create();
    expect(await new DataKeys(sodium, keyStore, bThenA(), clock).get(created.id)).toEqual(created);
  });

  it('wraps every key under the active master key, so the old one can be retired', async () => {
    const keyStore = new MemoryKeyStore();
    const underA = new DataKeys(sodium, keyStore, onlyA(), clock);
    const [one, two] = [await underA.create(), await underA.create()];
    const rotating = new DataKeys(sodium, keyStore, bThenA(), clock);
    const already = await rotating.create();

    expect(await rotating.rewrapAll()).toEqual({ rewrapped: 2, total: 3 });
    expect((await keyStore.get(one.id)).map((w) => w.masterKeyId)).toEqual(['B', 'A']);
    expect((await keyStore.get(already.id)).map((w) => w.masterKeyId)).toEqual(['B']);
    expect(await rotating.rewrapAll()).toEqual({ rewrapped: 0, total: 3 });

    const retired = new DataKeys(sodium, keyStore, onlyB(), clock);
    for (const key of [one, two, already]) expect(await retired.get(key.id)).toEqual(key);
  });

  it('rejects a wrapping passed off as another data key', async () => {
    const keyStore = new MemoryKeyStore();
    const created = await new DataKeys(sodium, keyStore, onlyA(), clock).create();
    const [original] = await keyStore.get(created.id);
    await keyStore.insert({ ...original!, dataKeyId: 'dk_forged' });
    await expect(new DataKeys(sodium, keyStore, onlyA(), clock).get('dk_forged')).rejects.toThrow();
  });

  describe('destroy', () => {
    it('removes the key from the store and from its cache: it is unknown at once', async () => {
      const keyStore = new MemoryKeyStore();
      const dataKeys = new DataKeys(sodium, keyStore, onlyA(), clock);
      const created = await dataKeys.create();
      expect(await dataKeys.get(created.id)).toEqual(created);
      await dataKeys.destroy(created.id);
      expect(await keyStore.get(created.id)).toEqual([]);
      await expect(dataKeys.get(created.id)).rejects.toThrow(UnknownDataKey);
    });

    it('is idempotent', async () => {
      const dataKeys = new DataKeys(sodium, new MemoryKeyStore(), onlyA(), clock);
      const created = await dataKeys.create();
      await dataKeys.destroy(created.id);
      await expect(dataKeys.destroy(created.id)).resolves.toBeUndefined();
    });
  });

  describe('getOrCreate (keys with a fixed id)', () => {
    it('makes the key under that id on first use, wrapped by the active master key, and gives it back after', async () => {
      const keyStore = new MemoryKeyStore();
      const made = await new DataKeys(sodium, keyStore, onlyA(), clock).getOrCreate('ik_fixed');
      expect(made.id).toBe('ik_fixed');
      expect(made.key).toHaveLength(32);
      expect((await keyStore.get('ik_fixed')).map((w) => w.masterKeyId)).toEqual(['A']);
      expect(await new DataKeys(sodium, keyStore, onlyA(), clock).getOrCreate('ik_fixed')).toEqual(made);
    });

    it('makes one key when several ask at once in one process', async () => {
      const keyStore = new MemoryKeyStore();
      const dataKeys = new DataKeys(sodium, keyStore, onlyA(), clock);
      const [a, b] = await Promise.all([dataKeys.getOrCreate('ik_once'), dataKeys.getOrCreate('ik_once')]);
      expect(a).toEqual(b);
      expect(await keyStore.get('ik_once')).toHaveLength(1);
    });

    it('reads back the key another process wrote first (DuplicateDataKey)', async () => {
      const keyStore = new MemoryKeyStore();
      const other = await new DataKeys(sodium, keyStore, onlyA(), clock).getOrCreate('ik_race');
      const late = new DataKeys(sodium, keyStore, onlyA(), clock);
      // As if the other process inserted between this one's read (nothing) and its insert.
      const get = keyStore.get.bind(keyStore);
      let reads = 0;
      keyStore.get = async (id: string) => (reads++ === 0 ? [] : get(id));
      expect(await late.getOrCreate('ik_race')).toEqual(other);
    });

    it('never makes a second key beside one wrapped only under a master key it lacks', async () => {
      const keyStore = new MemoryKeyStore();
      await new DataKeys(sodium, keyStore, onlyA(), clock).getOrCreate('ik_elsewhere');
      await expect(new DataKeys(sodium, keyStore, onlyB(), clock).getOrCreate('ik_elsewhere')).rejects.toThrow(UnknownDataKey);
      expect(await keyStore.get('ik_elsewhere')).toHaveLength(1);
    });

    it('makes a new key under the id of a destroyed one', async () => {
      const keyStore = new MemoryKeyStore();
      const dataKeys = new DataKeys(sodium, keyStore, onlyA(), clock);
      const first = await dataKeys.getOrCreate('sk_someone');
      await dataKeys.destroy('sk_someone');
      const second = await dataKeys.getOrCreate('sk_someone');
      expect(Buffer.from(second.key).equals(Buffer.from(first.key))).toBe(false);
    });

    it('is wrapped anew by rotation like any other key', async () => {
      const keyStore = new MemoryKeyStore();
      const made = await new DataKeys(sodium, keyStore, onlyA(), clock).getOrCreate('ik_rotated');
      await new DataKeys(sodium, keyStore, bThenA(), clock).rewrapAll();
      expect(await new DataKeys(sodium, keyStore, onlyB(), clock).get('ik_rotated')).toEqual(made);
    });
  });
});
