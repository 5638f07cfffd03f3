import { randomBytes } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BLIND_INDEX_KEY_ID, BlindIndex } from '../../src/crypto/blindIndex';
import { DataKeys } from '../../src/crypto/dataKeys';
import { parseMasterKeys } from '../../src/crypto/masterKeys';
import { ERASED, PersonalData } from '../../src/crypto/personalData';
import { loadSodium, type Sodium } from '../../src/crypto/sodium';
import { SubjectKeys, subjects } from '../../src/crypto/subjectKeys';
import { leakForms } from '../support/leaks';
import { MemoryKeyStore } from './memoryKeyStore';

const masterKeys = parseMasterKeys(`m1:${randomBytes(32).toString('base64')}`);

/** Everything of the personal-data crypto over one key store, as one process has it. */
function personalDataOver(sodium: Sodium, keyStore: MemoryKeyStore) {
  const dataKeys = new DataKeys(sodium, keyStore, masterKeys);
  const index = new BlindIndex(dataKeys);
  const subjectKeys = new SubjectKeys(dataKeys, index);
  return { dataKeys, index, subjectKeys, personalData: new PersonalData(sodium, dataKeys, subjectKeys, index) };
}

const showsNothingOf = (envelope: object, plaintext: string) => {
  const json = JSON.stringify(envelope);
  for (const form of leakForms(plaintext)) expect(json).not.toContain(form);
};

