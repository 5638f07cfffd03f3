/**
 * Counts turns of the event loop (one `setImmediate` after another) until stopped: synchronous
 * work that never yields lets none happen, so a count that grows shows it let others in.
 */
export function countTurns(): { readonly turns: number; stop(): void } {
  let turns = 0;
  let counting = true;
  const turn = () => {
    turns += 1;
    if (counting) setImmediate(turn);
  };
  setImmediate(turn);
  return {
    get turns() {
      return turns;
    },
    stop: () => {
      counting = false;
    },
  };
}
