import type { FastifyRequest } from 'fastify';
import { ROWS_PER_REQUEST, type PayForRows } from '../projections/queries';

/**
 * What a request pays for rows, as a read tells it each count in turn before reading them: what
 * the rows so far cost beyond its arrival and what it paid already, on the settings budget. A 429
 * spends none of what it refuses, though a read in parts (members, then invitations) keeps what
 * its earlier parts paid; a 409 `over_rate_budget` when the request could never fit a minute.
 *
 * A settings read goes through ROWS_PER_REQUEST (100) rows for the price of one request (DESIGN
 * §6); each further 100, or part of them, costs one more. A row is a member or pending invitation,
 * a secret or deleted key, a version of a history page, an entry of an audit page. The views count
 * them first, through their indexes (`ReadStore.count`; ~4% of a list of 50 secrets), but for a
 * history version's size: each counts once more for each whole 16 KiB of its stored document
 * (`STORED_BYTES_PER_ROW`), paid once read;
 * as of a moment, every document the scope ever held counts (`ReadStore.scopeCount`), since time
 * travel looks each up, gone or not.
 *
 * Measured at the bounds (the server's CPU per request, the bundle, in a slow phase of the VM, a
 * throwaway script): 10,000 members listed 110–130 ms; as of a moment 130–150; who may access a
 * secret 150–170; the changes since the start 180–200; 1,000 secrets with details 20–40, as of a
 * moment (10,000 keys ever) 30–40. About 1–3 ms a hundred rows, what a settings command costs, so
 * a principal at its budget keeps the process no busier with heavy reads than with commands.
 * Charged as one request, a read of 150 ms would let one principal hold the process 15 minutes of
 * every minute. Time travel is overcharged where most of what was ever held is gone (50,000 revoked
 * invitations took 175 ms, 500 requests' worth): the price of one rule.
 */
export function chargeForRows(request: FastifyRequest): PayForRows {
  let rows = 0;
  let paid = 0;
  return async (more) => {
    const due = Math.max(0, Math.ceil((rows + more) / ROWS_PER_REQUEST) - 1);
    if (due > paid) await request.spend('settings', due - paid);
    // Counted once paid: a refused payment leaves the meter as it was, for a read that goes on without those rows.
    rows += more;
    paid = Math.max(paid, due);
  };
}

/** What a route's OpenAPI description says of its charge, naming what its rows are. */
export function chargedByRows(rows: string): string {
  return `Costs one settings request for each ${ROWS_PER_REQUEST} (or part) of ${rows}, paid before they are read: a 429 when the budget has fewer left (spending none of what it refuses), a 409 \`over_rate_budget\` when it costs more than the budget allows in a minute.`;
}
