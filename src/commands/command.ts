import type { CommandContext } from '../events/event';

/** A command: a readonly tagged record, imperative name, with who and when passed in. */
export type Command<Type extends string, Data extends object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
  context: CommandContext;
}>;

/**
 * Pure: `decide` turns a command and the current state into events, `fold` folds events into a
 * state, in order, many at a time (a stream loaded whole, a command's events): a state of large
 * maps is then copied once per fold, not once per event.
 */
export type Decider<State, Cmd, Evt> = Readonly<{
  initialState: State;
  fold: (state: State, events: readonly Evt[]) => State;
  /**
   * The name of what `fold` makes, for snapshots of it (stateSnapshots.ts): a change to the fold
   * that changes what a state holds for the same events names a new one, and snapshots of the
   * old are passed over. None: its streams are never snapshotted.
   */
  stateFormat?: string;
  decide: (command: Cmd, state: State) => Evt[];
}>;

/** Makes the switch over command types exhaustive at compile time. */
export function unhandled(command: never): never {
  throw new Error(`Unhandled command ${(command as { type?: string }).type}`);
}
