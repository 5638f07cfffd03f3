import type { Sodium } from '../crypto/sodium';
import type { RecordsPruned } from '../events/records.events';
import { isRecordStream } from '../events/streams';
import { lastSealedHeads, type SealedHead } from '../proof/anchors';
import { chainHashOf } from '../proof/chain';
import { SealHistory } from '../proof/sealHistory';
import type { EventStore, StoredEvent } from '../stores/eventStore.port';
import type { FollowerCheckpoints } from '../stores/followerCheckpoints.port';
import type { Clock } from './actor';
import { PeriodicJob, type JobLog } from './periodicJob';
import type { RecordWriter } from './recordWriter';
import { SYSTEM_ACTOR } from './systemActor';

const DAY_MS = 24 * 60 * 60 * 1000;
const PAGE = 1000;

/**
 * A record stream's prefix that may go: its first event (revision and log position), and the last
 * one of the run of events all older than the cutoff.
 */
type Due = Readonly<{ stream: string; first: number; firstPosition: string; oldThrough: number }>;

/**
 * RECORD_RETENTION_DAYS (DESIGN §7): the projector role's instance prunes, at start and every
 * interval after, the records (the events of the `workspaceRecords-`/`personalRecords-` streams)
 * older than that which a seal covers. For each such stream it takes the newest seal N whose head
 * for it, revision r, is at or before the last of its events that are all older than the cutoff,
 * records `RecordsPruned {stream, throughRevision: r, hash, sealSequence: N}` as `system` at the
 * end of that stream itself, and only then drops events 1..r from the log: a crash in between leaves events
 * the next sweep prunes (and records) again. What no seal covers is never pruned, so an export
 * can always anchor the pruned stream in a seal; a stream's last event is kept, since it carries
 * the stream's revision and chain on. Everything it needs is in the log: a restart just sweeps
 * again, and a second sweep finds nothing more to do. 0 keeps every record.
 */
export class RecordPruner {
  private readonly job: PeriodicJob;
  /** The seals as far as the last sweep read them: the next reads only the newer. */
  private history: SealHistory | null = null;

  constructor(
    private readonly store: Pick<EventStore, 'readStream' | 'readStreamBackwards' | 'readLast' | 'append' | 'pruneThrough'>,
    private readonly records: Pick<RecordWriter, 'recordIn'>,
    private readonly sodium: Sodium,
    private readonly clock: Clock,
    private readonly retentionDays: number,
    intervalMs: number,
    private readonly log: JobLog,
    /** Where the sealer keeps its snapshot: the first sweep starts from it. */
    private readonly states: Pick<FollowerCheckpoints, 'getState'>,
  ) {
    this.job = new PeriodicJob(() => this.pruneOnce(), intervalMs, log, 'pruning the records failed; the next sweep tries again');
  }

  /** Sweeps once before answering; a sweep that fails is logged, and the next one tries again (the service starts regardless). */
  async start(): Promise<void> {
    if (this.retentionDays === 0) return;
    await this.job.runLogged();
    this.job.repeat();
  }

  stop(): Promise<unknown> {
    return this.job.stop();
  }

  /** Prunes every record stream that is due; answers how many it pruned. One sweep at a time. */
  prune(): Promise<number> {
    return this.job.runNow();
  }

  private async pruneOnce(): Promise<number> {
    if (this.retentionDays === 0) return 0;
    const now = this.clock();
    const cutoff = now.getTime() - this.retentionDays * DAY_MS;
    const history = (this.history ??= new SealHistory(this.store, this.sodium, this.states));
    await history.refresh();
    if (history.problem) {
      // A seal that does not check out anchors nothing: an export could not show what was pruned.
      // The next sweep reads the stream anew.
      this.history = null;
      this.log.error({ problem: history.problem }, 'the seals stream does not check out: no record is pruned');
      return 0;
    }
    const due: Due[] = [];
    for (let index = 0; index < history.tree.size; index += 1) {
      const head = history.tree.leafAt(index);
      if (!isRecordStream(head.stream)) continue;
      const found = await this.dueOf(head.stream, head.revision, cutoff);
      if (found) due.push(found);
    }
    if (due.length === 0) return 0;
    const anchors = await lastSealedHeads(this.store, new Map(due.map((d) => [d.stream, d.oldThrough])), history.last!.sequence);
    let pruned = 0;
    for (const { stream, first, firstPosition } of due) {
      const anchor = anchors.get(stream);
      // Nothing sealed in the due run, or pruned through it already.
      if (!anchor || anchor.revision < first) continue;
      if (await this.pruneStream(stream, firstPosition, anchor, now)) pruned += 1;
    }
    return pruned;
  }

  /**
   * The stream's prefix whose events are all older than the cutoff, up to its sealed head and
   * short of its last event; null when there is none.
   */
  private async dueOf(stream: string, sealedHead: number, cutoff: number): Promise<Due | null> {
    const last = await this.store.readLast(stream);
    if (!last) return null;
    const limit = Math.min(sealedHead, last.revision - 1);
    let oldest: StoredEvent | undefined;
    let oldThrough = 0;
    const due = (): Due | null => (oldest ? { stream, first: oldest.revision, firstPosition: oldest.position, oldThrough } : null);
    // The first event alone first: most sweeps find a stream's first event still young.
    for (let after = 0, size = 1; after < limit; size = PAGE) {
      const page = await this.store.readStream(stream, after, size);
      for (const event of page) {
        if (event.revision > limit || !(Date.parse(event.metadata.at) < cutoff)) return due();
        oldest ??= event;
        oldThrough = event.revision;
      }
      if (page.length < size) break;
      after = page[page.length - 1]!.revision;
    }
    return due();
  }

  /** Records the pruning, then drops the events; answers whether it did. */
  private async pruneStream(stream: string, fromPosition: string, anchor: SealedHead, now: Date): Promise<boolean> {
    const [through] = await this.store.readStream(stream, anchor.revision - 1, 1);
    if (!through || through.revision !== anchor.revision || chainHashOf(through) !== anchor.hash) {
      this.log.error({ stream, revision: anchor.revision, seal: anchor.seal }, 'a record stream is not what its seal committed to: it is not pruned (verify the audit)');
      return false;
    }
    // Where the dropped events start, too: the views then look for their rows between the two positions.
    const data: RecordsPruned['data'] = { stream, fromPosition, throughRevision: anchor.revision, throughPosition: through.position, hash: anchor.hash, sealSequence: anchor.seal };
    // At the end of the pruned stream itself, whichever instance's it is, chained after its anchor:
    // a verifier tells a pruning from a prefix someone removed (an anchor with no record of it).
    await this.records.recordIn(stream, [{ type: 'RecordsPruned', data, metadata: { actor: SYSTEM_ACTOR, at: now.toISOString(), schemaVersion: 1 } }]);
    await this.store.pruneThrough(stream, anchor.revision);
    this.log.info({ stream, throughRevision: anchor.revision, sealSequence: anchor.seal }, `pruned the records of ${stream} through revision ${anchor.revision} (RECORD_RETENTION_DAYS)`);
    return true;
  }
}
