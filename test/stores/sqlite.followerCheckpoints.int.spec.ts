import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/stores/sqlite/database';
import { SqliteFollowerCheckpoints } from '../../src/stores/sqlite/sqlite.followerCheckpoints';
import { followerCheckpointsContract } from './followerCheckpoints.contract';

followerCheckpointsContract('SQLite', async () => new SqliteFollowerCheckpoints(openDatabase(':memory:', { durable: false })));

describe('SQLite follower checkpoints', () => {
  it('are kept zero-padded to 40 digits, the form every earlier version reads and sorts by (an upgrade and a rollback keep them)', async () => {
    const db = openDatabase(':memory:', { durable: false });
    const checkpoints = new SqliteFollowerCheckpoints(db);
    db.prepare('INSERT INTO follower_checkpoints (follower, position) VALUES (?, ?)').run('projector', '99'.padStart(40, '0'));
    expect(await checkpoints.get('projector')).toBe('99');
    await checkpoints.save('projector', '100');
    await checkpoints.save('projector', '98');
    expect(await checkpoints.get('projector')).toBe('100');
    expect(db.prepare('SELECT position FROM follower_checkpoints').pluck().get()).toBe('100'.padStart(40, '0'));
  });
});
