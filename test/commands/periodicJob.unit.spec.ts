import { afterEach, describe, expect, it, vi } from 'vitest';
import { PeriodicJob } from '../../src/commands/periodicJob';

describe('PeriodicJob', () => {
  afterEach(() => vi.useRealTimers());
  const log = () => ({ info: vi.fn(), error: vi.fn() });

  it('runs one at a time: a call while a run is in progress joins it', async () => {
    let release!: (n: number) => void;
    const run = vi.fn(() => new Promise<number>((resolve) => (release = resolve)));
    const job = new PeriodicJob(run, 1000, log(), 'failed');
    const first = job.runNow();
    const second = job.runNow();
    release(3);
    expect(await Promise.all([first, second])).toEqual([3, 3]);
    expect(run).toHaveBeenCalledTimes(1);
    const next = job.runNow();
    release(4);
    expect(await next).toBe(4);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('repeats every interval, logs a failed run and tries again at the next one, and stops', async () => {
    vi.useFakeTimers();
    const errors = log();
    const run = vi.fn().mockRejectedValueOnce(new Error('store down')).mockResolvedValue(1);
    const job = new PeriodicJob(run, 1000, errors, 'the sweep failed');
    job.repeat();
    await vi.advanceTimersByTimeAsync(1000);
    expect(errors.error).toHaveBeenCalledWith({ err: expect.any(Error) }, 'the sweep failed');
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(2);
    await job.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
