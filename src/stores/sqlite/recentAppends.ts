import type { StoredEvent } from '../eventStore.port';

type Run = Readonly<{ events: readonly StoredEvent[]; bytes: number }>;

/**
 * The events this store appended lately, each run (one group commit) kept under the position
 * that preceded it in the log, read inside the append's own write transaction, so nothing lies
 * between the two. The followers in this process (projector, secret-roles reactor, sealer) take
 * what was just written from here instead of each of them materialising the rows and parsing
 * their JSON again; the log is still asked for anything after the runs kept here. A run is served
 * only when it starts right after the position asked for: what another process appended in
 * between is never here, and the caller reads on from the log where the runs end.
 *
 * Only this store takes events out of the log (`pruneThrough` clears what is kept here): a
 * data directory's SQLite files belong to one service process, and the CLIs only append and read.
 *
 * Bounded by events and by the bytes of their stored JSON (a value may be tens of KiB); the
 * oldest runs go first. The events are shared by every reader, so they are frozen.
 */
export class RecentAppends {
  private readonly runs = new Map<string, Run>();
  private events = 0;
  private bytes = 0;

  constructor(private readonly limits: Readonly<{ events: number; bytes: number }>) {}

  /** `before`: the log's last position before the run ('0' for an empty log); `bytes`: the size of its stored JSON. */
  add(before: string, events: readonly StoredEvent[], bytes: number): void {
    this.drop(before);
    if (events.length === 0 || events.length > this.limits.events || bytes > this.limits.bytes) return;
    for (const event of events) deepFreeze(event);
    this.runs.set(before, { events, bytes });
    this.events += events.length;
    this.bytes += bytes;
    for (const oldest of this.runs.keys()) {
      if (this.events <= this.limits.events && this.bytes <= this.limits.bytes) break;
      this.drop(oldest);
    }
  }

  /** Up to `limit` events right after `after`, in log order, as far as the kept runs reach (maybe none); never part of a run. */
  after(after: string, limit: number): StoredEvent[] {
    const found: StoredEvent[] = [];
    for (let run = this.runs.get(after); run !== undefined && found.length + run.events.length <= limit; run = this.runs.get(run.events[run.events.length - 1]!.position)) {
      found.push(...run.events);
    }
    return found;
  }

  /** Events were taken out of the log (a pruning), or the store closed: nothing kept may be handed out any more. */
  clear(): void {
    this.runs.clear();
    this.events = 0;
    this.bytes = 0;
  }

  private drop(before: string): void {
    const run = this.runs.get(before);
    if (run === undefined) return;
    this.runs.delete(before);
    this.events -= run.events.length;
    this.bytes -= run.bytes;
  }
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const item of Object.values(value)) deepFreeze(item);
}
