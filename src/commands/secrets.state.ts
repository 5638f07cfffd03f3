import type { Forgettable, SecretRole } from '../events/values';
import type { PersonalSecretsEvent, WorkspaceSecretsEvent } from '../events/secrets.events';
import { withEntry, withoutEntry } from './maps';

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
export type Lifetime = Readonly<{ dataKeyId: string; firstVersion: number; lastVersion: number; destroyed: boolean }>;

/** A key's last lifetime as it was when deleted: what a restore brings back. */
export type DeletedSecret = SecretState & Readonly<{ deletedAt: string; deletedBy: string }>;

/** The state of one secrets stream (a workspace's or a user's). */
export type SecretsState = Readonly<{
  secrets: ReadonlyMap<string, SecretState>;
  /** The last version of every key ever set, deleted ones included: versions continue. */
  lastVersions: ReadonlyMap<string, number>;
  /** Every lifetime of every key ever set, oldest first. */
  lifetimes: ReadonlyMap<string, readonly Lifetime[]>;
  /** Keys that are not live now, by their last lifetime, while it can be restored (not destroyed). */
  deleted: ReadonlyMap<string, DeletedSecret>;
}>;

export const initialSecretsState: SecretsState = { secrets: new Map(), lastVersions: new Map(), lifetimes: new Map(), deleted: new Map() };

export function nextVersion(state: SecretsState, key: string): number {
  return (state.lastVersions.get(key) ?? 0) + 1;
}

/** The lifetime a version belongs to, if the key ever had that version. */
export function lifetimeOf(state: SecretsState, key: string, version: number): Lifetime | undefined {
  return state.lifetimes.get(key)?.find((lifetime) => lifetime.firstVersion <= version && version <= lifetime.lastVersion);
}

/** The key's lifetimes with `change` applied to the last one. */
function withLastLifetime(state: SecretsState, key: string, change: (last: Lifetime) => Lifetime): ReadonlyMap<string, readonly Lifetime[]> {
  const all = state.lifetimes.get(key) ?? [];
  if (all.length === 0) return state.lifetimes;
  return withEntry(state.lifetimes, key, [...all.slice(0, -1), change(all[all.length - 1]!)]);
}

/** Folds one event of either secrets stream; personal streams simply never hold member events. */
export function evolveSecrets(state: SecretsState, event: WorkspaceSecretsEvent | PersonalSecretsEvent): SecretsState {
  // A person's erasure destroys their subject keys, none of a secret's.
  if (event.type === 'PersonalDataErased') return state;
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
      const lifetimes = secret
        ? withLastLifetime(state, key, (last) => ({ ...last, lastVersion: version }))
        : withEntry(state.lifetimes, key, [...(state.lifetimes.get(key) ?? []), { dataKeyId: value.dataKeyId, firstVersion: version, lastVersion: version, destroyed: false }]);
      return {
        secrets: withEntry(state.secrets, key, next),
        lastVersions: withEntry(state.lastVersions, key, version),
        lifetimes,
        // Set again, the key's earlier lifetime can no longer be restored.
        deleted: withoutEntry(state.deleted, key),
      };
    }
    case 'SecretDeleted':
      if (!secret) return state;
      return {
        ...state,
        secrets: withoutEntry(state.secrets, key),
        deleted: withEntry(state.deleted, key, { ...secret, deletedAt: event.metadata.at, deletedBy: event.metadata.actor }),
      };
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
      return { ...state, secrets: withEntry(state.secrets, key, restored), deleted: withoutEntry(state.deleted, key) };
    }
    case 'SecretDestroyed': {
      const destroyedKeys = new Set(event.data.dataKeyIds);
      const lifetimes = (state.lifetimes.get(key) ?? []).map((lifetime) => (destroyedKeys.has(lifetime.dataKeyId) ? { ...lifetime, destroyed: true } : lifetime));
      const live = secret && !destroyedKeys.has(secret.dataKeyId);
      const restorable = state.deleted.get(key);
      return {
        ...state,
        secrets: live ? state.secrets : withoutEntry(state.secrets, key),
        lifetimes: withEntry(state.lifetimes, key, lifetimes),
        deleted: restorable && !destroyedKeys.has(restorable.dataKeyId) ? state.deleted : withoutEntry(state.deleted, key),
      };
    }
    case 'SecretDetailsChanged': {
      if (!secret) return state;
      const { displayName, description } = event.data;
      return {
        ...state,
        secrets: withEntry(state.secrets, key, {
          ...secret,
          displayName: displayName === undefined ? secret.displayName : displayName,
          description: description === undefined ? secret.description : description,
        }),
      };
    }
    case 'SecretMemberAdded':
    case 'SecretMemberRoleChanged':
      if (!secret) return state;
      return {
        ...state,
        secrets: withEntry(state.secrets, key, { ...secret, members: withEntry(secret.members, event.data.userId, event.data.role) }),
      };
    case 'SecretMemberRemoved':
      if (!secret) return state;
      return {
        ...state,
        secrets: withEntry(state.secrets, key, { ...secret, members: withoutEntry(secret.members, event.data.userId) }),
      };
  }
}
