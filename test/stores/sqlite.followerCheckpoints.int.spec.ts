import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/stores/sqlite/database';
import { SqliteFollowerCheckpoints } from '../../src/stores/sqlite/sqlite.followerCheckpoints';
import { followerCheckpointsContract } from './followerCheckpoints.contract';

followerCheckpointsContract('SQLite', async () => new SqliteFollowerCheckpoints(openDatabase(':memory:', { durable: false })));

describe('SQLite follower checkpoints saved by an earlier version', () => {
  it('are read in their 40-digit form, and a later save moves them forward in the new one', async () => {
    const db = openDatabase(':memory:', { durable: false });
    const checkpoints = new SqliteFollowerCheckpoints(db);
    db.prepare('INSERT INTO follower_checkpoints (follower, position) VALUES (?, ?)').run('projector', '99'.padStart(40, '0'));
    expect(await checkpoints.get('projector')).toBe('99');
    await checkpoints.save('projector', '100');
    expect(await checkpoints.get('projector')).toBe('100');
    await checkpoints.save('projector', '98');
    expect(await checkpoints.get('projector')).toBe('100');
    expect(db.prepare('SELECT position FROM follower_checkpoints').pluck().get()).toBe('03100');
  });
});
