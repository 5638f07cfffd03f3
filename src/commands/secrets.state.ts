import type { Forgettable, SecretRole } from '../events/values';
import type { PersonalSecretsEvent, WorkspaceSecretsEvent } from '../events/secrets.events';
import { MapDrafts } from './maps';

/** What the command side knows of one live secret. */
export type SecretState = Readonly<{
  version: number;
  dataKeyId: string;
  fingerprint: string;
  /** Sealed under `dataKeyId` (or plain, from events written before details were sealed). */
  displayName: Forgettable | null;
  description: Forgettable | null;
  /** Explicit roles (workspace secrets only); workspace admins are admins without one. */
  members: ReadonlyMap<string, SecretRole>;
}>;

/** One lifetime of a key (DESIGN §9): its data key and the versions it holds. */
export type Lifetime = Readonly<{ dataKeyId: string; firstVersion: number; lastVersion: number }>;

/** A key's last lifetime as it was when deleted: what a restore brings back. */
export type DeletedSecret = SecretState & Readonly<{ deletedAt: string; deletedBy: string }>;

/** The state of one secrets stream (a workspace's or a user's). */
export type SecretsState = Readonly<{
  secrets: ReadonlyMap<string, SecretState>;
  /** The last version of every key ever set, deleted ones included: versions continue. */
  lastVersions: ReadonlyMap<string, number>;
  /**
   * The lifetimes of each key that are not destroyed, oldest first (MAX_KEPT_LIFETIMES_PER_KEY at
   * most, but in a scope that held more before the bound); a key with none is not in the map. A
   * destroyed lifetime is dropped: versions are numbered on without gaps, so a version up to the
   * key's last that none of these holds was destroyed (`lifetimeOf`). Kept, they grew without end
   * with a key set, deleted and destroyed over and over, and each destruction went over all of
   * them: 40,000 such lifetimes took 20.9 s to load, now 0.25 s.
   */
  lifetimes: ReadonlyMap<string, readonly Lifetime[]>;
  /**
   * How many lifetimes `lifetimes` holds in all, counted as they come and go
   * (MAX_KEPT_LIFETIMES_PER_SCOPE at most, but in a scope that held more before the bound).
   */
  keptLifetimes: number;
  /**
   * How many explicit roles the secrets hold in all, live and deleted ones (a deleted secret keeps
   * its roles for a restore), counted as they come and go (MAX_EXPLICIT_ROLES_PER_SCOPE at most,
   * but for creators' and restorers' roles and in a scope that held more before the bound).
   */
  explicitRoles: number;
  /** Keys that are not live now, by their last lifetime, while it can be restored (not destroyed). */
  deleted: ReadonlyMap<string, DeletedSecret>;
}>;

/**
 * What `foldSecrets` makes, for snapshots: name a new one whenever the fold keeps something else
 * for the same events (test/commands/stateFormats.unit.spec.ts fails on any change to the files
 * the fold lives in until its record is brought up to date).
 */
export const SECRETS_STATE_FORMAT = 'secrets/1';

export const initialSecretsState: SecretsState = {
  secrets: new Map(),
  lastVersions: new Map(),
  lifetimes: new Map(),
  keptLifetimes: 0,
  explicitRoles: 0,
  deleted: new Map(),
};

export function nextVersion(state: SecretsState, key: string): number {
  return (state.lastVersions.get(key) ?? 0) + 1;
}

/** The lifetime a version belongs to, `destroyed` when it was destroyed; undefined when the key never had that version. */
export function lifetimeOf(state: SecretsState, key: string, version: number): Lifetime | 'destroyed' | undefined {
  const standing = state.lifetimes.get(key)?.find((lifetime) => lifetime.firstVersion <= version && version <= lifetime.lastVersion);
  if (standing) return standing;
  return version >= 1 && version <= (state.lastVersions.get(key) ?? 0) ? 'destroyed' : undefined;
}

