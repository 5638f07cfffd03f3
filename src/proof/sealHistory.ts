import type { Sodium } from '../crypto/sodium';
import type { NewEvent } from '../events/stored';
import type { EventStore, StoredEvent } from '../stores/eventStore.port';
import type { FollowerCheckpoints } from '../stores/followerCheckpoints.port';
import { eventsOf } from '../stores/streamPages';
import { chainEvents, chainHeadOf, EMPTY_CHAIN, type ChainHead } from './chain';
import { HeadsTree } from './headsTree';
import { SEALS_STREAM } from '../events/streams';
import { prevSealOf, sealsEventSchema, type SignedSeal } from './seal';
import { sealSignatureHolds } from './signingKey';
import { confirmedSnapshot, type ConfirmedSnapshot, type KeyRecord, type KnownKey, type SealSnapshot } from './sealSnapshot';

export type { KnownKey } from './sealSnapshot';

/**
 * The seals stream, replayed: the tree of stream heads as the newest seal committed to it, that
 * seal, the signing keys, and the first inconsistency found (a seal out of sequence, a `prevSeal`
 * that is not the hash of the seal before, a tree whose root is not the newest seal's, a signature
 * that does not hold). A sealer that finds one refuses to seal over it; an export still shows the
 * stored seals, for a verifier to name what is wrong.
 *
 * Replay checks the links of every seal but the root and signature of the newest only: checking
 * every root would cost a tree per seal, and the newest root covers what the deltas add up to.
 *
 * Given the followers' states (the sealer's and the pruner's histories), the first refresh starts
 * from the sealer's snapshot (`toSnapshot`, `confirmedSnapshot`) and reads only the events after
 * its newest seal, so a start does not grow with the number of seals. Only the snapshot's heads
 * are taken from it, and the newest seal's root and signature must hold over them and those read
 * after; if not, the whole stream is replayed and decides. The links and heads of the seals before
 * were checked when the snapshot was made, and are again by an export since a seal and by
 * `verify-audit`, which replay from the first; a snapshot cannot prove it names every key, so the
 * public keys are served from a whole replay (AuditProofs).
 */
export class SealHistory {
  private heads = new HeadsTree();
  private known = new Map<string, KeyRecord>();
  private newest: SignedSeal | null = null;
  /** The revision, in the seals stream, of the event that holds the newest seal. */
  private newestAt: number | null = null;
  private chain: ChainHead = EMPTY_CHAIN;
  private inconsistency: string | null = null;
  private refreshing: Promise<void> = Promise.resolve();
  private started = false;
  /** Events of the seals stream read or appended since the state this history started from. */
  private sinceStart = 0;

  constructor(
    private readonly store: Pick<EventStore, 'readStream' | 'append'>,
    private readonly sodium: Sodium,
    private readonly states?: Pick<FollowerCheckpoints, 'getState'>,
  ) {}

  get tree(): HeadsTree {
    return this.heads;
  }

  /** Events of the seals stream this history holds beyond the snapshot it started from (all of them without one). */
  get eventsSinceSnapshot(): number {
    return this.sinceStart;
  }

  get last(): SignedSeal | null {
    return this.newest;
  }

  /** The revision, in the seals stream, of the event that holds the newest seal (`last`). */
  get lastAt(): number | null {
    return this.newestAt;
  }

  get revision(): number {
    return this.chain.revision;
  }

  get problem(): string | null {
    return this.inconsistency;
  }

  keys(): KnownKey[] {
    return [...this.known.values()].map(({ key }) => ({ ...key }));
  }

  publicKeyOf(keyId: string): string | undefined {
    return this.known.get(keyId)?.key.publicKey;
  }

  /**
   * Reads the seals appended since the last refresh, the first from a snapshot if there is one
   * (refreshes run one at a time). A refresh that fails leaves the next to try again: a first one
   * starts over.
   */
  refresh(): Promise<void> {
    this.refreshing = this.refreshing
      .catch(() => {})
      .then(() => (this.started ? this.readNewer() : this.start()));
    return this.refreshing;
  }

  /**
   * What this history holds, for a later start to begin from; null while it holds nothing or
   * holds an inconsistency (a start must find that again, in the stream itself). Heads in the
   * tree's order, so a start puts each at the end.
   */
  toSnapshot(): SealSnapshot | null {
    if (this.inconsistency !== null || this.newestAt === null) return null;
    const heads = Array.from({ length: this.heads.size }, (_, index): SealSnapshot['heads'][number] => {
      const head = this.heads.leafAt(index);
      return [head.stream, head.revision, head.hash];
    });
    const keys = [...this.known.values()].map(({ key, introducedAt, endedAt }) => ({ keyId: key.keyId, introducedAt, endedAt }));
    return { revision: this.chain.revision, hash: this.chain.hash, newestAt: this.newestAt, keys, heads };
  }

  /** The snapshot this history holds was saved: what it reads or appends from now on counts anew. */
  snapshotSaved(): void {
    this.sinceStart = 0;
  }

  private async start(): Promise<void> {
    try {
      await this.readFromSnapshotOrWhole();
      this.started = true;
    } catch (error) {
      // Read in part: the next refresh starts over.
      this.reset();
      throw error;
    }
  }

