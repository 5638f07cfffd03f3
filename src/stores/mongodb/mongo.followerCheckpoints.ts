import type { Db } from 'mongodb';
import type { FollowerCheckpoints } from '../followerCheckpoints.port';
import { loadedPosition, storedPosition } from './mongo.mapping';

type Row = { _id: string; position: string };

/** Follower checkpoints, one document each; `$max` on sortable positions keeps them moving forward only (one saved in the 40-digit form of an earlier version sorts before any of the new). */
export class MongoFollowerCheckpoints implements FollowerCheckpoints {
  constructor(private readonly db: Db) {}

  private get rows() {
    return this.db.collection<Row>('followerCheckpoints');
  }

  async get(follower: string): Promise<string | null> {
    const row = await this.rows.findOne({ _id: follower });
    return row ? loadedPosition(row.position) : null;
  }

  async save(follower: string, position: string): Promise<void> {
    await this.rows.updateOne({ _id: follower }, { $max: { position: storedPosition(position) } }, { upsert: true });
  }
}
