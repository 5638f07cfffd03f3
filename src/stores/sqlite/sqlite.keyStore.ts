import type { SqliteDatabase } from './database';
import { DuplicateDataKey, RetiringAKeptMasterKey, type KeyStore, type WrappedDataKey } from '../../crypto/keyStore.port';

type Row = { data_key_id: string; master_key_id: string; wrapped: string; created_at: string };

/**
 * The key store in its own SQLite file, so backups and rebuilds can treat it apart. It runs with
 * `secure_delete` on, so a destroyed wrapping's bytes are overwritten in the database file, and
 * checkpoints the WAL (TRUNCATE) after a destroy, so they are not left in the `-wal` file either
 * (DESIGN §9).
 */
export class SqliteKeyStore implements KeyStore {
  private readonly statements;

  constructor(private readonly db: SqliteDatabase) {
    db.pragma('secure_delete = ON');
    db.exec(`
      CREATE TABLE IF NOT EXISTS data_keys (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        data_key_id TEXT NOT NULL,
        master_key_id TEXT NOT NULL,
        wrapped TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (data_key_id, master_key_id)
      ) STRICT;
      CREATE TRIGGER IF NOT EXISTS data_keys_insert_only BEFORE UPDATE ON data_keys
      BEGIN SELECT RAISE(ABORT, 'data_keys is insert-only'); END;
      -- The start-up check walks the master key ids, and the wrappings of one, by this index.
      CREATE INDEX IF NOT EXISTS data_keys_by_master ON data_keys (master_key_id, data_key_id);
    `);
    this.statements = {
      insert: db.prepare<[string, string, string, string]>(
        'INSERT INTO data_keys (data_key_id, master_key_id, wrapped, created_at) VALUES (?, ?, ?, ?)',
      ),
      get: db.prepare<[string], Row>('SELECT * FROM data_keys WHERE data_key_id = ? ORDER BY seq DESC'),
      ids: db.prepare<[], { data_key_id: string }>('SELECT DISTINCT data_key_id FROM data_keys ORDER BY data_key_id'),
      destroy: db.prepare<[string]>('DELETE FROM data_keys WHERE data_key_id = ?'),
      /** A list of master key ids is one JSON parameter. */
      wrappedUnderAny: db.prepare<[string, string], { found: number }>(
        'SELECT 1 AS found FROM data_keys WHERE data_key_id = ? AND master_key_id IN (SELECT value FROM json_each(?)) LIMIT 1',
      ),
      deleteWrapping: db.prepare<[string, string]>('DELETE FROM data_keys WHERE data_key_id = ? AND master_key_id = ?'),
      nextMasterKeyId: db.prepare<[string], { master_key_id: string }>(
        'SELECT master_key_id FROM data_keys WHERE master_key_id > ? ORDER BY master_key_id LIMIT 1',
      ),
      unopenedUnder: db.prepare<[string, string, number], { data_key_id: string }>(
        `SELECT w.data_key_id FROM data_keys w WHERE w.master_key_id = ?
         AND NOT EXISTS (SELECT 1 FROM data_keys k WHERE k.data_key_id = w.data_key_id AND k.master_key_id IN (SELECT value FROM json_each(?)))
         ORDER BY w.data_key_id LIMIT ?`,
      ),
    };
  }

  async insert(...keys: WrappedDataKey[]): Promise<void> {
    let current: WrappedDataKey | undefined;
    try {
      // One transaction, one sync to disk, however many keys a batch save creates.
      this.db.transaction(() => {
        for (const key of keys) {
          current = key;
          this.statements.insert.run(key.dataKeyId, key.masterKeyId, key.wrapped, key.createdAt);
        }
      }).immediate();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && current) {
        throw new DuplicateDataKey(current.dataKeyId, current.masterKeyId);
      }
      throw error;
    }
  }

  async get(dataKeyId: string): Promise<WrappedDataKey[]> {
    return this.statements.get.all(dataKeyId).map((row) => ({
      dataKeyId: row.data_key_id,
      masterKeyId: row.master_key_id,
      wrapped: row.wrapped,
      createdAt: row.created_at,
    }));
  }

  async dataKeyIds(): Promise<string[]> {
    return this.statements.ids.all().map((row) => row.data_key_id);
  }

  async destroy(dataKeyId: string): Promise<void> {
    if (this.statements.destroy.run(dataKeyId).changes === 0) return;
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** One IMMEDIATE transaction: the write lock is held from the check to the delete, so no other retirement runs in between. */
  async retireWrapping(dataKeyId: string, masterKeyId: string, keepUnder: readonly string[]): Promise<boolean> {
    if (keepUnder.includes(masterKeyId)) throw new RetiringAKeptMasterKey(masterKeyId);
    return this.db
      .transaction(() => {
        if (!this.statements.wrappedUnderAny.get(dataKeyId, JSON.stringify(keepUnder))) return false;
        return this.statements.deleteWrapping.run(dataKeyId, masterKeyId).changes > 0;
      })
      .immediate();
  }

  /** The master key ids in the store, one index probe each; then the wrappings of each one not listed, by the same index. */
  async dataKeysWithNoWrappingUnder(masterKeyIds: readonly string[], limit: number): Promise<string[]> {
    const listed = JSON.stringify(masterKeyIds);
    const found = new Set<string>();
    for (let row = this.statements.nextMasterKeyId.get(''); row && found.size < limit; row = this.statements.nextMasterKeyId.get(row.master_key_id)) {
      if (masterKeyIds.includes(row.master_key_id)) continue;
      for (const { data_key_id: id } of this.statements.unopenedUnder.all(row.master_key_id, listed, limit)) if (found.size < limit) found.add(id);
    }
    return [...found];
  }

  /**
   * A retirement (pruning, not shredding) deletes no more than one wrapping at a time, without a
   * checkpoint each: the WAL is checkpointed (TRUNCATE) once when the store closes, so what
   * `secure_delete` overwrote in the database does not linger in the `-wal` file either.
   */
  async close(): Promise<void> {
    if (!this.db.open) return;
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}
