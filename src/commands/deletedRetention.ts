/**
 * DELETED_RETENTION_DAYS (DESIGN §9): how long something deleted can still be brought back, counted
 * from its deletion; 0 keeps it for ever. One rule for undeleting a workspace and for the follower
 * that destroys what was deleted once the retention is over: both ask these functions.
 */

const DAY_MS = 86_400_000;

/** When the retention of something deleted at `deletedAt` ends; null when it never does (0 days). */
export function retentionEndsAt(deletedAt: string, retentionDays: number): string | null {
  if (retentionDays === 0) return null;
  return new Date(Date.parse(deletedAt) + retentionDays * DAY_MS).toISOString();
}

/** Whether the retention is over at `now`: from the very instant it ends, nothing comes back. */
export function retentionIsOver(deletedAt: string, retentionDays: number, now: string): boolean {
  const ends = retentionEndsAt(deletedAt, retentionDays);
  return ends !== null && Date.parse(now) >= Date.parse(ends);
}

/**
 * The latest deletion time whose retention is over at `now` (anything deleted at or before it is
 * past its retention): what the destroying follower asks the views for
 * (`Views.workspacesDeletedBefore`). Null when the retention is 0: nothing is ever past it.
 */
export function retentionCutoff(now: string, retentionDays: number): string | null {
  if (retentionDays === 0) return null;
  return new Date(Date.parse(now) - retentionDays * DAY_MS).toISOString();
}
