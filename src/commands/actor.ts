import type { ClientRequest, CommandContext } from '../events/event';

/**
 * The authenticated caller, as the command side sees it, with the request it came with (its
 * addresses in the clear: RequestStamps seals them before any event holds them).
 */
export type Actor = Readonly<{ userId: string; email: string | null; request?: ClientRequest }>;

export type Clock = () => Date;

export function contextFor(actor: Actor, clock: Clock): CommandContext {
  return { actor: actor.userId, at: clock().toISOString() };
}
