import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../src/stores/sqlite/database';
import { SqliteKeyStore } from '../../src/stores/sqlite/sqlite.keyStore';
import { keyStoreContract } from './keyStore.contract';

keyStoreContract('SQLite in memory', async () => new SqliteKeyStore(openDatabase(':memory:', { durable: true })));

const tempDirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'secrets-keystore-'));
  tempDirs.push(dir);
  return join(dir, 'keys.sqlite');
};
const removeTempDirs = async () => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
};

keyStoreContract('SQLite file', async () => new SqliteKeyStore(openDatabase(tempFile(), { durable: true })), removeTempDirs);

describe('SqliteKeyStore', () => {
  let db: SqliteDatabase;
  afterEach(async () => {
    if (db?.open) db.close();
    await removeTempDirs();
  });

  const key = { dataKeyId: 'dk_1', masterKeyId: 'm1', wrapped: 'c2VhbGVk', createdAt: '2024-05-01T12:00:00.000Z' };

  it('refuses UPDATE on the table: wrappings are insert-only', async () => {
    db = openDatabase(':memory:', { durable: true });
    const store = new SqliteKeyStore(db);
    await store.insert(key);
    expect(() => db.prepare("UPDATE data_keys SET wrapped = 'dGFtcGVyZWQ='").run()).toThrow(/insert-only/);
    expect(() => db.prepare("UPDATE data_keys SET master_key_id = 'm2'").run()).toThrow(/insert-only/);
    expect(await store.get('dk_1')).toEqual([key]);
  });

  it('leaves the wrapped bytes of a destroyed key in neither its file nor its WAL (secure_delete, checkpoint)', async () => {
    const file = tempFile();
    db = openDatabase(file, { durable: true });
    const store = new SqliteKeyStore(db);
    const wrapped = Buffer.from('a wrapped key nobody may find again, 0123456789').toString('base64');
    await store.insert({ ...key, wrapped }, { ...key, dataKeyId: 'dk_kept' });
    await store.destroy('dk_1');
    const onDisk = [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1'));
    expect(onDisk.length).toBeGreaterThan(0);
    expect(onDisk.some((bytes) => bytes.includes(wrapped))).toBe(false);
    expect(await store.get('dk_kept')).toHaveLength(1);
  });

  it('leaves the bytes of a retired wrapping in neither its file nor its WAL once it closes', async () => {
    const file = tempFile();
    const store = new SqliteKeyStore(openDatabase(file, { durable: true }));
    const wrapped = Buffer.from('a wrapping under a retired master key, 0123456789').toString('base64');
    await store.insert({ ...key, masterKeyId: 'old', wrapped }, { ...key, masterKeyId: 'new' });
    expect(await store.retireWrapping('dk_1', 'old', ['new'])).toBe(true);
    await store.close();
    const onDisk = [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1'));
    expect(onDisk.some((bytes) => bytes.includes(wrapped))).toBe(false);
  });

  it('finds the master key ids and the wrappings under one by an index, so the start-up check stays cheap', async () => {
    db = openDatabase(':memory:', { durable: true });
    new SqliteKeyStore(db);
    const plans = [
      'SELECT master_key_id FROM data_keys WHERE master_key_id > ? ORDER BY master_key_id LIMIT 1',
      'SELECT data_key_id FROM data_keys WHERE master_key_id = ? ORDER BY data_key_id LIMIT 10',
    ].map((sql) => JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('m1')));
    for (const plan of plans) expect(plan).toContain('COVERING INDEX data_keys_by_master');
  });

  it('keeps wrappings across a reopen of its file', async () => {
    const file = tempFile();
    const first = new SqliteKeyStore(openDatabase(file, { durable: true }));
    await first.insert(key);
    await first.close();
    db = openDatabase(file, { durable: true });
    const second = new SqliteKeyStore(db);
    expect(await second.get('dk_1')).toEqual([key]);
    expect(await second.dataKeyIds()).toEqual(['dk_1']);
    expect(() => db.prepare("UPDATE data_keys SET wrapped = 'x'").run()).toThrow(/insert-only/);
  });
});