/**
 * Folds events of either secrets stream into a state (personal streams simply never hold member
 * events). Each map, and each key's list of lifetimes, is copied once per fold, not once per
 * event: loading a long stream, or a batch of 1,000 keys, copies the scope's maps a handful of
 * times instead of once per event, and a key set and deleted 20,000 times copied its lifetimes
 * at each of its 40,000 events (8.6 s to load, pages of 1,000 events holding the loop 0.77 s).
 */
export function foldSecrets(state: SecretsState, events: readonly (WorkspaceSecretsEvent | PersonalSecretsEvent)[]): SecretsState {
  if (events.length === 0) return state;
  const fold: Fold = { drafts: new MapDrafts(state), lifetimesCopied: new Set(), ownMembers: new WeakSet() };
  for (const event of events) apply(fold, event);
  return fold.drafts.state;
}

/** `ownMembers`: the secrets' roles maps this fold made, which it may change in place. */
type Fold = Readonly<{ drafts: MapDrafts<SecretsState>; lifetimesCopied: Set<string>; ownMembers: WeakSet<ReadonlyMap<string, SecretRole>> }>;

/** A live secret with its roles as a map this fold may change: copied on their first change in the fold. */
function withMembersToChange(fold: Fold, key: string, secret: SecretState): Map<string, SecretRole> {
  const members = ownMembersOf(fold, secret);
  if (members !== secret.members) fold.drafts.mutable('secrets').set(key, { ...secret, members });
  return members;
}

/** The same for a deleted secret, whose roles a restore would bring back. */
function withDeletedMembersToChange(fold: Fold, key: string, deleted: DeletedSecret): Map<string, SecretRole> {
  const members = ownMembersOf(fold, deleted);
  if (members !== deleted.members) fold.drafts.mutable('deleted').set(key, { ...deleted, members });
  return members;
}

function ownMembersOf(fold: Fold, secret: SecretState): Map<string, SecretRole> {
  // A map in `ownMembers` was made by this fold: the one place readonly roles are changed.
  if (fold.ownMembers.has(secret.members)) return secret.members as Map<string, SecretRole>;
  const members = new Map(secret.members);
  fold.ownMembers.add(members);
  return members;
}

/** A key's lifetimes as a list this fold may change: copied into the lifetimes map on its first change in the fold. */
function lifetimesToChange(fold: Fold, key: string): Lifetime[] {
  const lifetimes = fold.drafts.mutable('lifetimes');
  if (!fold.lifetimesCopied.has(key)) {
    lifetimes.set(key, [...(lifetimes.get(key) ?? [])]);
    fold.lifetimesCopied.add(key);
  }
  // The copy made above is this fold's own: the one place a readonly list is changed.
  return lifetimes.get(key) as Lifetime[];
}

/** The explicit roles a secret holds, none for one not there. */
const rolesOf = (secret: SecretState | undefined) => secret?.members.size ?? 0;

/** Counts roles that came (a positive change) or went (a negative one). */
function countRoles(fold: Fold, change: number): void {
  if (change !== 0) fold.drafts.assign('explicitRoles', fold.drafts.state.explicitRoles + change);
}

