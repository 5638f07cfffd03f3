import type { Clock } from '../commands/actor';
import { SEALS_STREAM } from '../events/streams';
import type { NdjsonSink } from '../observability/ndjsonSink';
import { LogFollower } from '../projections/logFollower';
import type { EventStore, StoredEvent } from '../stores/eventStore.port';
import type { FollowerCheckpoints } from '../stores/followerCheckpoints.port';
import { chainHashOf } from './chain';
import { compareStreamNames, type SealedHead } from './headsTree';
import { prevSealOf, type Seal, type SignedSeal } from './seal';
import { SealHistory } from './sealHistory';
import { SEALER_STATE, sealSnapshotPieces } from './sealSnapshot';
import type { SigningKey } from './signingKey';
import type { Sodium } from '../crypto/sodium';

export type SealerLog = Readonly<{
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}>;

/**
 * `sink` (SEAL_SINK) is the sealer's own: it closes it when it stops. `states`: where it keeps
 * the snapshot a start reads instead of the whole seals stream (without it, every start replays).
 */
export type SealerOptions = Readonly<{ intervalMs: number; clock: Clock; log: SealerLog; sink?: NdjsonSink; states?: Pick<FollowerCheckpoints, 'getState' | 'saveState'> }>;

/**
 * Events of the seals stream read or appended beyond the snapshot before the next is saved: a
 * start then reads at most this many (~50 ms here), and a snapshot, lines of every stream's
 * head (~125 bytes each), is written about every 80 minutes at the default interval.
 */
const SNAPSHOT_AFTER = 1000;

/** How far SEAL_SINK may fall behind before seals are left out of it: ~600 seals, an hour at the default interval. */
const MAX_SINK_BEHIND_BYTES = 256 * 1024;

/**
 * The one sealer (DESIGN §8), in the projector role: follows the log from the newest seal's
 * position, keeps the heads that moved since, and at most every `intervalMs`, when any did, adds
 * them to the tree, signs the new root and appends the seal, with those heads, to the seals stream.
 * Each seal is logged at info and copied to SEAL_SINK, outside the data store.
 *
 * Two sealers on one log (EventStoreDB with two projector instances) do not lease: the second
 * append of a seal fails its expected revision, and its sealer reads the other's seals and goes on.
 * A sealer whose seals stream does not check out (see SealHistory) refuses to seal over it.
 */
