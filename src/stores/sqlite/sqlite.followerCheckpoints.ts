import { randomBytes } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import type { FollowerCheckpoints } from '../followerCheckpoints.port';
import { paddedPosition, positionOfPadded } from '../position';
import { storedParts } from '../textParts';
import type { SqliteDatabase } from './database';

/**
 * Characters per part of a saved state. SQLite writes a 10 MB row in one statement for ~200 ms,
 * and reads it back for ~40, holding the event loop all along; a part takes a few milliseconds,
 * and the loop turns between parts.
 */
const STATE_PART_CHARS = 256 * 1024;
/** Parts of a save that never finished (a crash) are deleted, by a later save or at open, once they are this old. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

type StateRow = { generation: string; parts: number };

/**
 * Follower checkpoints in tables of their own beside the views (a rebuild drops only view tables).
 * A saved state is kept in parts under a generation, as on MongoDB: the parts are written one
 * statement at a time, then the generation is named the follower's current one, then the parts of
 * the generation it replaced are deleted one at a time. A reader that finds every part of the
 * generation it was told gets the whole of it; one that finds a part missing (replaced meanwhile)
 * gets none, and reads the log instead.
 */
export class SqliteFollowerCheckpoints implements FollowerCheckpoints {
  private readonly statements;
  private readonly replaceCurrent;

  constructor(db: SqliteDatabase) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS follower_checkpoints (follower TEXT PRIMARY KEY, position TEXT NOT NULL) STRICT;
      CREATE TABLE IF NOT EXISTS follower_state_generations (follower TEXT PRIMARY KEY, generation TEXT NOT NULL, parts INTEGER NOT NULL) STRICT;
      CREATE TABLE IF NOT EXISTS follower_state_parts (
        follower TEXT NOT NULL, generation TEXT NOT NULL, part INTEGER NOT NULL, text TEXT NOT NULL,
        PRIMARY KEY (follower, generation, part)
      ) STRICT;
      -- For the sweep at open (deleteAbandonedParts): index entries, not the parts' text, are read.
      CREATE INDEX IF NOT EXISTS follower_state_parts_by_generation ON follower_state_parts (generation, follower);
    `);
    moveWholeStates(db);
    deleteAbandonedParts(db);
    this.statements = {
      get: db.prepare<[string], { position: string }>('SELECT position FROM follower_checkpoints WHERE follower = ?'),
      // Padded positions compare as text the way they do as integers: only forward.
      save: db.prepare<[string, string]>(
        `INSERT INTO follower_checkpoints (follower, position) VALUES (?, ?)
         ON CONFLICT (follower) DO UPDATE SET position = excluded.position WHERE excluded.position > position`,
      ),
      current: db.prepare<[string], StateRow>('SELECT generation, parts FROM follower_state_generations WHERE follower = ?'),
      setCurrent: db.prepare<[string, string, number]>(
        `INSERT INTO follower_state_generations (follower, generation, parts) VALUES (?, ?, ?)
         ON CONFLICT (follower) DO UPDATE SET generation = excluded.generation, parts = excluded.parts`,
      ),
      part: db.prepare<[string, string, number], { text: string }>('SELECT text FROM follower_state_parts WHERE follower = ? AND generation = ? AND part = ?'),
      insertPart: db.prepare<[string, string, number, string]>('INSERT INTO follower_state_parts (follower, generation, part, text) VALUES (?, ?, ?, ?)'),
      deletePart: db.prepare<[string, string, number]>('DELETE FROM follower_state_parts WHERE follower = ? AND generation = ? AND part = ?'),
      // The parts of the generation a save replaced, and of any other an hour old that is not the current one.
      replacedOrAbandoned: db.prepare<[string, string, string, string], { generation: string; part: number }>(
        'SELECT generation, part FROM follower_state_parts WHERE follower = ? AND generation <> ? AND (generation = ? OR generation < ?)',
      ),
    };
    this.replaceCurrent = db.transaction((follower: string, generation: string, parts: number): StateRow | undefined => {
      const replaced = this.statements.current.get(follower);
      this.statements.setCurrent.run(follower, generation, parts);
      return replaced;
    });
  }

  async get(follower: string): Promise<string | null> {
    const row = this.statements.get.get(follower);
    return row ? positionOfPadded(row.position) : null;
  }

  async save(follower: string, position: string): Promise<void> {
    this.statements.save.run(follower, paddedPosition(position));
  }

  async getState(follower: string): Promise<string[] | null> {
    const current = this.statements.current.get(follower);
    if (!current) return null;
    const texts: string[] = [];
    for (let part = 0; part < current.parts; part += 1) {
      if (part > 0) await setImmediate();
      const row = this.statements.part.get(follower, current.generation, part);
      if (!row) return null;
      texts.push(row.text);
    }
    return texts;
  }

  async saveState(follower: string, pieces: readonly string[]): Promise<void> {
    const generation = generationAt(Date.now());
    let parts = 0;
    for (const text of storedParts(pieces, STATE_PART_CHARS)) {
      if (parts > 0) await setImmediate();
      this.statements.insertPart.run(follower, generation, parts, text);
      parts += 1;
    }
    // Immediate: a deferred read-then-write fails at once (SQLITE_BUSY_SNAPSHOT) when another process committed in between.
    const replaced = this.replaceCurrent.immediate(follower, generation, parts);
    const stale = this.statements.replacedOrAbandoned.all(follower, generation, replaced?.generation ?? '', timeMark(Date.now() - ABANDONED_AFTER_MS));
    for (const { generation: old, part } of stale) {
      await setImmediate();
      this.statements.deletePart.run(follower, old, part);
    }
  }
}

/** A generation's name starts with the time it was made, so names sort by it (`timeMark`). */
function generationAt(ms: number): string {
  return `${timeMark(ms)}-${randomBytes(6).toString('hex')}`;
}

/** Sorts before the name of every generation made at or after `ms`. */
function timeMark(ms: number): string {
  return ms.toString(36).padStart(9, '0');
}

/**
 * Before saved states were kept in parts (an earlier version), each was one row of
 * `follower_states`: each becomes a generation of one part, replacing a generation of that name
 * (after a rollback to an earlier version and back, its row is the newer), once.
 */
function moveWholeStates(db: SqliteDatabase): void {
  // Looked for inside the write transaction: two processes starting at once move the rows once.
  db.transaction(() => {
    const earlier = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'follower_states'").get();
    if (!earlier) return;
    const generation = generationAt(Date.now());
    db.prepare('DELETE FROM follower_state_parts WHERE follower IN (SELECT follower FROM follower_states)').run();
    db.prepare('INSERT INTO follower_state_parts (follower, generation, part, text) SELECT follower, ?, 0, state FROM follower_states').run(generation);
    db.prepare('INSERT OR REPLACE INTO follower_state_generations (follower, generation, parts) SELECT follower, ?, 1 FROM follower_states').run(generation);
    db.exec('DROP TABLE follower_states');
  }).immediate();
}

/**
 * Parts no generation names, an hour old: a save that never finished (a crash), of a state that
 * may never be saved again (a scope no longer written), or a replaced one whose deletion did not.
 * Younger ones may be a save under way in another process.
 */
function deleteAbandonedParts(db: SqliteDatabase): void {
  db.prepare(
    `DELETE FROM follower_state_parts WHERE generation < ? AND NOT EXISTS (
       SELECT 1 FROM follower_state_generations g WHERE g.follower = follower_state_parts.follower AND g.generation = follower_state_parts.generation
     )`,
  ).run(timeMark(Date.now() - ABANDONED_AFTER_MS));
}
