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
