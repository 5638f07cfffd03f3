import { LRUCache } from 'lru-cache';
import { RateLimited } from '../errors';
import { oneAtATime, type UnderWay } from './oneAtATime';

/**
 * What one principal's loads of states the command side does not hold may cost in a minute, in
 * events read (a snapshot counts an event for each SNAPSHOT_WEIGHT_PER_EVENT of its state's
 * weight: reading one costs ~1.6 µs a unit of weight, an event ~11). 200,000 is ~2.2 s of CPU a
 * minute at most. An ordinary scope's load costs a few thousand (its snapshot and up to 1,000
 * events), so a hundred of them after a start fit in a minute; a scope at every bound (a weight of
 * 130,001) costs ~18,600 for its snapshot and up to ~32,500 events, ~51,000 (~0.6 s), so two such
 * scopes, each pushing the other out of the cache, get about four loads a minute, and then wait.
 */
export const LOAD_EVENTS_PER_MINUTE = 200_000;
export const SNAPSHOT_WEIGHT_PER_EVENT = 7;
const MINUTE_MS = 60_000;
/** Principals whose spending is remembered; one forgotten starts again with a whole minute's budget. */
const PAYERS_REMEMBERED = 100_000;

type Balance = { events: number; at: number };

/**
 * A budget per principal for loading the states the command side does not hold (StreamStates):
 * whoever makes the process read a stream pays for it, so nobody can push others' states out of
 * the cache and have their own reloaded at every command for the price of one request. A load is
 * paid after it is read (its cost is known only then): a principal in debt is refused the next
 * one, with a 429 for as long as the debt takes to earn back. A principal's loads run one at a
 * time, so that requests sent at once cannot all start before the first has paid. The service's
 * own work (followers, sweeps) pays nothing.
 */
export class LoadBudget {
  private readonly balances = new LRUCache<string, Balance>({ max: PAYERS_REMEMBERED });
  /** The load under way of each principal who has one: their next waits for it. */
  private readonly underWay: UnderWay<string> = new Map();

  constructor(
    private readonly perMinute = LOAD_EVENTS_PER_MINUTE,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Runs a principal's load once their load under way has ended, if they are not in debt (a 429
   * otherwise, nothing read), and takes its cost (in events) from their budget.
   */
  paid<T>(payer: string, load: () => Promise<Readonly<{ loaded: T; events: number }>>): Promise<T> {
    return oneAtATime(this.underWay, payer, async () => {
      this.check(payer);
      const { loaded, events } = await load();
      this.pay(payer, events);
      return loaded;
    });
  }

  /** Refuses a load to a principal in debt (429 `rate_limited`). */
  private check(payer: string): void {
    const { events } = this.balanceOf(payer);
    if (events < 0) throw new RateLimited(Math.ceil((-events / this.perMinute) * (MINUTE_MS / 1000)));
  }

  /** Takes what a load cost from the principal's budget, into debt if need be. */
  private pay(payer: string, events: number): void {
    const balance = this.balanceOf(payer);
    this.balances.set(payer, { events: balance.events - events, at: balance.at });
  }

  /** The budget as of now: a minute's budget earned back evenly over a minute, never more than one minute's. */
  private balanceOf(payer: string): Balance {
    const now = this.now();
    const kept = this.balances.get(payer);
    if (!kept) return { events: this.perMinute, at: now };
    return { events: Math.min(this.perMinute, kept.events + ((now - kept.at) / MINUTE_MS) * this.perMinute), at: now };
  }
}
