import { expect } from 'vitest';
import type { Decider } from '../../src/commands/command';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any constructor of an Error
type ErrorClass = abstract new (...args: any[]) => Error;

export type DeciderSpec<State, Command, Event> = Readonly<{
  /** The state the given events fold to, for asserting what `evolve` does. */
  state: State;
  /**
   * The command, or how to make it from the state the history folds to: a save carries a plan
   * made on that very state, as its handler makes it.
   */
  when: (command: Command | ((state: State) => Command)) => Readonly<{
    /** Asserts that `decide` returns exactly these events, in this order. */
    then: (expected: readonly Event[]) => void;
    /** Asserts that `decide` records nothing. */
    thenNothing: () => void;
    /**
     * Asserts that `decide` throws an instance of `errorClass`, and, when given, that the error
     * has these properties (e.g. `{ code: 'last_admin' }`).
     */
    thenThrows: (errorClass: ErrorClass, properties?: Readonly<Record<string, unknown>>) => void;
  }>;
}>;

/**
 * Given/when/then for deciders, pure: folds the history with `evolve` from `initialState`, runs
 * `decide` on the result, and compares what it returns or throws. No I/O, no clock.
 */
export function given<State, Command, Event>(
  decider: Decider<State, Command, Event>,
  history: readonly Event[] = [],
): DeciderSpec<State, Command, Event> {
  const state = decider.fold(decider.initialState, history);
  return {
    state,
    when: (command) => {
      const decide = () => decider.decide(typeof command === 'function' ? (command as (state: State) => Command)(state) : command, state);
      return {
        then: (expected) => expect(decide()).toEqual(expected),
        thenNothing: () => expect(decide()).toEqual([]),
        thenThrows: (errorClass, properties) => {
          let thrown: unknown = undefined;
          let events: unknown = undefined;
          try {
            events = decide();
          } catch (error) {
            thrown = error;
          }
          expect(thrown, `expected ${errorClass.name}, got events ${JSON.stringify(events)}`).toBeInstanceOf(errorClass);
          if (properties) expect(thrown).toMatchObject(properties);
        },
      };
    },
  };
}