describe('Personal data (forgettable payloads)', () => {
  let sodium: Sodium;
  let keyStore: MemoryKeyStore;
  let crypto: ReturnType<typeof personalDataOver>;
  beforeAll(async () => {
    sodium = await loadSodium();
  });
  beforeEach(() => {
    keyStore = new MemoryKeyStore();
    crypto = personalDataOver(sodium, keyStore);
  });

  describe('subject keys', () => {
    it('are found from the subject alone: the same id in every process sharing the key store', async () => {
      const other = personalDataOver(sodium, keyStore);
      const id = await crypto.subjectKeys.idOf(subjects.user('alice'));
      expect(await other.subjectKeys.idOf(subjects.user('alice'))).toBe(id);
      expect(await crypto.subjectKeys.idOf(subjects.user('bob'))).not.toBe(id);
      expect(id).toMatch(/^sk_[A-Za-z0-9_-]{22}$/);
    });

    it('have ids that reveal neither the email nor the user id', async () => {
      const ids = [await crypto.subjectKeys.idOf(subjects.email('Erin@Example.com')), await crypto.subjectKeys.idOf(subjects.user('alice'))];
      for (const id of ids) for (const secret of ['erin', 'example', 'alice']) expect(id.toLowerCase()).not.toContain(secret);
    });

    it('are made on first use, one per subject, wrapped by the master key', async () => {
      const key = await crypto.subjectKeys.keyOf(subjects.user('alice'));
      expect(await crypto.subjectKeys.keyOf(subjects.user('alice'))).toEqual(key);
      expect((await keyStore.get(key.id)).map((w) => w.masterKeyId)).toEqual(['m1']);
    });

    it('take an email subject lower-cased', async () => {
      expect(await crypto.subjectKeys.idOf(subjects.email('ERIN@example.com'))).toBe(await crypto.subjectKeys.idOf(subjects.email('erin@example.com')));
    });
  });

  describe('the blind index of an email', () => {
    it('is the same whatever the case, and differs between emails', async () => {
      const erin = await crypto.index.email('erin@example.com');
      expect(await crypto.index.email('Erin@EXAMPLE.com')).toBe(erin);
      expect(await crypto.index.email('erin@example.org')).not.toBe(erin);
      expect(erin).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it('is keyed by one index key with a fixed id, kept in the key store like any data key', async () => {
      const erin = await crypto.index.email('erin@example.com');
      expect(await keyStore.dataKeyIds()).toEqual([BLIND_INDEX_KEY_ID]);
      // Another process finds the same key, so the same index.
      expect(await personalDataOver(sodium, keyStore).index.email('erin@example.com')).toBe(erin);
      // Another key store (another deployment) gives another index: it is keyed, not a plain hash.
      expect(await personalDataOver(sodium, new MemoryKeyStore()).index.email('erin@example.com')).not.toBe(erin);
    });
  });

  describe('an email', () => {
    it("is sealed under its subject's key, lower-cased, as a bare envelope with its blind index beside", async () => {
      const { sealed, index } = await crypto.personalData.sealEmail(subjects.email('erin@example.com'), 'ws_1', 'Erin@Example.com');
      expect(Object.keys(sealed).sort()).toEqual(['ciphertext', 'dataKeyId', 'nonce']);
      expect(sealed.dataKeyId).toBe(await crypto.subjectKeys.idOf(subjects.email('erin@example.com')));
      expect(index).toBe(await crypto.index.email('erin@example.com'));
      showsNothingOf(sealed, 'erin@example.com');
      expect(await crypto.personalData.open({ field: 'email', workspaceId: 'ws_1' }, sealed)).toBe('erin@example.com');
    });

    it('is sealed with a fresh nonce each time', async () => {
      const subject = subjects.user('alice');
      const [a, b] = [await crypto.personalData.sealEmail(subject, 'ws_1', 'a@x.io'), await crypto.personalData.sealEmail(subject, 'ws_1', 'a@x.io')];
      expect(a.sealed.nonce).not.toBe(b.sealed.nonce);
      expect(a.index).toBe(b.index);
    });

    it('does not open in another workspace (moved ciphertext)', async () => {
      const { sealed } = await crypto.personalData.sealEmail(subjects.user('alice'), 'ws_1', 'alice@example.com');
      expect(await crypto.personalData.open({ field: 'email', workspaceId: 'ws_2' }, sealed)).not.toBe('alice@example.com');
    });
  });

  describe('the request context', () => {
    it("seals the addresses under the actor's subject key and keeps the ids plain", async () => {
      const request = { requestId: 'r1', clientRequestId: 'c1', clientAddress: '203.0.113.9', peerAddress: '10.0.0.1' };
      const sealed = await crypto.personalData.sealRequest('alice', request);
      expect(sealed).toMatchObject({ requestId: 'r1', clientRequestId: 'c1' });
      const aliceKey = await crypto.subjectKeys.idOf(subjects.user('alice'));
      expect(sealed.clientAddress?.dataKeyId).toBe(aliceKey);
      expect(sealed.peerAddress?.dataKeyId).toBe(aliceKey);
      showsNothingOf(sealed, '203.0.113.9');
      showsNothingOf(sealed, '10.0.0.1');
      expect(await crypto.personalData.open({ field: 'clientAddress', requestId: 'r1' }, sealed.clientAddress!)).toBe('203.0.113.9');
      expect(await crypto.personalData.open({ field: 'peerAddress', requestId: 'r1' }, sealed.peerAddress!)).toBe('10.0.0.1');
    });

    it('leaves out the addresses a request did not have', async () => {
      expect(await crypto.personalData.sealRequest('alice', { requestId: 'r2' })).toEqual({ requestId: 'r2' });
    });
  });

  describe("a secret's details", () => {
    const ref = { field: 'displayName', scope: 'workspace', ownerId: 'ws_1', key: 'STRIPE' } as const;

    it("are sealed under the secret's own data key, bound to scope, owner, key and field", async () => {
      const secretKey = await crypto.dataKeys.create();
      const sealed = await crypto.personalData.sealDetail(secretKey.id, ref, 'Stripe live key');
      expect(sealed.dataKeyId).toBe(secretKey.id);
      showsNothingOf(sealed, 'Stripe live key');
      expect(await crypto.personalData.open(ref, sealed)).toBe('Stripe live key');
      expect(await crypto.personalData.open({ ...ref, field: 'description' }, sealed)).not.toBe('Stripe live key');
      expect(await crypto.personalData.open({ ...ref, key: 'OTHER' }, sealed)).not.toBe('Stripe live key');
    });

    it('are erased with the secret: destroying its data key', async () => {
      const secretKey = await crypto.dataKeys.create();
      const sealed = await crypto.personalData.sealDetail(secretKey.id, ref, 'Stripe live key');
      await crypto.dataKeys.destroy(secretKey.id);
      expect(await crypto.personalData.open(ref, sealed)).toBe(ERASED);
    });
  });

  describe('opening', () => {
    it('takes a plain string as it is: legacy plaintext from before sealing', async () => {
      expect(await crypto.personalData.open({ field: 'email', workspaceId: 'ws_1' }, 'old@example.com')).toBe('old@example.com');
    });

    it('shows [erased] once the subject key is destroyed, and after it was made anew under the same id', async () => {
      const subject = subjects.user('alice');
      const { sealed } = await crypto.personalData.sealEmail(subject, 'ws_1', 'alice@example.com');
      await crypto.subjectKeys.destroy(subject);
      const field = { field: 'email', workspaceId: 'ws_1' } as const;
      expect(await crypto.personalData.open(field, sealed)).toBe(ERASED);
      // Alice acts again: a new key under the same id, which does not open what the old one sealed.
      const again = await crypto.personalData.sealEmail(subject, 'ws_1', 'alice@example.com');
      expect(again.sealed.dataKeyId).toBe(sealed.dataKeyId);
      expect(await crypto.personalData.open(field, sealed)).toBe(ERASED);
      expect(await crypto.personalData.open(field, again.sealed)).toBe('alice@example.com');
    });

    it('reads as erased in another process sharing the key store too', async () => {
      const other = personalDataOver(sodium, keyStore);
      const { sealed } = await crypto.personalData.sealEmail(subjects.user('alice'), 'ws_1', 'alice@example.com');
      await crypto.subjectKeys.destroy(subjects.user('alice'));
      expect(await other.personalData.open({ field: 'email', workspaceId: 'ws_1' }, sealed)).toBe(ERASED);
    });
  });
});
