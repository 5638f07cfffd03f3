import type { SecretRole, WorkspacePermission } from '../events/values';

/**
 * The rights table of DESIGN §1 for workspace secrets, in one place for commands and queries.
 * `permission` is the user's as an active workspace member (null: not one), `explicitRole`
 * the role the secret's members list gives them. Workspace admins are always Admins.
 */
export function effectiveSecretRole(permission: WorkspacePermission | null, explicitRole: SecretRole | undefined): SecretRole | null {
  if (permission === null) return null;
  if (permission === 'admin') return 'admin';
  return explicitRole ?? null;
}

export function canCreateSecrets(permission: WorkspacePermission | null): boolean {
  return permission === 'admin' || permission === 'write';
}

/** Edit the value or details, delete, share: the secret's Admins. */
export function canEditSecret(permission: WorkspacePermission | null, explicitRole: SecretRole | undefined): boolean {
  return effectiveSecretRole(permission, explicitRole) === 'admin';
}

/** Reveal: the secret's Admins and Members. */
export function canRevealSecret(permission: WorkspacePermission | null, explicitRole: SecretRole | undefined): boolean {
  return effectiveSecretRole(permission, explicitRole) !== null;
}

/** Why someone may do what they may with a secret: the line of DESIGN §1's table that grants it. */
export type AccessReason = 'workspace admin' | 'secret Admin' | 'secret Member' | 'workspace member';

/**
 * What an active workspace member may do with a workspace secret, and why: reveal (Admins and
 * Members), edit (Admins), use it in workflows (every active member). An explicit role counts
 * only while its holder is an active member, which `permission` (non-null) says they are.
 */
export function accessTo(permission: WorkspacePermission, explicitRole: SecretRole | undefined) {
  const role = effectiveSecretRole(permission, explicitRole);
  const because: AccessReason = permission === 'admin' ? 'workspace admin' : role === 'admin' ? 'secret Admin' : role === 'member' ? 'secret Member' : 'workspace member';
  return { role, reveal: canRevealSecret(permission, explicitRole), edit: canEditSecret(permission, explicitRole), use: true, because };
}
