import { describe, expect, it } from 'vitest';
import { RateLimited } from '../../src/errors';
import { LoadBudget } from '../../src/commands/loadBudget';

describe('A principal’s budget for loading states not held', () => {
  const clock = () => {
    let ms = 0;
    return { now: () => ms, pass: (more: number) => (ms += more) };
  };

  it('lets a principal load until it is in debt, then refuses them for as long as the debt takes to earn back', () => {
    const time = clock();
    const budget = new LoadBudget(600, time.now);
    budget.check('mallory');
    budget.pay('mallory', 400);
    budget.check('mallory');
    budget.pay('mallory', 500);

    // 300 in debt at 600 a minute: 30 s.
    expect(() => budget.check('mallory')).toThrow(RateLimited);
    expect(catching(() => budget.check('mallory'))?.retryAfterSeconds).toBe(30);
    time.pass(29_000);
    expect(() => budget.check('mallory')).toThrow(RateLimited);
    time.pass(1_000);
    budget.check('mallory');
  });

  it('charges each principal apart', () => {
    const budget = new LoadBudget(600, clock().now);
    budget.pay('mallory', 1_000);

    expect(() => budget.check('mallory')).toThrow(RateLimited);
    budget.check('alice');
  });

  it('earns back at most one minute’s budget', () => {
    const time = clock();
    const budget = new LoadBudget(600, time.now);
    budget.pay('alice', 1);
    time.pass(3_600_000);
    budget.pay('alice', 600);
    budget.check('alice');
    budget.pay('alice', 1);

    expect(() => budget.check('alice')).toThrow(RateLimited);
  });
});

function catching(run: () => void): RateLimited | undefined {
  try {
    run();
  } catch (error) {
    return error as RateLimited;
  }
  return undefined;
}
