import type { EventEmitter } from 'node:events';
import { isAtOrAfter } from '../stores/position';

/**
 * Resolves true once `current()` reaches `position`, checked now and whenever `emitter` emits
 * one of `events`; false after `timeoutMs`.
 */
export function waitForPosition(
  emitter: EventEmitter,
  events: readonly string[],
  current: () => string | null,
  position: string,
  timeoutMs: number,
): Promise<boolean> {
  if (isAtOrAfter(current(), position)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const check = () => {
      if (isAtOrAfter(current(), position)) done(true);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    const done = (reached: boolean) => {
      clearTimeout(timer);
      for (const event of events) emitter.off(event, check);
      resolve(reached);
    };
    for (const event of events) emitter.on(event, check);
  });
}
