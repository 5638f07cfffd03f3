import { EventEmitter } from 'node:events';
import type { EventStore, FollowHandler, Subscription } from '../stores/eventStore.port';
import type { ViewProgress } from './projector';
import { waitForPosition } from './waitForPosition';

/**
 * What every follower of the log shares (the projector, an API instance's cache invalidator, the
 * secret-roles reactor): the subscription from a position, where it has got to, waits for a
 * position, and the error that stopped it (readiness reports it).
 */
export class LogFollower implements ViewProgress {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private subscription: Subscription | null = null;
  private current: string | null = null;
  private failure: unknown = null;

  constructor(
    private readonly eventStore: Pick<EventStore, 'follow'>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Follows every event after `after`; `handle` says how far it got with `reached`. */
  start(after: string | null, handle: FollowHandler): void {
    this.current = after;
    this.failure = null;
    this.subscription = this.eventStore.follow(after, handle, (error) => {
      this.failure = error;
      this.onError(error);
    });
  }

  /** Everything up to `position` is handled: wakes those waiting for it. */
  reached(position: string | null): void {
    this.current = position;
    this.emitter.emit('advanced');
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
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
