import type { FastifyRequest } from 'fastify';

/**
 * Rows a settings read goes through for the price of one request (DESIGN §6); each further 100,
 * or part of them, costs one more. A row is a member or pending invitation, a secret or deleted
 * key, or a version of a history page. A read of the views now is paid once its rows are read and
 * counted, before they are opened (emails, details) and answered; a read as of a moment is paid
 * before it reads, by everything the scope ever held (`EverHeld`: time travel looks up every key it
 * ever had and every invitation it ever made, each standing too for the member it may have become),
 * so counting costs nothing extra where the listing is the everyday read.
 *
 * Measured at the bounds (the server's CPU per request, the bundle, in a slow phase of the VM, a
 * throwaway script): 10,000 members listed 110–130 ms; as of a moment 130–150; who may access a
 * secret 150–170; the changes since the start 180–200; 1,000 secrets with details 20–40, as of a
 * moment (10,000 keys ever) 30–40. About 1–3 ms a hundred rows, what a settings command costs, so
 * a principal at its budget keeps the process no busier with heavy reads than with commands.
 * Charged as one request, a read of 150 ms would let one principal hold the process 15 minutes of
 * every minute. Time travel is overcharged where most of what was ever held is gone (50,000 revoked
 * invitations took 175 ms, 500 requests' worth): the price of one rule. A read refused for its
 * rows (429, spending none of them) was read for nothing, but each such try spends its arrival, so
 * a principal gets at most a handful of them a minute.
 */
export const ROWS_PER_REQUEST = 100;

/** Charges the settings budget for the rows a read goes through beyond the first hundred: a 429 spends none of them, a 409 `over_rate_budget` when it could never fit a minute. */
export async function payForRows(request: FastifyRequest, rows: number): Promise<void> {
  if (rows > ROWS_PER_REQUEST) await request.spend('settings', Math.ceil(rows / ROWS_PER_REQUEST) - 1);
}

/** What a route's OpenAPI description says of its charge, naming what its rows are. */
export function chargedByRows(rows: string): string {
  return `Costs one settings request for each ${ROWS_PER_REQUEST} (or part) of ${rows}, paid before they are answered (as of a moment, before they are read): a 429 when the budget has fewer left (spending none of them), a 409 \`over_rate_budget\` when it costs more than the budget allows in a minute.`;
}
