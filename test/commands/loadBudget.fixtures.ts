import type { LoadBudget } from '../../src/commands/loadBudget';
import { RateLimited } from '../../src/errors';

/** A load that costs `events`, paid by `payer`. */
export const spend = (budget: LoadBudget, payer: string, events: number) => budget.paid(payer, async () => ({ loaded: events, events }));

/** Whether a principal may load now: refused (429) while in debt. */
export const mayLoad = (budget: LoadBudget, payer: string) =>
  spend(budget, payer, 0).then(
    () => true,
    (error: unknown) => (error instanceof RateLimited ? false : Promise.reject(error)),
  );
