import { z } from 'zod';
import { eventSchema } from './event';
import { forgettableSchema, sealedValueSchema, secretRoleSchema } from './values';

/**
 * Events of the secrets streams. `workspaceSecrets-<workspaceId>` uses all of them;
 * `personalSecrets-<userId>` all but the members' (personal secrets cannot be shared).
 *
 * A key's *lifetime* runs from its creation (or re-creation after a delete) to its deletion; one
 * data key serves one lifetime, its versions numbered on from the lifetime before (DESIGN §9).
 */
export const secretSet = eventSchema('SecretSet', {
  key: z.string(),
  version: z.number().int().positive(),
  value: sealedValueSchema,
  fingerprint: z.string(),
  /** A rollback: the version whose value this one is again (sealed anew for this version). */
  rollbackOf: z.number().int().positive().optional(),
  /**
   * true: the version goes on in the key's live lifetime, under its data key. Absent on a
   * lifetime's first version, and on events recorded before it was (read them by the stream).
   * What lets a view of lifetimes pass over every other save without reading anything.
   */
  continuesLifetime: z.literal(true).optional(),
});
export const secretDeleted = eventSchema('SecretDeleted', {
  key: z.string(),
  /** The version deleted: its lifetime's last. Absent on events recorded before it was. */
  version: z.number().int().positive().optional(),
});
/**
 * A deleted key's last lifetime reopened as it was: its last version's value (the same envelope),
 * its details and its explicit roles, so the event alone makes the secret again.
 */
export const secretRestored = eventSchema('SecretRestored', {
  key: z.string(),
  version: z.number().int().positive(),
  value: sealedValueSchema,
  fingerprint: z.string(),
  displayName: forgettableSchema.nullable(),
  description: forgettableSchema.nullable(),
  members: z.array(z.object({ userId: z.string(), role: secretRoleSchema })),
});
/**
 * Lifetimes of a key made unreadable for good: the event goes in first, then exactly these data
 * keys are deleted from the key store (crypto-shredding). A live lifetime destroyed is deleted too.
 */
export const secretDestroyed = eventSchema('SecretDestroyed', {
  key: z.string(),
  lifetimes: z.array(z.object({ dataKeyId: z.string(), firstVersion: z.number().int().positive(), lastVersion: z.number().int().positive() })).min(1),
  dataKeyIds: z.array(z.string()).min(1),
});
/**
 * Only the fields that changed; null clears one. Both are personal data (DESIGN §8), sealed under
 * the secret's own data key (its lifetime's, as its values are), so destroying the secret erases
 * them too; events written before hold them plain.
 */
export const secretDetailsChanged = eventSchema('SecretDetailsChanged', {
  key: z.string(),
  displayName: forgettableSchema.nullable().optional(),
  description: forgettableSchema.nullable().optional(),
});
export const secretMemberAdded = eventSchema('SecretMemberAdded', {
  key: z.string(),
  userId: z.string(),
  role: secretRoleSchema,
});
export const secretMemberRoleChanged = eventSchema('SecretMemberRoleChanged', {
  key: z.string(),
  userId: z.string(),
  role: secretRoleSchema,
});
export const secretMemberRemoved = eventSchema('SecretMemberRemoved', { key: z.string(), userId: z.string() });

/**
 * A person erased (DESIGN §9, `POST /v1/me/erase`): the keys their personal data (emails,
 * addresses) was sealed under are destroyed after this event, like a secret's after its destroy.
 */
export const personalDataErased = eventSchema('PersonalDataErased', { dataKeyIds: z.array(z.string()).min(1) });

export const personalSecretsEventSchema = z.discriminatedUnion('type', [secretSet, secretDeleted, secretDetailsChanged, secretRestored, secretDestroyed, personalDataErased]);
export const workspaceSecretsEventSchema = z.discriminatedUnion('type', [
  secretSet,
  secretDeleted,
  secretDetailsChanged,
  secretRestored,
  secretDestroyed,
  secretMemberAdded,
  secretMemberRoleChanged,
  secretMemberRemoved,
]);

export type SecretSet = z.infer<typeof secretSet>;
export type SecretDeleted = z.infer<typeof secretDeleted>;
export type SecretRestored = z.infer<typeof secretRestored>;
export type SecretDestroyed = z.infer<typeof secretDestroyed>;
export type PersonalDataErased = z.infer<typeof personalDataErased>;
export type SecretDetailsChanged = z.infer<typeof secretDetailsChanged>;
export type SecretMemberAdded = z.infer<typeof secretMemberAdded>;
export type SecretMemberRoleChanged = z.infer<typeof secretMemberRoleChanged>;
export type SecretMemberRemoved = z.infer<typeof secretMemberRemoved>;
export type PersonalSecretsEvent = z.infer<typeof personalSecretsEventSchema>;
export type WorkspaceSecretsEvent = z.infer<typeof workspaceSecretsEventSchema>;
