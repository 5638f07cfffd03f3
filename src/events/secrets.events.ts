import { z } from 'zod';
import { eventSchema } from './event';
import { forgettableSchema, sealedValueSchema, secretRoleSchema } from './values';

/**
 * Events of the secrets streams. `workspaceSecrets-<workspaceId>` uses all of them;
 * `personalSecrets-<userId>` only the first three (personal secrets cannot be shared).
 */
export const secretSet = eventSchema('SecretSet', {
  key: z.string(),
  version: z.number().int().positive(),
  value: sealedValueSchema,
  fingerprint: z.string(),
});
export const secretDeleted = eventSchema('SecretDeleted', { key: z.string() });
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

export const personalSecretsEventSchema = z.discriminatedUnion('type', [secretSet, secretDeleted, secretDetailsChanged]);
export const workspaceSecretsEventSchema = z.discriminatedUnion('type', [
  secretSet,
  secretDeleted,
  secretDetailsChanged,
  secretMemberAdded,
  secretMemberRoleChanged,
  secretMemberRemoved,
]);

export type SecretSet = z.infer<typeof secretSet>;
export type SecretDeleted = z.infer<typeof secretDeleted>;
export type SecretDetailsChanged = z.infer<typeof secretDetailsChanged>;
export type SecretMemberAdded = z.infer<typeof secretMemberAdded>;
export type SecretMemberRoleChanged = z.infer<typeof secretMemberRoleChanged>;
export type SecretMemberRemoved = z.infer<typeof secretMemberRemoved>;
export type PersonalSecretsEvent = z.infer<typeof personalSecretsEventSchema>;
export type WorkspaceSecretsEvent = z.infer<typeof workspaceSecretsEventSchema>;
