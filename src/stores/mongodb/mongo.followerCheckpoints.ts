import type { Db } from 'mongodb';
import type { FollowerCheckpoints } from '../followerCheckpoints.port';
import { paddedPosition, positionOfPadded } from '../position';

type Row = { _id: string; position: string };

/** Follower checkpoints, one document each; `$max` on zero-padded positions (`paddedPosition`) keeps them moving forward only. */
export class MongoFollowerCheckpoints implements FollowerCheckpoints {
  constructor(private readonly db: Db) {}

  private get rows() {
    return this.db.collection<Row>('followerCheckpoints');
  }

  async get(follower: string): Promise<string | null> {
    const row = await this.rows.findOne({ _id: follower });
    return row ? positionOfPadded(row.position) : null;
  }

  async save(follower: string, position: string): Promise<void> {
    await this.rows.updateOne({ _id: follower }, { $max: { position: paddedPosition(position) } }, { upsert: true });
  }
}
