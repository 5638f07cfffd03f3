import { EMPTY_CHAIN, type ChainHead } from './chain';
import { eventHash } from './eventHash';
import { merged } from '../merged';

/** An event as a verifier reads it: stored JSON, revision as stored. */
export type EventToCheck = Readonly<{ revision: number; type: string; data: unknown; metadata: Readonly<Record<string, unknown>> }>;

/** One break in a stream's chain, named by stream and revision. */
export type ChainBreak = Readonly<{
  stream: string;
  revision: number;
  /**
   * - `modified`: the event is not what was hashed when it was written.
   * - `missing`: revisions before this one are absent (deleted).
   * - `reordered`: the revision is not the next one (inserted, moved or repeated).
   * - `unlinked`: its `prev` is not the hash of the event before it (one was removed, inserted
   *   or replaced there).
   * - `unchained`: it carries no hash, after events that do.
   */
  problem: 'modified' | 'missing' | 'reordered' | 'unlinked' | 'unchained';
  detail: string;
}>;

/**
 * Checks one stream's events, in the order they are handed over, against the hash chain of
 * DESIGN §8. Events with no hash at all are accepted only as a prefix of the stream (written
 * before chaining, on a log that could not be hashed in place); the first hashed event then
 * links to the hash they would have.
 */
export class StreamChainCheck {
  private head: ChainHead;
  private chained: boolean;
  /** How many events came hashed in place at the upgrade (`chained: 'migration'`) and with no hash at all. */
  readonly counts = { events: 0, migrated: 0, unhashed: 0 };

  /**
   * `start`: where the stream's events begin, for a stream pruned of its first events: the
   * anchored head (revision r, hash), so the first event must be r + 1 and link to that hash.
   */
  constructor(
    readonly stream: string,
    start: ChainHead = EMPTY_CHAIN,
  ) {
    this.head = start;
    this.chained = start.revision > 0;
  }

  add(event: EventToCheck): ChainBreak[] {
    const breaks: ChainBreak[] = [];
    const at = (problem: ChainBreak['problem'], detail: string, revision = event.revision) =>
      breaks.push({ stream: this.stream, revision, problem, detail });
    const expected = this.head.revision + 1;
    this.counts.events += 1;
    if (event.revision > expected) {
      const range = event.revision - 1 === expected ? `revision ${expected} is` : `revisions ${expected}-${event.revision - 1} are`;
      at('missing', `${range} missing before revision ${event.revision}`, expected);
    } else if (event.revision < expected) {
      at('reordered', `revision ${event.revision} comes after revision ${this.head.revision}`);
    }
    const stored = event.metadata.hash;
    const computed = eventHash(merged(event, { stream: this.stream }));
    if (typeof stored !== 'string') {
      this.counts.unhashed += 1;
      if (this.chained) at('unchained', `revision ${event.revision} carries no hash, after events that do`);
    } else {
      this.chained = true;
      if (event.metadata.chained === 'migration') this.counts.migrated += 1;
      if (stored !== computed) at('modified', `revision ${event.revision} is not what was hashed when it was written`);
      // A gap is already named; the link across it cannot hold.
      if (event.revision === expected && event.metadata.prev !== this.head.hash) {
        at('unlinked', `revision ${event.revision} does not follow the event before it: one was changed, removed or inserted there`);
      }
    }
    this.head = { revision: Math.max(event.revision, this.head.revision), hash: typeof stored === 'string' ? stored : computed };
    return breaks;
  }

  /** The revision and hash the stream ends with, as its events claim. */
  get last(): ChainHead {
    return this.head;
  }
}
