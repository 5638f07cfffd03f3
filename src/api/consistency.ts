import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotCaughtUp, ValidationFailed } from '../errors';
import type { ViewProgress } from '../projections/projector';
import { POSITION_PATTERN } from '../stores/position';

/** How long a query with `minPosition` waits for the views (DESIGN §1). */
export const MIN_POSITION_WAIT_MS = 5000;

/**
 * Waits until the views reached the position a client asked for (`?minPosition=` or
 * `X-Min-Position`), else a 503: read-your-writes across requests and instances.
 */
export async function awaitMinPosition(progress: ViewProgress, request: FastifyRequest, fromBody?: string): Promise<void> {
  const fromQuery = (request.query as { minPosition?: unknown } | undefined)?.minPosition;
  const fromHeader = request.headers['x-min-position'];
  const position = fromBody ?? fromQuery ?? fromHeader;
  if (position === undefined) return;
  if (typeof position !== 'string' || !POSITION_PATTERN.test(position)) {
    throw new ValidationFailed('Invalid minPosition', [{ field: 'minPosition', message: 'must be a log position (a decimal string)' }]);
  }
  if (!(await progress.waitFor(position, MIN_POSITION_WAIT_MS))) throw new NotCaughtUp(position);
}

/**
 * After a write, waits (briefly, bounded) for the views to apply it before answering, so the
 * writer's next query sees its write even without `minPosition`. The write is durable either
 * way; if the views are slow the answer still carries the position to wait for.
 */
export async function settle(progress: ViewProgress, position: string | null): Promise<void> {
  if (position !== null) await progress.waitFor(position, MIN_POSITION_WAIT_MS);
}

/** `If-Match: "7"` or `7` (DESIGN §1); `*` or no header means no precondition. */
export function expectedRevision(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*"?(0|[1-9][0-9]{0,14})"?\s*$/.exec(header);
  if (!match) throw new ValidationFailed('Invalid If-Match', [{ field: 'If-Match', message: 'must be a revision such as "7"' }]);
  return Number(match[1]);
}

/** Every write tells where its last event is in the log, and scoped writes the new ETag. */
export function tagWrite(reply: FastifyReply, written: { position: string | null; revision?: number }): void {
  if (written.position !== null) reply.header('x-position', written.position);
  if (written.revision !== undefined) reply.header('etag', `"${written.revision}"`);
}
