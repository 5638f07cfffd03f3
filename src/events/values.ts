import { z } from 'zod';

/** The one key rule, used by the API, the import and the resolver (as a regex source). */
export const KEY_SOURCE = '[A-Za-z0-9_]{1,256}';
export const KEY_PATTERN = new RegExp(`^${KEY_SOURCE}$`);
export const MAX_VALUE_BYTES = 64 * 1024;
export const MAX_SECRETS_PER_SCOPE = 1000;
/**
 * Distinct keys a scope may have had over its life. It keeps each (versions go on across deletes:
 * DESIGN §9), folded into every load of its stream and copied by each command that sets one: a
 * scope of 80,000 keys come and gone outgrew the command side's cache, and every save of one key
 * read its whole stream again (15-17 s).
 */
export const MAX_KEYS_EVER_PER_SCOPE = 10_000;
/**
 * Lifetimes of one key not destroyed. Each is listed in the key's deleted-secrets document, which
 * is written again at every deletion and re-creation: a key deleted and set again without end made
 * each of those writes larger. Destroying old lifetimes (or the retention, which destroys them
 * DELETED_RETENTION_DAYS after their deletion) makes room.
 */
export const MAX_KEPT_LIFETIMES_PER_KEY = 1000;
/**
 * Lifetimes not destroyed that a scope keeps over all its keys. Each is held in the scope's state,
 * loaded, copied and cached with it: without this bound, 1,000 a key over 10,000 keys was
 * 10,000,000 of them (~1.5 GB of state at ~160 bytes each), made by ~20,000 batches of sets and
 * deletes.
 */
export const MAX_KEPT_LIFETIMES_PER_SCOPE = 50_000;
export const MAX_DISPLAY_NAME = 128;
export const MAX_DESCRIPTION = 1000;

export const secretKeySchema = z
  .string()
  .regex(KEY_PATTERN, 'must be 1-256 letters, digits or underscores');

export const workspacePermissions = ['admin', 'write', 'read'] as const;
export type WorkspacePermission = (typeof workspacePermissions)[number];
export const workspacePermissionSchema = z.enum(workspacePermissions);

export const secretRoles = ['admin', 'member'] as const;
export type SecretRole = (typeof secretRoles)[number];
export const secretRoleSchema = z.enum(secretRoles);

/** An encrypted value as events and views carry it: never plaintext. */
export const sealedValueSchema = z.object({
  dataKeyId: z.string().min(1),
  nonce: z.string().min(1),
  ciphertext: z.string().min(1),
});
export type SealedValue = z.infer<typeof sealedValueSchema>;

/**
 * Personal data in an event or a view (DESIGN §8, forgettable payloads): an envelope sealed
 * under its subject's data key, or, in events written before such data was sealed, the plain
 * string (legacy: it stays as it was, for events are never changed). Readers open the envelope,
 * take a string as it is, and show `[erased]` once the key is destroyed.
 */
export const forgettableSchema = z.union([sealedValueSchema, z.string()]);
export type Forgettable = z.infer<typeof forgettableSchema>;

export function isSealed(value: Forgettable): value is SealedValue {
  return typeof value !== 'string';
}
