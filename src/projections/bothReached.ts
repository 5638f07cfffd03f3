import { comparePositions } from '../stores/position';
import type { ViewProgress } from './projector';

/**
 * Progress for an API instance: a position is reached once the shared views have it and this
 * instance's cache invalidation has passed it, so a wait for `minPosition` never ends on a
 * cached document older than the position.
 */
export function bothReached(views: ViewProgress, invalidator: ViewProgress): ViewProgress {
  return {
    position: () => (comparePositions(views.position(), invalidator.position()) <= 0 ? views.position() : invalidator.position()),
    waitFor: async (position, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      return (await views.waitFor(position, timeoutMs)) && invalidator.waitFor(position, Math.max(0, deadline - Date.now()));
    },
  };
}
