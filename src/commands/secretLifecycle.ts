import { Destroyed, Forbidden, NotFound, RuleViolation } from '../errors';
import type { EventMetadata } from '../events/event';
import type { SecretDestroyed, SecretMemberAdded, SecretRestored, SecretSet } from '../events/secrets.events';
import type { SealedValue, WorkspacePermission } from '../events/values';
import { canEditSecret } from './secretRights';
import { lifetimeOf, nextVersion, type Lifetime, type SecretsState } from './secrets.state';

/**
 * A secret's life beyond saving (DESIGN §9): roll back to a version of the current lifetime,
 * restore a deleted key's last lifetime, destroy lifetimes. Pure: the handler brings the sealed
 * value of a rollback, and the actor's standing: their permission, and the active members with
 * when each one's current membership began. It is null for a personal secret, whose owner may do
 * all of it.
 */
export type LifecycleAccess = Readonly<{ permission: WorkspacePermission | null; activeMembers: ReadonlyMap<string, string> }> | null;

function requireWorkspaceMember(access: LifecycleAccess): void {
  if (access && access.permission === null) throw new NotFound('Workspace not found', 'workspace_not_found');
}

function isWorkspaceAdmin(access: LifecycleAccess): boolean {
  return access === null || access.permission === 'admin';
}

/** The live lifetime of a key and the version asked for in it; 404 or 410 otherwise, 409 for another lifetime's. */
export function requireCurrentVersion(state: SecretsState, key: string, version: number): Lifetime {
  const secret = state.secrets.get(key);
  if (!secret) throw new NotFound(`Secret ${key} not found`, 'secret_not_found');
  const lifetime = lifetimeOf(state, key, version);
  if (!lifetime) throw new NotFound(`Secret ${key} has no version ${version}`, 'version_not_found');
  if (lifetime === 'destroyed') throw new Destroyed(`Version ${version} of ${key} was destroyed`);
  if (lifetime.dataKeyId !== secret.dataKeyId) throw new RuleViolation('other_lifetime', `Version ${version} of ${key} belongs to a lifetime before its deletion`);
  return lifetime;
}

/** A new version with the value (and so the fingerprint) of an earlier one of the same lifetime. Edit rights. */
export function rollbackEvents(state: SecretsState, key: string, version: number, actor: string, access: LifecycleAccess, sealed: { value: SealedValue; fingerprint: string }, metadata: EventMetadata): SecretSet[] {
  requireWorkspaceMember(access);
  const secret = state.secrets.get(key);
  if (secret && access && !canEditSecret(access.permission, secret.members.get(actor))) throw new Forbidden(`Only the admins of ${key} can roll it back`);
  requireCurrentVersion(state, key, version);
  // Only a live key's own lifetime is rolled back (requireCurrentVersion): it goes on.
  return [{ type: 'SecretSet', data: { key, version: nextVersion(state, key), value: sealed.value, fingerprint: sealed.fingerprint, rollbackOf: version, continuesLifetime: true }, metadata }];
}

/**
 * Whether a user has been a member since before a moment: a role given before it belongs to their
 * current membership. (Times from two streams' events: a join within the clocks' skew of the
 * deletion may go either way.)
 */
function isMemberSince(access: NonNullable<LifecycleAccess>, userId: string, moment: string): boolean {
  const joinedAt = access.activeMembers.get(userId);
  // As instants: an event's time is any ISO 8601 text, not only what toISOString writes.
  return joinedAt !== undefined && Date.parse(joinedAt) <= Date.parse(moment);
}

/**
 * A deleted key's last lifetime back, as it was: value, details and the roles of those members
 * since before its deletion (roles count only while active, and a member who re-joins starts
 * without them: the roles reactor removes them from deleted secrets too, and this filter keeps a
 * log written before it did from giving them back); the restorer becomes its Admin when no
 * explicit Admin is left. Workspace admins (the owner).
 */