export class Sealer {
  private history: SealHistory;
  private readonly follower: LogFollower;
  private pending = new Map<string, SealedHead>();
  private seenPosition: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private sealing: Promise<SignedSeal | null> | null = null;
  private stopping: Promise<string | null> | null = null;
  /** The log position of the last seal this sealer appended. */
  private lastAppended: string | null = null;
  /** Why this sealer refuses to seal: the stored seals do not check out. */
  private refusal: Error | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly sodium: Sodium,
    private readonly key: SigningKey,
    private readonly options: SealerOptions,
  ) {
    this.history = new SealHistory(store, sodium, options.states);
    this.follower = new LogFollower(store, (error) => options.log.error({ err: error }, 'the sealer failed following the log; it follows again shortly'));
  }

  /** Reads the seals, introduces its key if new, then follows the log and seals on its interval. */
  async run(): Promise<void> {
    await this.history.refresh();
    if (this.refuseOverProblem()) return;
    await this.saveSnapshot(SNAPSHOT_AFTER);
    await this.introduceKey();
    this.seenPosition = this.history.last?.position ?? null;
    this.follower.start(this.seenPosition, async (events) => this.note(events));
    this.timer = setInterval(() => void this.sealNow().catch((error: unknown) => this.options.log.error({ err: error }, 'sealing failed; the next interval tries again')), this.options.intervalMs);
    this.timer.unref();
  }

  /** The newest seal this sealer knows. */
  get last(): SignedSeal | null {
    return this.history.last;
  }

  /** Why it stopped sealing, if it did: readiness reports it. */
  get error(): unknown {
    return this.refusal ?? this.follower.error;
  }

  /** Waits until the log up to `position` is noted, then seals what is pending now (tests, shutdown). */
  async sealUpTo(position: string | null, timeoutMs = 5000): Promise<SignedSeal | null> {
    if (position !== null && !(await this.follower.waitFor(position, timeoutMs))) throw new Error(`The sealer did not reach position ${position}`);
    return this.sealNow();
  }

  /** Seals the heads that moved, if any did; one seal at a time. */
  sealNow(): Promise<SignedSeal | null> {
    this.sealing ??= this.sealPending().finally(() => (this.sealing = null));
    return this.sealing;
  }

  /**
   * Stops following and seals what is pending; answers the log position of that last seal (null
   * when there was nothing to seal). A second call waits for the first.
   */
  stop(): Promise<string | null> {
    this.stopping ??= this.stopOnce();
    return this.stopping;
  }

  private async stopOnce(): Promise<string | null> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.follower.stop();
    // What happened before a clean shutdown is sealed before the log closes.
    await this.sealing?.catch(() => {});
    const last = await this.sealNow().catch((error: unknown) => {
      this.options.log.error({ err: error }, 'the last seal before shutdown failed');
      return null;
    });
    await this.saveSnapshot(1);
    await this.options.sink?.close();
    return last ? this.lastAppended : null;
  }

  private note(events: readonly StoredEvent[]): void {
    for (const event of events) {
      if (event.streamId !== SEALS_STREAM) this.pending.set(event.streamId, { stream: event.streamId, revision: event.revision, hash: chainHashOf(event) });
      this.seenPosition = event.position;
    }
    if (events.length > 0) this.follower.reached(events[events.length - 1]!.position);
  }

  private async sealPending(): Promise<SignedSeal | null> {
    if (this.refuseOverProblem()) return null;
    const tree = this.history.tree;
    const heads = [...this.pending.values()]
      .filter((head) => head.revision > (tree.head(head.stream)?.revision ?? 0))
      .sort((a, b) => compareStreamNames(a.stream, b.stream));
    const position = this.seenPosition;
    this.pending = new Map();
    if (heads.length === 0 || position === null) return null;
    for (const head of heads) tree.set(head);
    const previous = this.history.last;
    const seal: Seal = {
      sequence: (previous?.sequence ?? 0) + 1,
      at: this.options.clock().toISOString(),
      position,
      root: tree.root(),
      size: tree.size,
      prevSeal: prevSealOf(previous),
      keyId: this.key.keyId,
    };
    const signed = this.key.sign(seal);
    try {
      this.lastAppended = await this.history.append([
        { type: 'Sealed', data: { seal: signed, heads: heads.map((h) => [h.stream, h.revision, h.hash]) }, metadata: this.metadata() },
      ]);
    } catch (error) {
      // Another sealer got there first, or the append failed: start again from the stored seals,
      // with these heads pending again (unless newer ones came meanwhile).
      for (const head of heads) if (!this.pending.has(head.stream)) this.pending.set(head.stream, head);
      this.history = new SealHistory(this.store, this.sodium, this.options.states);
      await this.history.refresh();
      this.options.log.info({ err: error }, 'a seal was not appended (another sealer, or the store failed); the sealer re-read the seals stream');
      return null;
    }
    this.options.log.info({ seal: signed }, `sealed ${heads.length} stream heads up to position ${position}`);
    this.copyOut(signed);
    await this.saveSnapshot(SNAPSHOT_AFTER);
    return signed;
  }

  /**
   * Copies the seal to SEAL_SINK, unless the file has stopped taking lines (a hung disk or
   * network filesystem) and holds MAX_SINK_BEHIND_BYTES already: the process does not hold every
   * seal meanwhile. A seal left out is still in the seals stream, and the next one copied vouches
   * for it (each seal names the one before it).
   */
  private copyOut(seal: SignedSeal): void {
    const { sink } = this.options;
    if (!sink) return;
    if (sink.buffered <= MAX_SINK_BEHIND_BYTES) sink.write(seal);
    else this.options.log.error({ buffered: sink.buffered }, `SEAL_SINK has not taken the last ${sink.buffered} bytes written to it: seal ${seal.sequence} is not copied there`);
  }

  /** Saves what the history holds for the next start, once it holds at least `after` events beyond the last snapshot. A failure only costs that start a longer read. */
  private async saveSnapshot(after: number): Promise<void> {
    const { states } = this.options;
    if (!states || this.history.eventsSinceSnapshot < after) return;
    const snapshot = this.history.toSnapshot();
    if (snapshot === null) return;
    try {
      await states.saveState(SEALER_STATE, await sealSnapshotPieces(snapshot));
      this.history.snapshotSaved();
    } catch (error) {
      this.options.log.error({ err: error }, 'the snapshot of the seals could not be saved; the next start reads more of the seals stream');
    }
  }

  /** A seal over a seals stream that does not check out would vouch for it: none is made. */
  private refuseOverProblem(): boolean {
    const problem = this.history.problem;
    if (problem && !this.refusal) {
      this.refusal = new Error(`The seals stream does not check out, so nothing more is sealed: ${problem}`);
      this.options.log.error({ err: this.refusal }, 'the sealer refuses to seal');
    }
    return problem !== null;
  }

  private async introduceKey(): Promise<void> {
    const known = this.history.publicKeyOf(this.key.keyId);
    if (known === this.key.publicKey) return;
    if (known !== undefined) throw new Error(`The seals stream already knows key id ${this.key.keyId} as another key: give the new key a new id`);
    await this.history.append([
      { type: 'SigningKeyIntroduced', data: { keyId: this.key.keyId, algorithm: 'Ed25519', publicKey: this.key.publicKey }, metadata: this.metadata() },
    ]);
  }

  private metadata() {
    return { actor: 'sealer', at: this.options.clock().toISOString(), schemaVersion: 1 as const };
  }
}
