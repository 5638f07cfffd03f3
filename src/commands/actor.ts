import type { CommandContext, RequestContext } from '../events/event';

/** The authenticated caller, as the command side sees it, with the request it came with. */
export type Actor = Readonly<{ userId: string; email: string | null; request?: RequestContext }>;

export type Clock = () => Date;

export function contextFor(actor: Actor, clock: Clock): CommandContext {
  return { actor: actor.userId, at: clock().toISOString(), request: actor.request };
}