export function restoreEvents(
  state: SecretsState,
  key: string,
  actor: string,
  access: LifecycleAccess,
  /** The envelope of the deleted lifetime's last version, from the secret's history (the views): the event carries it back. */
  lastValue: (version: number) => SealedValue | undefined,
  metadata: EventMetadata,
): Array<SecretRestored | SecretMemberAdded> {
  requireWorkspaceMember(access);
  if (!isWorkspaceAdmin(access)) throw new Forbidden('Only workspace admins can restore a deleted secret');
  if (state.secrets.has(key)) throw new RuleViolation('secret_exists', `${key} exists again: delete it before restoring its earlier lifetime`);
  const deleted = state.deleted.get(key);
  if (!deleted) {
    if (lifetimeOf(state, key, state.lastVersions.get(key) ?? 0) === 'destroyed') throw new Destroyed(`The last lifetime of ${key} was destroyed`);
    throw new NotFound(`No deleted secret ${key}`, 'secret_not_found');
  }
  const value = lastValue(deleted.version);
  if (!value || value.dataKeyId !== deleted.dataKeyId) throw new NotFound(`The last version of ${key} is not in its history yet`, 'version_not_found');
  const members = [...deleted.members].filter(([userId]) => access === null || isMemberSince(access, userId, deleted.deletedAt)).map(([userId, role]) => ({ userId, role }));
  const restored: SecretRestored = {
    type: 'SecretRestored',
    data: { key, version: deleted.version, value, fingerprint: deleted.fingerprint, displayName: deleted.displayName, description: deleted.description, members },
    metadata,
  };
  const needsAdmin = access !== null && !members.some((m) => m.role === 'admin');
  return needsAdmin ? [restored, { type: 'SecretMemberAdded', data: { key, userId: actor, role: 'admin' }, metadata }] : [restored];
}

/**
 * Destroys lifetimes of a key: the live one (its Admins; it is deleted with it), and with `all`
 * every earlier one (workspace admins). A key that is not live: all its lifetimes left, by a
 * workspace admin. The owner of a personal secret may do all of it. 410 when nothing is left.
 */
export function destroyEvents(state: SecretsState, key: string, all: boolean, actor: string, access: LifecycleAccess, metadata: EventMetadata): SecretDestroyed[] {
  requireWorkspaceMember(access);
  if (!state.lastVersions.has(key)) throw new NotFound(`Secret ${key} not found`, 'secret_not_found');
  const standing = state.lifetimes.get(key) ?? [];
  if (standing.length === 0) throw new Destroyed(`Every lifetime of ${key} was destroyed`);
  const secret = state.secrets.get(key);
  const current = secret ? standing.filter((lifetime) => lifetime.dataKeyId === secret.dataKeyId) : [];
  const earlier = standing.filter((lifetime) => !current.includes(lifetime));
  if (secret && access && !canEditSecret(access.permission, secret.members.get(actor))) throw new Forbidden(`Only the admins of ${key} can destroy it`);
  const destroying = secret && !all ? current : standing;
  if (destroying.some((lifetime) => earlier.includes(lifetime)) && !isWorkspaceAdmin(access)) {
    throw new Forbidden(`Only workspace admins can destroy the lifetimes of ${key} before its deletion`);
  }
  return [
    {
      type: 'SecretDestroyed',
      data: {
        key,
        lifetimes: destroying.map(({ dataKeyId, firstVersion, lastVersion }) => ({ dataKeyId, firstVersion, lastVersion })),
        dataKeyIds: destroying.map((lifetime) => lifetime.dataKeyId),
      },
      metadata,
    },
  ];
}

/**
 * The retention sweeper's (actor `system`, no rights to check): destroys those of the named
 * lifetimes that ended in a deletion and still stand. A lifetime restored or live meanwhile, or
 * destroyed already, is left: nothing when none is due, so a sweep repeated changes nothing.
 */
export function expireEvents(state: SecretsState, key: string, dataKeyIds: readonly string[], metadata: EventMetadata): SecretDestroyed[] {
  const live = state.secrets.get(key)?.dataKeyId;
  const due = (state.lifetimes.get(key) ?? []).filter((lifetime) => lifetime.dataKeyId !== live && dataKeyIds.includes(lifetime.dataKeyId));
  if (due.length === 0) return [];
  return [
    {
      type: 'SecretDestroyed',
      data: { key, lifetimes: due.map(({ dataKeyId, firstVersion, lastVersion }) => ({ dataKeyId, firstVersion, lastVersion })), dataKeyIds: due.map((lifetime) => lifetime.dataKeyId) },
      metadata,
    },
  ];
}

/**
 * Every standing lifetime of every key of the scope destroyed, one event per key: a workspace
 * deleted past its retention (as `system`), or a person's own secrets when they are erased.
 */
export function purgeEvents(state: SecretsState, metadata: EventMetadata): SecretDestroyed[] {
  // The map holds only keys with a lifetime still standing.
  return [...state.lifetimes].map(([key, standing]): SecretDestroyed => ({
    type: 'SecretDestroyed',
    data: { key, lifetimes: standing.map(({ dataKeyId, firstVersion, lastVersion }) => ({ dataKeyId, firstVersion, lastVersion })), dataKeyIds: standing.map((l) => l.dataKeyId) },
    metadata,
  }));
}
