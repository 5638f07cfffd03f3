import { EventEmitter } from 'node:events';
import type { EventStore, FollowHandler, Subscription } from '../stores/eventStore.port';
import type { ViewProgress } from './projector';
import { waitForPosition } from './waitForPosition';

/** After an error, a follower follows again from where it got to: first after this long, then twice as long each time, up to RETRY_MAX_MS. */
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 30_000;

/**
 * What every follower of the log shares (the projector, an API instance's cache invalidator, the
 * secret-roles reactor, the sealer): the subscription from a position, where it has got to, waits
 * for a position, and the last error (readiness reports it).
 *
 * An error does not end the following: it is reported, and the follower follows again from the
 * last position it reached, after a delay that grows while the errors go on. Most errors pass
 * (SQLite busy past its timeout while a long rebuild swaps its tables in, a database failing
 * over); one that does not is reported again at each attempt, and the views' lag shows it.
 */
export class LogFollower implements ViewProgress {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private subscription: Subscription | null = null;
  private current: string | null = null;
  private failure: unknown = null;
  private retry: NodeJS.Timeout | null = null;
  private retryDelayMs = RETRY_FIRST_MS;

  constructor(
    private readonly eventStore: Pick<EventStore, 'follow'>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Follows every event after `after`; `handle` says how far it got with `reached`. */
  start(after: string | null, handle: FollowHandler): void {
    this.current = after;
    this.follow(handle);
  }

  private follow(handle: FollowHandler): void {
    this.failure = null;
    const subscription: Subscription = this.eventStore.follow(this.current, handle, (error) => this.followAgainLater(error, subscription, handle));
    this.subscription = subscription;
  }

  /**
   * Reports the error and, unless the follower was stopped meanwhile, follows again after the
   * delay. Nothing here may throw or reject: an unhandled rejection would end the process.
   */
  private followAgainLater(error: unknown, failed: Subscription, handle: FollowHandler): void {
    this.failure = error;
    this.onError(error);
    if (this.subscription !== failed) return;
    const delayMs = this.retryDelayMs;
    this.retryDelayMs = Math.min(delayMs * 2, RETRY_MAX_MS);
    this.retry = setTimeout(() => {
      this.retry = null;
      // Stopping the failed subscription only releases what it holds; that it fails too changes nothing.
      void failed
        .stop()
        .catch(() => undefined)
        .then(() => {
          if (this.subscription !== failed) return;
          try {
            this.follow(handle);
          } catch (thrown) {
            this.followAgainLater(thrown, failed, handle);
          }
        });
    }, delayMs).unref();
  }

  /** A subclass could not follow (and said so itself): readiness reports it until a subscription starts again. */
  protected failedToFollow(error: unknown): void {
    this.failure = error;
  }

  /** Everything up to `position` is handled: wakes those waiting for it. */
  reached(position: string | null): void {
    this.current = position;
    this.retryDelayMs = RETRY_FIRST_MS;
    this.emitter.emit('advanced');
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    await subscription?.stop();
  }

  get error(): unknown {
    return this.failure;
  }

  position(): string | null {
    return this.current;
  }

  waitFor(position: string, timeoutMs: number): Promise<boolean> {
    return waitForPosition(this.emitter, ['advanced'], () => this.current, position, timeoutMs);
  }
}
