import type { EventStore } from '../stores/eventStore.port';
import type { ViewProgress } from './projector';

const POLL_MS = 1000;

/**
 * Measures how far the views are behind the log: the age of the oldest event they have not
 * applied yet (0 when caught up). Polls the log once a second; readiness and metrics read it.
 */
export class LagMonitor {
  private lag = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Polls started, and the latest of them whose measure was kept: polls may overlap, and a log that answers out of order must not leave an older measure last. */
  private started = 0;
  private kept = 0;

  constructor(
    private readonly eventStore: Pick<EventStore, 'readAll'>,
    private readonly progress: ViewProgress,
    private readonly onLag: (seconds: number) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {}

  async start(): Promise<void> {
    await this.poll();
    this.timer = setInterval(() => void this.poll().catch(() => {}), POLL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  lagSeconds(): number {
    return this.lag;
  }

  async poll(): Promise<number> {
    const poll = ++this.started;
    const [next] = await this.eventStore.readAll(this.progress.position(), 1);
    if (poll < this.kept) return this.lag;
    this.kept = poll;
    this.lag = next ? Math.max(0, this.now() - Date.parse(next.metadata.at)) / 1000 : 0;
    this.onLag(this.lag);
    return this.lag;
  }
}