function apply(fold: Fold, event: WorkspaceSecretsEvent | PersonalSecretsEvent): void {
  // A person's erasure destroys their subject keys, none of a secret's.
  if (event.type === 'PersonalDataErased') return;
  const { drafts } = fold;
  const state = drafts.state;
  const { key } = event.data;
  const secret = state.secrets.get(key);
  switch (event.type) {
    case 'SecretSet': {
      const { version, value, fingerprint } = event.data;
      const next: SecretState = {
        version,
        dataKeyId: value.dataKeyId,
        fingerprint,
        // Setting a value never erases details; a key set again after deletion starts fresh.
        displayName: secret?.displayName ?? null,
        description: secret?.description ?? null,
        members: secret?.members ?? new Map(),
      };
      // A live key's value goes on in its lifetime; a key that is not live starts a new one.
      if (!secret) {
        lifetimesToChange(fold, key).push({ dataKeyId: value.dataKeyId, firstVersion: version, lastVersion: version });
        drafts.assign('keptLifetimes', drafts.state.keptLifetimes + 1);
      } else if ((state.lifetimes.get(key)?.length ?? 0) > 0) {
        const lifetimes = lifetimesToChange(fold, key);
        lifetimes[lifetimes.length - 1] = { ...lifetimes[lifetimes.length - 1]!, lastVersion: version };
      }
      drafts.mutable('secrets').set(key, next);
      drafts.mutable('lastVersions').set(key, version);
      // Set again, the key's earlier lifetime can no longer be restored, nor its roles come back.
      if (state.deleted.has(key)) {
        countRoles(fold, -rolesOf(state.deleted.get(key)));
        drafts.mutable('deleted').delete(key);
      }
      return;
    }
    case 'SecretDeleted':
      if (!secret) return;
      // Its roles go with it into the deleted map (a live key has no entry there: every way to become live removes it).
      drafts.mutable('secrets').delete(key);
      drafts.mutable('deleted').set(key, { ...secret, deletedAt: event.metadata.at, deletedBy: event.metadata.actor });
      return;
    case 'SecretRestored': {
      const { version, value, fingerprint, displayName, description, members } = event.data;
      const restored: SecretState = {
        version,
        dataKeyId: value.dataKeyId,
        fingerprint,
        displayName,
        description,
        members: new Map(members.map((m) => [m.userId, m.role])),
      };
      countRoles(fold, rolesOf(restored) - rolesOf(secret) - rolesOf(state.deleted.get(key)));
      drafts.mutable('secrets').set(key, restored);
      if (state.deleted.has(key)) drafts.mutable('deleted').delete(key);
      return;
    }
    case 'SecretDestroyed': {
      const destroyedKeys = new Set(event.data.dataKeyIds);
      const kept = state.lifetimes.get(key) ?? [];
      const standing = kept.filter((lifetime) => !destroyedKeys.has(lifetime.dataKeyId));
      drafts.assign('keptLifetimes', drafts.state.keptLifetimes - (kept.length - standing.length));
      // `standing` is a list of this fold's own: it replaces the key's, or the key goes when it is empty.
      const lifetimes = drafts.mutable('lifetimes');
      if (standing.length === 0) {
        lifetimes.delete(key);
        fold.lifetimesCopied.delete(key);
      } else {
        lifetimes.set(key, standing);
        fold.lifetimesCopied.add(key);
      }
      if (secret && destroyedKeys.has(secret.dataKeyId)) {
        countRoles(fold, -rolesOf(secret));
        drafts.mutable('secrets').delete(key);
      }
      const restorable = state.deleted.get(key);
      if (restorable && destroyedKeys.has(restorable.dataKeyId)) {
        countRoles(fold, -rolesOf(restorable));
        drafts.mutable('deleted').delete(key);
      }
      return;
    }
    case 'SecretDetailsChanged': {
      if (!secret) return;
      const { displayName, description } = event.data;
      drafts.mutable('secrets').set(key, {
        ...secret,
        displayName: displayName === undefined ? secret.displayName : displayName,
        description: description === undefined ? secret.description : description,
      });
      return;
    }
    case 'SecretMemberAdded':
    case 'SecretMemberRoleChanged':
      if (!secret) return;
      if (!secret.members.has(event.data.userId)) countRoles(fold, 1);
      withMembersToChange(fold, key, secret).set(event.data.userId, event.data.role);
      return;
    case 'SecretMemberRemoved': {
      const { userId } = event.data;
      if (secret) {
        if (!secret.members.has(userId)) return;
        countRoles(fold, -1);
        withMembersToChange(fold, key, secret).delete(userId);
        return;
      }
      // A deleted secret's role goes when its member's membership ends (the roles reactor), so a
      // restore never brings it back, even after they re-join (DESIGN §1).
      const deleted = state.deleted.get(key);
      if (!deleted?.members.has(userId)) return;
      countRoles(fold, -1);
      withDeletedMembersToChange(fold, key, deleted).delete(userId);
      return;
    }
  }
}