  private async readFromSnapshotOrWhole(): Promise<void> {
    const saved = this.states ? await confirmedSnapshot(this.store, this.states) : null;
    if (saved) {
      this.restore(saved);
      await this.readNewer();
      if (this.inconsistency === null) return;
      // The snapshot and what followed do not make the newest seal: the whole stream decides.
      this.reset();
    }
    await this.readNewer();
  }

  /** The snapshot's heads, with the newest seal and the keys as the log holds them; reading goes on from the newest seal, so every event after it is read again. */
  private restore(saved: ConfirmedSnapshot): void {
    for (const record of saved.keys) this.known.set(record.key.keyId, record);
    for (const [stream, revision, hash] of saved.heads) this.heads.set({ stream, revision, hash });
    this.newest = saved.newest;
    this.newestAt = saved.newestHead.revision;
    this.chain = saved.newestHead;
  }

  private reset(): void {
    this.heads = new HeadsTree();
    this.known = new Map();
    this.newest = null;
    this.newestAt = null;
    this.chain = EMPTY_CHAIN;
    this.inconsistency = null;
    this.sinceStart = 0;
  }

  /**
   * Appends events to the seals stream on top of what this history has read, and applies them;
   * answers the log position of the last. Rejects with WrongExpectedRevision when another sealer
   * appended first.
   */
  async append(events: readonly NewEvent[]): Promise<string> {
    const chained = chainEvents(SEALS_STREAM, this.chain, events);
    const { position } = await this.store.append(SEALS_STREAM, chained.events, { expectedRevision: this.chain.revision });
    events.forEach((event, index) => this.apply(event, this.chain.revision + index + 1));
    this.chain = chained.head;
    this.sinceStart += events.length;
    this.checkNewest();
    return position;
  }

  /**
   * The tree as it stood at seal `sequence`, and the revision of the seal's event in the seals
   * stream (where the seals from it on are read again, a page at a time, by whoever shows them);
   * null when there is no such seal. Reads the stream up to that seal, never past it.
   */
  static async at(store: Pick<EventStore, 'readStream' | 'append'>, sodium: Sodium, sequence: number): Promise<{ tree: HeadsTree; revision: number } | null> {
    const replay = new SealHistory(store, sodium);
    for await (const stored of replay.storedEvents(0)) {
      replay.apply(stored, stored.revision);
      // Applying a seal makes it the newest: the event is not parsed a second time to see which it was.
      if (replay.lastAt === stored.revision && replay.last?.sequence === sequence) return { tree: replay.tree, revision: stored.revision };
    }
    return null;
  }

  private async readNewer(): Promise<void> {
    for await (const event of this.storedEvents(this.chain.revision)) this.apply(event, event.revision);
    this.checkNewest();
  }

  private async *storedEvents(afterRevision: number): AsyncGenerator<StoredEvent> {
    for await (const stored of eventsOf(this.store, SEALS_STREAM, afterRevision)) {
      this.chain = chainHeadOf(stored);
      this.sinceStart += 1;
      yield stored;
    }
  }

  private apply(stored: NewEvent, revision: number): void {
    const event = sealsEventSchema.parse(stored);
    if (event.type === 'SigningKeyIntroduced') {
      const { keyId, publicKey } = event.data;
      // The first introduction of an id stands: a key id is never given to another key.
      if (!this.known.has(keyId)) {
        this.known.set(keyId, { key: { keyId, algorithm: 'Ed25519', publicKey, validFrom: stored.metadata.at, validUntil: null }, introducedAt: revision, endedAt: null });
      }
      return;
    }
    const { seal, heads } = event.data;
    const expected = (this.newest?.sequence ?? 0) + 1;
    if (seal.sequence !== expected) this.inconsistent(`seal ${seal.sequence} comes where seal ${expected} belongs`);
    else if (seal.prevSeal !== prevSealOf(this.newest)) this.inconsistent(`seal ${seal.sequence} does not name seal ${expected - 1} as the one before it`);
    for (const [stream, moved, hash] of heads) this.heads.set({ stream, revision: moved, hash });
    this.noteKeyUse(seal, revision);
    this.newest = seal;
    this.newestAt = revision;
  }

  private noteKeyUse(seal: SignedSeal, revision: number): void {
    const record = this.known.get(seal.keyId);
    if (!record) return;
    // The key before this seal's stops being valid where this one takes over.
    if (this.newest && this.newest.keyId !== seal.keyId) {
      const before = this.known.get(this.newest.keyId);
      if (before) {
        before.key.validUntil = seal.at;
        before.endedAt = revision;
      }
    }
    record.key.validUntil = null;
    record.endedAt = null;
  }

  private checkNewest(): void {
    const seal = this.newest;
    if (!seal) return;
    if (this.tree.root() !== seal.root || this.tree.size !== seal.size) this.inconsistent(`the heads sealed up to seal ${seal.sequence} do not make its root`);
    const publicKey = this.publicKeyOf(seal.keyId);
    if (!publicKey || !sealSignatureHolds(seal, publicKey, this.sodium)) this.inconsistent(`the signature of seal ${seal.sequence} does not hold`);
  }

  private inconsistent(problem: string): void {
    this.inconsistency ??= problem;
  }
}
