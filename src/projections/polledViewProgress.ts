import { isAtOrAfter } from '../stores/position';
import type { ReadStore } from '../stores/readStore.port';
import type { ViewProgress } from './projector';
import type { ViewDocs } from './views';

const IDLE_POLL_MS = 1000;
const WAITING_POLL_MS = 20;

/**
 * View progress for an API instance whose projector runs elsewhere (SERVICE_ROLE=api): reads the
 * shared checkpoint, once a second, or every 20 ms while someone waits for a position.
 */
export class PolledViewProgress implements ViewProgress {
  private current: string | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly store: Pick<ReadStore<ViewDocs>, 'checkpoint'>) {}

  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh().catch(() => {}), IDLE_POLL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  position(): string | null {
    return this.current;
  }

  async waitFor(position: string, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!isAtOrAfter(this.current, position)) {
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, WAITING_POLL_MS));
      await this.refresh();
    }
    return true;
  }

  private async refresh(): Promise<void> {
    this.current = (await this.store.checkpoint()).position;
  }
}
