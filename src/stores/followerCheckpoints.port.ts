/**
 * Where each follower of the log (other than the projector, whose checkpoint moves with the
 * views) has got to: the last position whose events it handled. Not a view: a rebuild of the
 * views leaves it alone. A follower's reactions are safe to repeat, so a crash between a reaction
 * and its checkpoint only repeats it.
 */
export interface FollowerCheckpoints {
  /** The follower's position, null before its first event. */
  get(follower: string): Promise<string | null>;
  /** Moves the follower's position forward (never back: several instances may run). */
  save(follower: string, position: string): Promise<void>;
  /**
   * The state saved under a name to start from instead of reading the log from its beginning (the
   * sealer's tree of stream heads, `sealer`; a stream's folded state on the command side,
   * `state:<stream>`), null if none. Any instance may save one, and read it, and must check it
   * against the log before trusting it. It comes as the parts it was kept in, whose concatenation
   * is the state: a large state is never one string (a 10 MB string costs tens of milliseconds to
   * make, and holds the event loop all along), and the store lets the loop turn between parts.
   */
  getState(follower: string): Promise<string[] | null>;
  /**
   * Replaces the saved state, whole, given as pieces whose concatenation is the state (none may
   * end inside a surrogate pair): a reader gets the old one or the new one, whoever saved last.
   */
  saveState(follower: string, pieces: readonly string[]): Promise<void>;
}
