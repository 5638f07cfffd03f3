import { LRUCache } from 'lru-cache';
import type { StateSnapshots } from './stateSnapshots';
import type { Loaded } from './streamStates';

/**
 * When a stream's state is saved again: once the stream is SNAPSHOT_EVERY events past its last
 * snapshot, or, for a state that weighs (StreamStates' weightOf) more than four times that, a
 * quarter of its weight. Measured in process on a state at every bound (a weight of 130,000): a
 * snapshot costs ~3 µs a unit of weight to save and ~1.6 to read; an event ~11 µs to read and
 * fold. So a heavy state's snapshots cost ~12 µs an event of its stream, and a load reads at most
 * its snapshot and a quarter of its weight in events: ~4.4 µs a unit of weight, ~0.6 s at every
 * bound, whatever the stream's length.
 */
const SNAPSHOT_EVERY = 1_000;
const EVENTS_PER_WEIGHT = 1 / 4;
/** Streams whose last snapshot's revision is remembered, the one longest without a new one forgotten first: it is saved again at its next due state. */
const STREAMS_REMEMBERED = 100_000;
/**
 * What the states waiting to be saved may weigh in all (StreamStates' weightOf), besides the one
 * at the head of the queue: each may be a heavy one the cache has let go, so this bounds the
 * memory they keep as the cache's own weight does. A state not taken is offered again later.
 */
const MAX_WAITING_WEIGHT = 150_000;

export type SnapshotLog = Readonly<{ error(details: object, message: string): void }>;

/** A state due to be saved: what it is of (its format), and what it weighs. */
type Due = Readonly<{ loaded: Loaded<object>; format: string; weight: number }>;

/**
 * Says when the command side's states are saved as snapshots, and saves them behind the
 * commands, one at a time: the newest state each stream reached while it waited. A snapshot that
 * cannot be read or saved is told to the log, and the stream is read from its first event (or from
 * the snapshot before): a snapshot is a shortcut.
 */
export class SnapshotSchedule {
  /** The revision of each stream's last snapshot saved or read here. */
  private readonly takenAt = new LRUCache<string, number>({ max: STREAMS_REMEMBERED });
  /** The revision of the snapshot being saved (one stream at a time): the stream is due again 1,000 events past it, not past the one before. */
  private underWay: Readonly<{ streamId: string; revision: number }> | null = null;
  private readonly waiting = new Map<string, Due>();
  private waitingWeight = 0;
  private saving: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly snapshots: Pick<StateSnapshots, 'read' | 'save'>,
    private readonly log: SnapshotLog,
    private readonly maxWaitingWeight = MAX_WAITING_WEIGHT,
  ) {}

  /** The stream's snapshot in `format` to start a load from, or null (none to believe, or none could be read). */
  async read<S>(streamId: string, format: string): Promise<Loaded<S> | null> {
    try {
      const snapshot = await this.snapshots.read<S>(streamId, format);
      if (snapshot) this.taken(streamId, snapshot.revision);
      return snapshot;
    } catch (error) {
      this.log.error({ err: error, streamId }, 'a snapshot of a stream’s state could not be read; the stream is read from its first event');
      return null;
    }
  }

  /**
   * A state the stream has reached (durably: loaded, or appended): saved once due, behind the
   * commands. Every command offers one, so the state is weighed only once enough events passed.
   */
  offer(streamId: string, loaded: Loaded<object>, format: string, weigh: () => number): void {
    const saving = this.underWay?.streamId === streamId ? this.underWay.revision : 0;
    const since = loaded.revision - Math.max(this.takenAt.peek(streamId) ?? 0, saving);
    if (this.closed || since < SNAPSHOT_EVERY) return;
    const weight = weigh();
    if (since < weight * EVENTS_PER_WEIGHT) return;
    const waiting = this.waiting.get(streamId);
    if (waiting) {
      if (waiting.loaded.revision < loaded.revision) this.wait(streamId, { loaded, format, weight });
      return;
    }
    if (this.waiting.size > 0 && this.waitingWeight + weight > this.maxWaitingWeight) return;
    this.wait(streamId, { loaded, format, weight });
    this.saving = this.saving.then(() => this.save(streamId));
  }

  /** Waits for the snapshots waiting and under way (tests). */
  async saved(): Promise<void> {
    for (let awaited: Promise<void> | null = null; awaited !== this.saving; ) {
      awaited = this.saving;
      await awaited;
    }
  }

  /** Drops the snapshots still waiting and waits for the one under way, before the stores close. */
  async close(): Promise<void> {
    this.closed = true;
    this.waiting.clear();
    this.waitingWeight = 0;
    await this.saved();
  }

  private wait(streamId: string, due: Due): void {
    this.waitingWeight += due.weight - (this.waiting.get(streamId)?.weight ?? 0);
    this.waiting.set(streamId, due);
  }

  private async save(streamId: string): Promise<void> {
    const due = this.waiting.get(streamId);
    if (!due) return;
    this.waiting.delete(streamId);
    this.waitingWeight -= due.weight;
    this.underWay = { streamId, revision: due.loaded.revision };
    try {
      await this.snapshots.save(streamId, due.loaded, due.format);
      this.taken(streamId, due.loaded.revision);
    } catch (error) {
      this.log.error({ err: error, streamId }, 'a snapshot of a stream’s state could not be saved; loads read on from the one before');
    } finally {
      this.underWay = null;
    }
  }

  private taken(streamId: string, revision: number): void {
    this.takenAt.set(streamId, Math.max(revision, this.takenAt.peek(streamId) ?? 0));
  }
}
