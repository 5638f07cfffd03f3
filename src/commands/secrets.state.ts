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

/** The state of one secrets stream (a workspace's or a user's). */
export type SecretsState = Readonly<{
  secrets: ReadonlyMap<string, SecretState>;
  /** The last version of every key ever set, deleted ones included: versions continue. */
  lastVersions: ReadonlyMap<string, number>;
}>;

export const initialSecretsState: SecretsState = { secrets: new Map(), lastVersions: new Map() };

export function nextVersion(state: SecretsState, key: string): number {
  return (state.lastVersions.get(key) ?? 0) + 1;
}

/** Folds one event of either secrets stream; personal streams simply never hold member events. */
export function evolveSecrets(state: SecretsState, event: WorkspaceSecretsEvent | PersonalSecretsEvent): SecretsState {
  const { key } = event.data;
  const secret = state.secrets.get(key);
  switch (event.type) {
    case 'SecretSet': {
      const next: SecretState = {
        version: event.data.version,
        dataKeyId: event.data.value.dataKeyId,
        fingerprint: event.data.fingerprint,
        // Setting a value never erases details; a key set again after deletion starts fresh.
        displayName: secret?.displayName ?? null,
        description: secret?.description ?? null,
        members: secret?.members ?? new Map(),
      };
      return {
        secrets: withEntry(state.secrets, key, next),
        lastVersions: withEntry(state.lastVersions, key, event.data.version),
      };
    }
    case 'SecretDeleted':
      return { ...state, secrets: withoutEntry(state.secrets, key) };
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
