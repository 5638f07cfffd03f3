import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { chargeForRows } from '../../src/api/readCharges';
import { RateLimited } from '../../src/errors';

/** A request whose settings budget refuses the payments `refusing` says to, and records the others. */
function requestSpending(refusing: (times: number) => boolean) {
  const spent: number[] = [];
  const request = {
    spend: async (_budget: string, times: number) => {
      if (refusing(times)) throw new RateLimited(1);
      spent.push(times);
    },
  } as unknown as FastifyRequest;
  return { request, spent };
}

describe('What a read pays for its rows', () => {
  it('pays for each further 100 rows, or part, as the read tells them, beyond its arrival', async () => {
    const { request, spent } = requestSpending(() => false);
    const pay = chargeForRows(request);
    await pay(100);
    await pay(1);
    await pay(99);
    await pay(250);
    expect(spent).toEqual([1, 3]);
  });

  it('leaves the meter as it was when a payment is refused: the rows it read after pay as if the refused ones were never read', async () => {
    let refuse = true;
    const { request, spent } = requestSpending(() => refuse);
    const pay = chargeForRows(request);
    await pay(100);
    // 150 rows would cost one request beyond the arrival: refused, they were not read.
    await expect(pay(50)).rejects.toBeInstanceOf(RateLimited);
    refuse = false;
    // Counting the refused ones as paid for, these 50 would have been free.
    await pay(50);
    expect(spent).toEqual([1]);
  });
});
