import type { CommandContext } from '../events/event';

/** The authenticated caller, as the command side sees it. */
export type Actor = Readonly<{ userId: string; email: string | null }>;

export type Clock = () => Date;

export function contextFor(actor: Actor, clock: Clock): CommandContext {
  return { actor: actor.userId, at: clock().toISOString() };
}
