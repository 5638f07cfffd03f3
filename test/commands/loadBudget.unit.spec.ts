import { describe, expect, it } from 'vitest';
import { LoadBudget } from '../../src/commands/loadBudget';
import { RateLimited } from '../../src/errors';
import { deferred } from '../stores/contractSupport';
import { mayLoad, spend } from './loadBudget.fixtures';

describe('A principal’s budget for loading states not held', () => {
  const clock = () => {
    let ms = 0;
    return { now: () => ms, pass: (more: number) => (ms += more) };
  };

  it('lets a principal load until it is in debt, then refuses them, reading nothing, for as long as the debt takes to earn back', async () => {
    const time = clock();
    const budget = new LoadBudget(600, time.now);
    await spend(budget, 'mallory', 400);
    await spend(budget, 'mallory', 500);

    // 300 in debt at 600 a minute: 30 s.
    let read = false;
    const refused = await budget.paid('mallory', async () => ((read = true), { loaded: null, events: 0 })).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimited);
    expect((refused as RateLimited).retryAfterSeconds).toBe(30);
    expect(read).toBe(false);
    time.pass(29_000);
    expect(await mayLoad(budget, 'mallory')).toBe(false);
    time.pass(1_000);
    expect(await mayLoad(budget, 'mallory')).toBe(true);
  });

  it('charges each principal apart', async () => {
    const budget = new LoadBudget(600, clock().now);
    await spend(budget, 'mallory', 1_000);

    expect(await mayLoad(budget, 'mallory')).toBe(false);
    expect(await mayLoad(budget, 'alice')).toBe(true);
  });

  it('earns back at most one minute’s budget', async () => {
    const time = clock();
    const budget = new LoadBudget(600, time.now);
    await spend(budget, 'alice', 1);
    time.pass(3_600_000);
    await spend(budget, 'alice', 600);
    expect(await mayLoad(budget, 'alice')).toBe(true);
    await spend(budget, 'alice', 1);

    expect(await mayLoad(budget, 'alice')).toBe(false);
  });

  it('runs a principal’s loads one at a time, so that loads sent at once cannot all start before the first has paid', async () => {
    const budget = new LoadBudget(600, clock().now);
    const first = deferred<void>();
    const started: string[] = [];
    const running = budget.paid('mallory', async () => (started.push('first'), await first.promise, { loaded: null, events: 1_000 }));
    const second = budget.paid('mallory', async () => (started.push('second'), { loaded: null, events: 1 }));
    const others = budget.paid('alice', async () => (started.push('alice'), { loaded: null, events: 1 }));
    await others;
    expect(started).toEqual(['first', 'alice']);

    first.resolve();
    await running;
    await expect(second).rejects.toThrow(RateLimited);
    expect(started).toEqual(['first', 'alice']);
  });
});
