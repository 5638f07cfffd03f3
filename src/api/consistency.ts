import type { FastifyRequest } from 'fastify';
import { NotCaughtUp, ValidationFailed } from '../errors';
import type { IfMatch } from '../commands/streamCommands';
import type { ViewProgress } from '../projections/projector';
import { POSITION_PATTERN } from '../stores/position';

/**
 * Waits until the views reached the position a client asked for (`?minPosition=` or
 * `X-Min-Position`), else a 503: read-your-writes across requests and instances.
 */
export async function awaitMinPosition(progress: ViewProgress, waitMs: number, request: FastifyRequest, fromBody?: string): Promise<void> {
  const fromQuery = (request.query as { minPosition?: unknown } | undefined)?.minPosition;
  const fromHeader = request.headers['x-min-position'];
  const position = fromBody ?? fromQuery ?? fromHeader;
  if (position === undefined) return;
  if (typeof position !== 'string' || !POSITION_PATTERN.test(position)) {
    throw new ValidationFailed('Invalid minPosition', [{ field: 'minPosition', message: 'must be a log position (a decimal string)' }]);
  }
  // At debug, a wait shows in the log while it lasts (the restart test watches for it).
  request.log.debug({ minPosition: position, waitMs }, 'waiting for the views to reach a position');
  if (!(await progress.waitFor(position, waitMs))) throw new NotCaughtUp(position);
}

/** One entity tag of an If-Match list: `"7"`, `7` (DESIGN §3 accepts it unquoted), or weak `W/"7"`. */
const ENTITY_TAG = /^(?:(W\/)?"([\x21\x23-\x7e]*)"|([0-9]+))$/;
const REVISION = /^(0|[1-9][0-9]{0,14})$/;

/**
 * The revisions `If-Match` accepts (DESIGN §6): none given or `*` means any (undefined); a list
 * accepts each of its strong tags that names a revision; a weak tag (`W/"7"`) never matches, as
 * RFC 9110 wants for If-Match. Anything that is not a list of entity tags is a 400.
 */
export function ifMatch(request: FastifyRequest): IfMatch | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '*') return undefined;
  const revisions: number[] = [];
  for (const entry of header.split(',')) {
    const tag = ENTITY_TAG.exec(entry.trim());
    if (!tag) throw new ValidationFailed('Invalid If-Match', [{ field: 'If-Match', message: 'must be "*" or a list of entity tags such as "7"' }]);
    const [, weak, quoted, bare] = tag;
    const value = quoted ?? bare!;
    if (!weak && REVISION.test(value)) revisions.push(Number(value));
  }
  return revisions;
}
