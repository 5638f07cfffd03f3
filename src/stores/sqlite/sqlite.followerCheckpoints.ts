import type { FollowerCheckpoints } from '../followerCheckpoints.port';
import { paddedPosition, positionOfPadded } from '../position';
import type { SqliteDatabase } from './database';

/** Follower checkpoints in a table of their own beside the views (a rebuild drops only view tables). */
export class SqliteFollowerCheckpoints implements FollowerCheckpoints {
  private readonly statements;

  constructor(db: SqliteDatabase) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS follower_checkpoints (follower TEXT PRIMARY KEY, position TEXT NOT NULL) STRICT;
      CREATE TABLE IF NOT EXISTS follower_states (follower TEXT PRIMARY KEY, state TEXT NOT NULL) STRICT;
    `);
    this.statements = {
      get: db.prepare<[string], { position: string }>('SELECT position FROM follower_checkpoints WHERE follower = ?'),
      // Padded positions compare as text the way they do as integers: only forward.
      save: db.prepare<[string, string]>(
        `INSERT INTO follower_checkpoints (follower, position) VALUES (?, ?)
         ON CONFLICT (follower) DO UPDATE SET position = excluded.position WHERE excluded.position > position`,
      ),
      getState: db.prepare<[string], { state: string }>('SELECT state FROM follower_states WHERE follower = ?'),
      saveState: db.prepare<[string, string]>('INSERT INTO follower_states (follower, state) VALUES (?, ?) ON CONFLICT (follower) DO UPDATE SET state = excluded.state'),
    };
  }

  async get(follower: string): Promise<string | null> {
    const row = this.statements.get.get(follower);
    return row ? positionOfPadded(row.position) : null;
  }

  async save(follower: string, position: string): Promise<void> {
    this.statements.save.run(follower, paddedPosition(position));
  }

  async getState(follower: string): Promise<string | null> {
    return this.statements.getState.get(follower)?.state ?? null;
  }

  async saveState(follower: string, state: string): Promise<void> {
    this.statements.saveState.run(follower, state);
  }
}
