import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/stores/sqlite/database';
import { SqliteFollowerCheckpoints } from '../../src/stores/sqlite/sqlite.followerCheckpoints';
import { linesOfParts, piecesOfLines } from '../../src/stores/textParts';
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

  it("takes over the whole states an earlier version kept in one row each (follower_states), once", async () => {
    const db = openDatabase(':memory:', { durable: false });
    db.exec('CREATE TABLE follower_states (follower TEXT PRIMARY KEY, state TEXT NOT NULL) STRICT');
    db.prepare('INSERT INTO follower_states (follower, state) VALUES (?, ?), (?, ?)').run('sealer', '{"v":1}', 'state:s', 'x'.repeat(300_000));
    const checkpoints = new SqliteFollowerCheckpoints(db);
    expect(await checkpoints.getState('sealer')).toEqual(['{"v":1}']);
    expect(await checkpoints.getState('state:s')).toEqual(['x'.repeat(300_000)]);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'follower_states'").pluck().get()).toBe(0);
    new SqliteFollowerCheckpoints(db);
    await checkpoints.saveState('sealer', ['{"v":2}']);
    expect(await checkpoints.getState('sealer')).toEqual(['{"v":2}']);
  });

  it('deletes the parts of the state it replaced, and those of a save that never finished an hour on', async () => {
    const db = openDatabase(':memory:', { durable: false });
    const checkpoints = new SqliteFollowerCheckpoints(db);
    const parts = db.prepare<[string], { generation: string; part: number }>('SELECT generation, part FROM follower_state_parts WHERE follower = ? ORDER BY generation, part');
    await checkpoints.saveState('sealer', ['x'.repeat(600_000)]);
    expect(parts.all('sealer').map((row) => row.part)).toEqual([0, 1, 2]);
    // A save that crashed after its parts: one made two hours ago, one a minute ago (it may still be under way).
    const insert = db.prepare('INSERT INTO follower_state_parts (follower, generation, part, text) VALUES (?, ?, ?, ?)');
    const made = (msAgo: number) => `${(Date.now() - msAgo).toString(36).padStart(9, '0')}-000000000000`;
    insert.run('sealer', made(2 * 3600_000), 0, 'crashed');
    const underWay = made(60_000);
    insert.run('sealer', underWay, 0, 'under way');
    insert.run('other', made(2 * 3600_000), 0, "another follower's");
    await checkpoints.saveState('sealer', ['small']);
    const left = parts.all('sealer');
    expect(left.map((row) => row.generation)).toEqual([underWay, expect.any(String)]);
    expect(await checkpoints.getState('sealer')).toEqual(['small']);
    expect(parts.all('other')).toHaveLength(1);
  });

  it('gives none to a reader that finds a part gone, the state replaced meanwhile: never a state with a part missing', async () => {
    const db = openDatabase(':memory:', { durable: false });
    const checkpoints = new SqliteFollowerCheckpoints(db);
    await checkpoints.saveState('sealer', ['x'.repeat(600_000)]);
    const reading = checkpoints.getState('sealer');
    db.prepare('DELETE FROM follower_state_parts WHERE part = 1').run();
    expect(await reading).toBeNull();
  });

  it('packs the pieces it is given into parts of 262,144 characters, not a part a piece', async () => {
    const db = openDatabase(':memory:', { durable: false });
    const checkpoints = new SqliteFollowerCheckpoints(db);
    const lines = Array.from({ length: 1_000 }, (_, i) => `${i}`.padEnd(999, 'x'));
    await checkpoints.saveState('state:s', piecesOfLines(lines));
    const lengths = db.prepare<[], { length: number | bigint }>('SELECT length(text) AS length FROM follower_state_parts ORDER BY part').all();
    expect(lengths.map((row) => Number(row.length))).toEqual([262_144, 262_144, 262_144, 1_000_000 - 1 - 3 * 262_144]);
    expect(await linesOfParts((await checkpoints.getState('state:s'))!)).toEqual(lines);
  });

  it('takes the row of follower_states over the generation it had, after a rollback to an earlier version and back', async () => {
    const db = openDatabase(':memory:', { durable: false });
    const checkpoints = new SqliteFollowerCheckpoints(db);
    await checkpoints.saveState('sealer', ['x'.repeat(600_000)]);
    // The earlier version, run meanwhile, kept its newer state in the table it knows.
    db.exec('CREATE TABLE follower_states (follower TEXT PRIMARY KEY, state TEXT NOT NULL) STRICT');
    db.prepare('INSERT INTO follower_states (follower, state) VALUES (?, ?)').run('sealer', 'newer');
    const reopened = new SqliteFollowerCheckpoints(db);
    expect(await reopened.getState('sealer')).toEqual(['newer']);
    expect(db.prepare('SELECT count(*) FROM follower_state_parts').pluck().get()).toBe(1);
  });

  it('deletes, when it opens, parts an hour old that no generation names: a save a crash cut short', async () => {
    const db = openDatabase(':memory:', { durable: false });
    const checkpoints = new SqliteFollowerCheckpoints(db);
    await checkpoints.saveState('sealer', ['kept']);
    const insert = db.prepare('INSERT INTO follower_state_parts (follower, generation, part, text) VALUES (?, ?, ?, ?)');
    const made = (msAgo: number) => `${(Date.now() - msAgo).toString(36).padStart(9, '0')}-000000000000`;
    const [crashed, underWay] = [made(2 * 3600_000), made(60_000)];
    insert.run('state:gone', crashed, 0, 'crashed');
    insert.run('state:busy', underWay, 0, 'under way');
    new SqliteFollowerCheckpoints(db);
    const left = db.prepare<[], { follower: string }>('SELECT follower FROM follower_state_parts ORDER BY follower').all();
    expect(left.map((row) => row.follower)).toEqual(['sealer', 'state:busy']);
    expect(await checkpoints.getState('sealer')).toEqual(['kept']);
  });
});
