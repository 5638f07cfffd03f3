import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataKeys, UnknownDataKey, type DataKey } from '../../src/crypto/dataKeys';
import { parseMasterKeys } from '../../src/crypto/masterKeys';
import { DecryptionFailed, SecretCipher, type SecretVersionRef } from '../../src/crypto/secretCipher';
import { loadSodium } from '../../src/crypto/sodium';
import type { SealedValue } from '../../src/events/values';
import { MemoryKeyStore } from './memoryKeyStore';

const ref: SecretVersionRef = { scope: 'workspace', ownerId: 'w1', key: 'API_KEY', version: 3 };

describe('SecretCipher', () => {
  let cipher: SecretCipher;
  let dataKey: DataKey;
  let otherDataKey: DataKey;
  beforeAll(async () => {
    const sodium = await loadSodium();
    const dataKeys = new DataKeys(sodium, new MemoryKeyStore(), parseMasterKeys(`m1:${randomBytes(32).toString('base64')}`));
    cipher = new SecretCipher(sodium, dataKeys);
    dataKey = await dataKeys.create();
    otherDataKey = await dataKeys.create();
  });

  it('opens what it sealed, for any value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), async (value) => {
        const sealed = cipher.seal(dataKey, ref, value);
        expect(await cipher.open(ref, sealed)).toBe(value);
      }),
      { numRuns: 50 },
    );
  });

  it('gives back a value byte for byte, a leading U+FEFF included', async () => {
    for (const value of ['\ufeff', '\ufeffsk_live', 'a\ufeff', '\ufeff\ufeff', '\u{1F511} key']) {
      expect(await cipher.open(ref, cipher.seal(dataKey, ref, value))).toBe(value);
    }
  });

  it('fingerprints a value with a leading U+FEFF apart from the value without it', () => {
    expect(cipher.fingerprint(dataKey, '\ufeffx')).not.toBe(cipher.fingerprint(dataKey, 'x'));
  });

  it('names its data key and never carries the plaintext', () => {
    const value = 'sk_live_plaintext_value_123';
    const sealed = cipher.seal(dataKey, ref, value);
    expect(sealed.dataKeyId).toBe(dataKey.id);
    expect(Buffer.from(sealed.nonce, 'base64')).toHaveLength(24);
    const serialized = JSON.stringify(sealed);
    for (const form of [value, Buffer.from(value).toString('base64'), Buffer.from(value).toString('hex')]) {
      expect(serialized).not.toContain(form);
    }
  });

  it('uses a new nonce every time', () => {
    const [a, b] = [cipher.seal(dataKey, ref, 'same'), cipher.seal(dataKey, ref, 'same')];
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it.each<[string, SecretVersionRef]>([
    ['another key name', { ...ref, key: 'OTHER_KEY' }],
    ['another version', { ...ref, version: 4 }],
    ['another owner', { ...ref, ownerId: 'w2' }],
    ['another scope', { ...ref, scope: 'personal' }],
  ])('refuses a ciphertext copied onto %s', async (_what, elsewhere) => {
    const sealed = cipher.seal(dataKey, ref, 'hunter2');
    await expect(cipher.open(elsewhere, sealed)).rejects.toThrow(DecryptionFailed);
    expect(await cipher.open(ref, sealed)).toBe('hunter2');
  });

  const flipFirstByte = (base64: string) => {
    const bytes = Buffer.from(base64, 'base64');
    bytes[0] = bytes[0]! ^ 1;
    return bytes.toString('base64');
  };

  it.each<[string, (sealed: SealedValue) => SealedValue]>([
    ['a tampered ciphertext', (s) => ({ ...s, ciphertext: flipFirstByte(s.ciphertext) })],
    ['a truncated ciphertext', (s) => ({ ...s, ciphertext: Buffer.from(s.ciphertext, 'base64').subarray(1).toString('base64') })],
    ['a tampered nonce', (s) => ({ ...s, nonce: flipFirstByte(s.nonce) })],
  ])('refuses %s', async (_what, tamper) => {
    const sealed = cipher.seal(dataKey, ref, 'hunter2');
    await expect(cipher.open(ref, tamper(sealed))).rejects.toThrow(DecryptionFailed);
  });

  it('refuses a ciphertext relabelled with another data key, and one naming an unknown key', async () => {
    const sealed = cipher.seal(dataKey, ref, 'hunter2');
    await expect(cipher.open(ref, { ...sealed, dataKeyId: otherDataKey.id })).rejects.toThrow(DecryptionFailed);
    await expect(cipher.open(ref, { ...sealed, dataKeyId: 'dk_unknown' })).rejects.toThrow(UnknownDataKey);
  });

  it('keeps the value out of its decryption errors', async () => {
    const sealed = cipher.seal(dataKey, ref, 'hunter2-plaintext');
    const error = await cipher.open({ ...ref, version: 9 }, sealed).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(DecryptionFailed);
    expect((error as Error).message).not.toContain('hunter2');
  });

  describe('fingerprints', () => {
    it('are equal for the same value in the same secret', () => {
      expect(cipher.fingerprint(dataKey, 'hunter2')).toBe(cipher.fingerprint(dataKey, 'hunter2'));
    });

    it('differ for the same value under two data keys', () => {
      expect(cipher.fingerprint(dataKey, 'hunter2')).not.toBe(cipher.fingerprint(otherDataKey, 'hunter2'));
    });

    it('differ for different values, and do not reveal the value', () => {
      fc.assert(
        fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
          fc.pre(a !== b);
          expect(cipher.fingerprint(dataKey, a)).not.toBe(cipher.fingerprint(dataKey, b));
        }),
        { numRuns: 100 },
      );
      const fingerprint = cipher.fingerprint(dataKey, 'hunter2');
      expect(fingerprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(fingerprint).not.toContain(Buffer.from('hunter2').toString('base64url'));
    });
  });
});
