import { describe, expect, it } from 'vitest';
import { DataKeys } from '../../src/crypto/dataKeys';
import { retireMasterKey, RetiringTheActiveMasterKey } from '../../src/crypto/masterKeyRetirement';
import { parseMasterKeys, type MasterKeys } from '../../src/crypto/masterKeys';
import { loadSodium } from '../../src/crypto/sodium';
import { MemoryKeyStore } from './memoryKeyStore';

const keyText = (byte: number) => Buffer.alloc(32, byte).toString('base64');
const [k1, k2, k3] = [`k1:${keyText(1)}`, `k2:${keyText(2)}`, `k3:${keyText(3)}`];

async function dataKeysUnder(store: MemoryKeyStore, masterKeys: MasterKeys) {
  return new DataKeys(await loadSodium(), store, masterKeys);
}

describe('Retiring a master key (DESIGN §9: rotate-master-key --retire)', () => {
  it('rewraps every data key under the active key, then deletes every wrapping under the retired one', async () => {
    const store = new MemoryKeyStore();
    const made = await (await dataKeysUnder(store, parseMasterKeys(k1))).createMany(3);
    const rotated = parseMasterKeys(`${k2},${k1}`);
    const result = await retireMasterKey(await dataKeysUnder(store, rotated), store, rotated, 'k1');
    expect(result).toEqual({ rewrapped: 3, total: 3, retired: 3, kept: [] });
    expect(store.wrappings.map((w) => w.masterKeyId)).toEqual(['k2', 'k2', 'k2']);
    // Every data key still opens, with the active key alone.
    const after = await dataKeysUnder(store, parseMasterKeys(k2));
    for (const { id, key } of made) expect((await after.get(id)).key).toEqual(key);
  });

  it('keeps the wrappings of other master keys that stay', async () => {
    const store = new MemoryKeyStore();
    await (await dataKeysUnder(store, parseMasterKeys(`${k3},${k1}`))).createMany(1);
    const rotated = parseMasterKeys(`${k2},${k3},${k1}`);
    await retireMasterKey(await dataKeysUnder(store, rotated), store, rotated, 'k1');
    expect(store.wrappings.map((w) => w.masterKeyId).sort()).toEqual(['k2', 'k3']);
  });

  it('refuses to retire the active master key, and changes nothing', async () => {
    const store = new MemoryKeyStore();
    const masterKeys = parseMasterKeys(`${k1},${k2}`);
    await (await dataKeysUnder(store, masterKeys)).createMany(1);
    await expect(retireMasterKey(await dataKeysUnder(store, masterKeys), store, masterKeys, 'k1')).rejects.toThrow(RetiringTheActiveMasterKey);
    expect(store.wrappings.map((w) => w.masterKeyId)).toEqual(['k1']);
  });

  it('keeps, and names, a wrapping whose data key has none under a staying key (a rewrap that did not land)', async () => {
    const store = new MemoryKeyStore();
    const [orphan] = await (await dataKeysUnder(store, parseMasterKeys(k1))).createMany(1);
    const rotated = parseMasterKeys(`${k2},${k1}`);
    // As if the rewrap had been lost: nothing under k2.
    const noRewrap = { rewrapAll: async () => ({ rewrapped: 0, total: 1 }) };
    expect(await retireMasterKey(noRewrap, store, rotated, 'k1')).toEqual({ rewrapped: 0, total: 1, retired: 0, kept: [orphan!.id] });
    expect(store.wrappings.map((w) => w.masterKeyId)).toEqual(['k1']);
  });
});
