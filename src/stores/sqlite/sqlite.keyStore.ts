import type { SqliteDatabase } from './database';
import { DuplicateDataKey, type KeyStore, type WrappedDataKey } from '../../crypto/keyStore.port';

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
    `);
    this.statements = {
      insert: db.prepare<[string, string, string, string]>(
        'INSERT INTO data_keys (data_key_id, master_key_id, wrapped, created_at) VALUES (?, ?, ?, ?)',
      ),
      get: db.prepare<[string], Row>('SELECT * FROM data_keys WHERE data_key_id = ? ORDER BY seq DESC'),
      ids: db.prepare<[], { data_key_id: string }>('SELECT DISTINCT data_key_id FROM data_keys ORDER BY data_key_id'),
      destroy: db.prepare<[string]>('DELETE FROM data_keys WHERE data_key_id = ?'),
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

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
