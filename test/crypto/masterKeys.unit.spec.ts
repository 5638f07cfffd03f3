import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { addDevMasterKey, loadOrCreateDevMasterKeys, parseMasterKeys, removeDevMasterKey } from '../../src/crypto/masterKeys';

const key32 = () => randomBytes(32).toString('base64');

describe('parseMasterKeys', () => {
  it('reads id:base64key entries, the first one active', () => {
    const [a, b] = [randomBytes(32), randomBytes(32)];
    const keys = parseMasterKeys(` k2024:${a.toString('base64')} , k2023:${b.toString('base64')} `);
    expect(keys.activeId).toBe('k2024');
    expect([...keys.byId.keys()]).toEqual(['k2024', 'k2023']);
    expect(Buffer.from(keys.byId.get('k2024')!)).toEqual(a);
    expect(Buffer.from(keys.byId.get('k2023')!)).toEqual(b);
  });

  it('round-trips any list of distinct ids with 32-byte keys', () => {
    const entries = fc.uniqueArray(
      fc.record({ id: fc.stringMatching(/^[A-Za-z0-9_.]{1,64}$/), key: fc.uint8Array({ minLength: 32, maxLength: 32 }) }),
      { minLength: 1, maxLength: 5, selector: (e) => e.id },
    );
    fc.assert(
      fc.property(entries, (list) => {
        const keys = parseMasterKeys(list.map((e) => `${e.id}:${Buffer.from(e.key).toString('base64')}`).join(','));
        expect(keys.activeId).toBe(list[0]!.id);
        expect([...keys.byId.entries()]).toEqual(list.map((e) => [e.id, new Uint8Array(e.key)]));
      }),
    );
  });

  it.each([
    ['an empty value', '', /empty/],
    ['only separators', ' , ,', /empty/],
    ['a key of 16 bytes', `k1:${randomBytes(16).toString('base64')}`, /k1 must be 32 bytes/],
    ['a key of 33 bytes', `k1:${randomBytes(33).toString('base64')}`, /k1 must be 32 bytes/],
    ['an empty key', 'k1:', /k1 must be 32 bytes/],
    ['an id used twice', `k1:${key32()},k1:${key32()}`, /k1 appears twice/],
    ['an entry without an id', `:${key32()}`, /id:base64key/],
    ['an entry without a colon', key32(), /id:base64key/],
    ['an id with a dash', `k-1:${key32()}`, /id:base64key/],
  ])('refuses %s', (_what, spec, message) => {
    expect(() => parseMasterKeys(spec)).toThrow(message);
  });

  it('never echoes key material in its errors', () => {
    const secret = randomBytes(16).toString('base64');
    expect(() => parseMasterKeys(`k1:${secret}`)).toThrow(expect.objectContaining({ message: expect.not.stringContaining(secret) }));
  });
});

describe('loadOrCreateDevMasterKeys', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'secrets-masterkey-'));
    dirs.push(dir);
    return dir;
  };

  it('creates a key file readable by its owner only, warning that it is for development', () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    const warnings: string[] = [];
    const keys = loadOrCreateDevMasterKeys(dataDir, (m) => warnings.push(m));
    const file = join(dataDir, 'master.key');
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(keys.byId.get(keys.activeId)).toHaveLength(32);
    expect(readFileSync(file, 'utf8').trim()).toBe(`${keys.activeId}:${Buffer.from(keys.byId.get(keys.activeId)!).toString('base64')}`);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/DEVELOPMENT MASTER KEY/);
  });

  it('reuses the key file on the next start', () => {
    const dataDir = tempDir();
    const first = loadOrCreateDevMasterKeys(dataDir, () => {});
    const before = readFileSync(join(dataDir, 'master.key'), 'utf8');
    const warnings: string[] = [];
    const second = loadOrCreateDevMasterKeys(dataDir, (m) => warnings.push(m));
    expect(second.activeId).toBe(first.activeId);
    expect(second.byId).toEqual(first.byId);
    expect(readFileSync(join(dataDir, 'master.key'), 'utf8')).toBe(before);
    expect(warnings).toHaveLength(1);
  });

  it('refuses a damaged key file rather than replacing it', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'master.key'), 'dev_1:c2hvcnQ=\n', { mode: 0o600 });
    expect(() => loadOrCreateDevMasterKeys(dataDir, () => {})).toThrow(/32 bytes/);
    expect(readFileSync(join(dataDir, 'master.key'), 'utf8')).toBe('dev_1:c2hvcnQ=\n');
  });

  it('drops a retired development key from the file (rotate-master-key --retire), never the active one', () => {
    const dataDir = tempDir();
    const old = loadOrCreateDevMasterKeys(dataDir, () => {});
    const rotated = addDevMasterKey(dataDir);
    expect(removeDevMasterKey(dataDir, rotated.activeId)).toBe(false);
    expect(removeDevMasterKey(dataDir, old.activeId)).toBe(true);
    expect(removeDevMasterKey(dataDir, old.activeId)).toBe(false);
    expect([...loadOrCreateDevMasterKeys(dataDir, () => {}).byId.keys()]).toEqual([rotated.activeId]);
    expect(statSync(join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
  });
});
