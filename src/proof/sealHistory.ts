import type { Sodium } from '../crypto/sodium';
import type { NewEvent } from '../events/stored';
import type { EventStore, StoredEvent } from '../stores/eventStore.port';
import { chainEvents, chainHeadOf, EMPTY_CHAIN, type ChainHead } from './chain';
import { HeadsTree } from './headsTree';
import { SEALS_STREAM } from '../events/streams';
import { prevSealOf, sealsEventSchema, type SignedSeal } from './seal';
import { sealSignatureHolds } from './signingKey';

/** What GET /v1/audit/public-keys lists: a key, and the time its seals span (`validUntil` null while it signs). */
export type KnownKey = { keyId: string; algorithm: 'Ed25519'; publicKey: string; validFrom: string; validUntil: string | null };

const PAGE = 1000;

/**
 * The seals stream, replayed: the tree of stream heads as the newest seal committed to it, that
 * seal, the signing keys, and the first inconsistency found (a seal out of sequence, a `prevSeal`
 * that is not the hash of the seal before, a tree whose root is not the newest seal's, a signature
 * that does not hold). A sealer that finds one refuses to seal over it; an export still shows the
 * stored seals, for a verifier to name what is wrong.
 *
 * Replay checks the links of every seal but the root and signature of the newest only: checking
 * every root would cost a tree per seal, and the newest root covers what the deltas add up to.
 */
export class SealHistory {
  readonly tree = new HeadsTree();
  private readonly known = new Map<string, KnownKey>();
  private newest: SignedSeal | null = null;
  private chain: ChainHead = EMPTY_CHAIN;
  private inconsistency: string | null = null;
  private refreshing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Pick<EventStore, 'readStream' | 'append'>,
    private readonly sodium: Sodium,
  ) {}

  get last(): SignedSeal | null {
    return this.newest;
  }

  get revision(): number {
    return this.chain.revision;
  }

  get problem(): string | null {
    return this.inconsistency;
  }

  keys(): KnownKey[] {
    return [...this.known.values()].map((key) => ({ ...key }));
  }

  publicKeyOf(keyId: string): string | undefined {
    return this.known.get(keyId)?.publicKey;
  }

  /** Reads the seals appended since the last refresh (refreshes run one at a time). */
  refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(() => this.readNewer());
    return this.refreshing;
  }

  /**
   * Appends events to the seals stream on top of what this history has read, and applies them;
   * answers the log position of the last. Rejects with WrongExpectedRevision when another sealer
   * appended first.
   */
  async append(events: readonly NewEvent[]): Promise<string> {
    const chained = chainEvents(SEALS_STREAM, this.chain, events);
    const { position } = await this.store.append(SEALS_STREAM, chained.events, { expectedRevision: this.chain.revision });
    for (const event of events) this.apply(event);
    this.chain = chained.head;
    this.checkNewest();
    return position;
  }

  /** The tree and seals as they stood at seal `sequence`, with every seal from it on; null when there is no such seal. */
  static async at(store: Pick<EventStore, 'readStream' | 'append'>, sodium: Sodium, sequence: number): Promise<{ tree: HeadsTree; seals: SignedSeal[] } | null> {
    const replay = new SealHistory(store, sodium);
    const seals: SignedSeal[] = [];
    let tree: HeadsTree | null = null;
    for await (const stored of replay.storedEvents(0)) {
      if (tree === null) replay.apply(stored);
      const event = sealsEventSchema.parse(stored);
      if (event.type !== 'Sealed') continue;
      if (event.data.seal.sequence === sequence && tree === null) tree = replay.tree;
      if (tree !== null) seals.push(event.data.seal);
    }
    return tree && { tree, seals };
  }

  private async readNewer(): Promise<void> {
    for await (const event of this.storedEvents(this.chain.revision)) this.apply(event);
    this.checkNewest();
  }

  private async *storedEvents(afterRevision: number): AsyncGenerator<StoredEvent> {
    for (let after = afterRevision; ; ) {
      const page = await this.store.readStream(SEALS_STREAM, after, PAGE);
      for (const stored of page) {
        this.chain = chainHeadOf(stored);
        yield stored;
      }
      if (page.length < PAGE) return;
      after = page[page.length - 1]!.revision;
    }
  }

  private apply(stored: NewEvent): void {
    const event = sealsEventSchema.parse(stored);
    if (event.type === 'SigningKeyIntroduced') {
      const { keyId, publicKey } = event.data;
      // The first introduction of an id stands: a key id is never given to another key.
      if (!this.known.has(keyId)) this.known.set(keyId, { keyId, algorithm: 'Ed25519', publicKey, validFrom: stored.metadata.at, validUntil: null });
      return;
    }
    const { seal, heads } = event.data;
    const expected = (this.newest?.sequence ?? 0) + 1;
    if (seal.sequence !== expected) this.inconsistent(`seal ${seal.sequence} comes where seal ${expected} belongs`);
    else if (seal.prevSeal !== prevSealOf(this.newest)) this.inconsistent(`seal ${seal.sequence} does not name seal ${expected - 1} as the one before it`);
    for (const [stream, revision, hash] of heads) this.tree.set({ stream, revision, hash });
    this.noteKeyUse(seal);
    this.newest = seal;
  }

  private noteKeyUse(seal: SignedSeal): void {
    const key = this.known.get(seal.keyId);
    if (!key) return;
    // The key before this seal's stops being valid where this one takes over.
    if (this.newest && this.newest.keyId !== seal.keyId) {
      const before = this.known.get(this.newest.keyId);
      if (before) before.validUntil = seal.at;
    }
    key.validUntil = null;
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
