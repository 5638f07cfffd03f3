import type { StoredEvent } from '../eventStore.port';

/**
 * The events this store appended lately, each run kept under the position that preceded it in
 * the log (read inside the append's own write transaction, so nothing lies between the two). The
 * followers in this process (projector, secret-roles reactor, sealer) take what was just written
 * from here instead of each reading it back and parsing it again. A run is served only when it
 * starts right after the position asked for: what another process appended in between is never
 * here, and the caller reads on from the log where the runs end. Bounded by a number of events;
 * the oldest runs go first.
 *
 * The events are shared by every reader: like any StoredEvent, they are never to be changed.
 */
export class RecentAppends {
  private readonly runs = new Map<string, readonly StoredEvent[]>();
  private events = 0;

  constructor(private readonly maxEvents: number) {}

  /** `before`: the log's last position before the run ('0' for an empty log). */
  add(before: string, run: readonly StoredEvent[]): void {
    if (run.length === 0 || run.length > this.maxEvents) return;
    this.runs.set(before, run);
    this.events += run.length;
    for (const [oldest, oldRun] of this.runs) {
      if (this.events <= this.maxEvents) break;
      this.runs.delete(oldest);
      this.events -= oldRun.length;
    }
  }

  /** Up to `limit` events right after `after`, in log order, as far as the kept runs reach (maybe none). */
  after(after: string, limit: number): StoredEvent[] {
    const found: StoredEvent[] = [];
    for (let run = this.runs.get(after); run !== undefined && found.length + run.length <= limit; run = this.runs.get(run[run.length - 1]!.position)) {
      found.push(...run);
    }
    return found;
  }

  /** Events were taken out of the log (a pruning): none kept here may be handed out any more. */
  clear(): void {
    this.runs.clear();
    this.events = 0;
  }
}
