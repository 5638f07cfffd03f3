/**
 * The service's own actor (DESIGN §9): what it does by itself, such as destroying what was deleted
 * once DELETED_RETENTION_DAYS are over, is recorded as done by `system`. No token may act as it:
 * a principal id that starts with `system`, in any case, is refused (401), so the audit's
 * `system` (or anything a reader could take for it, `SYSTEM`, `system:retention`) is never a person.
 */
export const SYSTEM_ACTOR = 'system';

const RESERVED_PREFIX = /^system/i;

/** Whether an id is the service's own actor, or could pass for it: no principal may have one. */
export function isReservedActorId(id: string): boolean {
  return RESERVED_PREFIX.test(id);
}
