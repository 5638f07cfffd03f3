import { ObjectId, type Db } from 'mongodb';
import type { FollowerCheckpoints } from '../followerCheckpoints.port';
import { paddedPosition, positionOfPadded } from '../position';
import { storedParts } from '../textParts';

type Row = { _id: string; position: string };
/** Where a follower's state is: the generation of its parts, and how many there are. */
type StateRow = { _id: string; generation: string; parts: number };
type StatePart = { _id: string; follower: string; generation: string; text: string };

/**
 * Characters per part of a saved state: a document holds at most 16 MiB, and a character takes
 * at most 3 bytes of UTF-8 (a surrogate pair, two characters, 4).
 */
const STATE_PART_CHARS = 4 * 1024 * 1024;

/**
 * Follower checkpoints, one document each; `$max` on zero-padded positions (`paddedPosition`) keeps them moving forward only.
 * A follower's state can outgrow a document, so it is saved in parts under a new generation, then
 * named the current one, then the parts of the generation it replaced are deleted (only those: a
 * second writer's newer parts stay). A reader that still finds every part of the generation it
 * was told gets the whole of it, and one that finds a part missing gets none.
 */
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

  private get states() {
    return this.db.collection<StateRow>('followerStates');
  }

  private get stateParts() {
    return this.db.collection<StatePart>('followerStateParts');
  }

  async getState(follower: string): Promise<string[] | null> {
    const current = await this.states.findOne({ _id: follower });
    if (!current) return null;
    const ids = Array.from({ length: current.parts }, (_, index) => partId(follower, current.generation, index));
    const found = new Map((await this.stateParts.find({ _id: { $in: ids } }).toArray()).map((part) => [part._id, part.text]));
    // A part missing: a newer state replaced this one meanwhile; the caller reads the log instead.
    return found.size === ids.length ? ids.map((id) => found.get(id)!) : null;
  }

  /** The parts are deleted by follower and generation: without an index each save would read them all (one saved state per scope). */
  private indexed: Promise<unknown> | null = null;

  async saveState(follower: string, pieces: readonly string[]): Promise<void> {
    this.indexed ??= this.stateParts.createIndex({ follower: 1, generation: 1 }).catch((error: unknown) => {
      this.indexed = null;
      throw error;
    });
    await this.indexed;
    const generation = new ObjectId().toHexString();
    let parts = 0;
    for (const text of storedParts(pieces, STATE_PART_CHARS)) {
      await this.stateParts.insertOne({ _id: partId(follower, generation, parts), follower, generation, text });
      parts += 1;
    }
    const replaced = await this.states.findOneAndReplace({ _id: follower }, { generation, parts }, { upsert: true, returnDocument: 'before' });
    if (replaced) await this.stateParts.deleteMany({ follower, generation: replaced.generation });
    // Parts a failed or interrupted save left behind: generations an hour older than this one (an ObjectId's hex starts with its time).
    const anHourBefore = ObjectId.createFromTime(Math.floor(Date.now() / 1000) - 3600).toHexString();
    await this.stateParts.deleteMany({ follower, generation: { $lt: anHourBefore } });
  }
}

function partId(follower: string, generation: string, index: number): string {
  return `${follower}:${generation}:${index}`;
}
