import { Forbidden, NotFound, RuleViolation } from '../errors';
import type { EventMetadata } from '../events/event';
import type { WorkspaceSecretsEvent } from '../events/secrets.events';
import type { SecretRole, WorkspacePermission } from '../events/values';
import type { SecretState, SecretsState } from './secrets.state';
import { canEditSecret } from './secretRights';
import { requireSecret } from './secretDetails';

/**
 * Sharing a workspace secret (DESIGN §1): its Admins invite workspace members as `admin` or
 * `member`. Workspace admins are Admins of every secret already and hold no explicit role; the
 * last explicit Admin who is still a member stays. The handler passes the workspace's active
 * members, read from the `workspace-` stream.
 */
export type SharingAccess = Readonly<{
  permission: WorkspacePermission | null;
  /** Active workspace members and their permissions. */
  members: ReadonlyMap<string, WorkspacePermission>;
}>;

export type SharingChange =
  | Readonly<{ kind: 'add'; userId: string; role: SecretRole }>
  | Readonly<{ kind: 'change'; userId: string; role: SecretRole }>
  | Readonly<{ kind: 'remove'; userId: string }>;

/** The secret, once the actor is known to be one of its Admins. */
export function requireSecretAdmin(state: SecretsState, key: string, actor: string, permission: WorkspacePermission | null): SecretState {
  if (permission === null) throw new NotFound('Workspace not found', 'workspace_not_found');
  const secret = requireSecret(state, key);
  if (!canEditSecret(permission, secret.members.get(actor))) throw new Forbidden(`Only the admins of ${key} can do this`);
  return secret;
}

/**
 * Explicit roles a secret holds at most. They are folded into every load of its scope, each change
 * copying the secret's roles, and its document, which lists them, is written again, a version
 * kept, at every change: without a bound, both grow without end. Sharing is refused past it; a
 * restore that makes its restorer the secret's Admin (secretLifecycle.ts) may bring one more.
 */
export const MAX_SECRET_MEMBERS = 1000;

/**
 * Explicit roles a workspace's secrets hold at most in all, deleted secrets' included (each keeps
 * its roles for a restore). Bounded one secret at a time only, 10,000 keys ever of 1,000 roles
 * each would be 10 million entries in one state, held and copied by the command side and parsed
 * with every secrets list. Sharing is refused past it; a secret's creator and restorer, made its
 * Admin, may go past it by one a secret (bounded by the keys a scope has).
 */
export const MAX_EXPLICIT_ROLES_PER_SCOPE = 50_000;

function isLastExplicitAdmin(secret: SecretState, userId: string, access: SharingAccess): boolean {
  if (secret.members.get(userId) !== 'admin') return false;
  const activeAdmins = [...secret.members].filter(([id, role]) => role === 'admin' && access.members.has(id));
  return activeAdmins.length === 1 && activeAdmins[0]![0] === userId;
}

export function sharingEvents(
  state: SecretsState,
  key: string,
  change: SharingChange,
  actor: string,
  access: SharingAccess,
  metadata: EventMetadata,
): WorkspaceSecretsEvent[] {
  const secret = requireSecretAdmin(state, key, actor, access.permission);
  const { userId } = change;
  const target = access.members.get(userId);
  if (change.kind === 'add') {
    if (target === undefined) throw new NotFound(`${userId} is not a member of the workspace`, 'member_not_found');
    if (target === 'admin') throw new RuleViolation('workspace_admin', 'Workspace admins are admins of every secret already');
    if (secret.members.has(userId)) throw new RuleViolation('already_shared', `${key} is already shared with ${userId}`);
    if (secret.members.size >= MAX_SECRET_MEMBERS) {
      throw new RuleViolation('too_many_secret_members', `A secret holds at most ${MAX_SECRET_MEMBERS} explicit roles; remove some first (workspace admins need none)`);
    }
    if (state.explicitRoles >= MAX_EXPLICIT_ROLES_PER_SCOPE) {
      throw new RuleViolation(
        'too_many_secret_members',
        `A workspace holds at most ${MAX_EXPLICIT_ROLES_PER_SCOPE} explicit roles over its secrets, deleted ones included (their roles come back with a restore); remove some, or destroy deleted secrets, first`,
      );
    }
    return [{ type: 'SecretMemberAdded', data: { key, userId, role: change.role }, metadata }];
  }
  // A workspace admin is an Admin of every secret whether or not they hold an explicit role.
  if (target === 'admin' && (change.kind === 'remove' || change.role !== 'admin')) {
    throw new RuleViolation('workspace_admin', 'Workspace admins cannot be demoted or removed on a secret');
  }
  const current = secret.members.get(userId);
  if (current === undefined || target === undefined) throw new NotFound(`${userId} holds no role on ${key}`, 'member_not_found');
  if (change.kind === 'change') {
    if (current === change.role) return [];
    if (isLastExplicitAdmin(secret, userId, access)) throw new RuleViolation('last_secret_admin', `The last admin of ${key} cannot be demoted`);
    return [{ type: 'SecretMemberRoleChanged', data: { key, userId, role: change.role }, metadata }];
  }
  if (isLastExplicitAdmin(secret, userId, access)) throw new RuleViolation('last_secret_admin', `The last admin of ${key} cannot be removed`);
  return [{ type: 'SecretMemberRemoved', data: { key, userId }, metadata }];
}
