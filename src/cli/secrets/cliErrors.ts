/**
 * Exit codes a script can rely on: 0 done; 1 the service refused or failed the request; 2 the
 * command was wrong (usage, missing token or workspace, an insecure URL); 3 the service could not
 * be reached. `run` exits with its command's own code.
 */
export const EXIT = { ok: 0, refused: 1, usage: 2, unreachable: 3 } as const;

/** A mistake in how the command was called: its message says what to do instead. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
