import { metadataOf } from '../events/event';
import type { SecretMemberAdded, SecretMemberRemoved, WorkspaceSecretsEvent } from '../events/secrets.events';
import type { SealedValue, WorkspacePermission } from '../events/values';
import { destroyEvents, expireEvents, purgeEvents, restoreEvents, rollbackEvents, type LifecycleAccess } from './secretLifecycle';
import { unhandled, type Command, type Decider } from './command';
import { foldSecrets, initialSecretsState, SECRETS_STATE_FORMAT, type SecretsState } from './secrets.state';
import { batchEvents, type BatchPlan, type SealedVersion } from './secrets.batch';
import { detailsEvents, type CurrentDetails, type DetailsChange } from './secretDetails';
import { requireSecretAdmin, sharingEvents, type SharingAccess, type SharingChange } from './secretSharing';

/** The actor's standing, read by the handler from the `workspace-` stream (not from a view). */
export type WorkspaceAccess = Readonly<{ permission: WorkspacePermission | null }>;

/** A batch planned (with the actor's rights checked) on the state it is decided on, and its values sealed. */
export type SaveWorkspaceSecrets = Command<'SaveWorkspaceSecrets', { plan: BatchPlan; sealed: ReadonlyMap<string, SealedVersion> }>;
export type ChangeSecretDetails = Command<'ChangeSecretDetails', { key: string; change: DetailsChange; current: CurrentDetails; access: WorkspaceAccess }>;
export type ShareSecret = Command<'ShareSecret', { key: string; change: SharingChange; access: SharingAccess }>;
/** Follows a member's removal from the workspace: their secret roles go too. No rights check. */
export type RemoveSecretRoles = Command<'RemoveSecretRoles', { userId: string }>;
/** `sealed`: the version's value sealed anew as the next version, by the handler. */
export type RollbackSecret = Command<'RollbackSecret', { key: string; version: number; sealed: { value: SealedValue; fingerprint: string }; access: WorkspaceLifecycleAccess }>;
export type RestoreSecret = Command<'RestoreSecret', { key: string; lastValue: (version: number) => SealedValue | undefined; access: WorkspaceLifecycleAccess }>;
export type DestroySecret = Command<'DestroySecret', { key: string; all: boolean; access: WorkspaceLifecycleAccess }>;
/** The retention sweeper's, as `system`: lifetimes deleted long enough ago (DELETED_RETENTION_DAYS). */
export type ExpireLifetimes = Command<'ExpireLifetimes', { key: string; dataKeyIds: readonly string[] }>;
/** The retention sweeper's, as `system`, for a workspace deleted past its retention: every secret destroyed. */
export type DestroyAllSecrets = Command<'DestroyAllSecrets', Record<string, never>>;

/** The actor's permission and the workspace's active members, from the `workspace-` stream. */
export type WorkspaceLifecycleAccess = NonNullable<LifecycleAccess>;

export type WorkspaceSecretsCommand = SaveWorkspaceSecrets | ChangeSecretDetails | ShareSecret | RemoveSecretRoles | RollbackSecret | RestoreSecret | DestroySecret | ExpireLifetimes | DestroyAllSecrets;

function decide(command: WorkspaceSecretsCommand, state: SecretsState): WorkspaceSecretsEvent[] {
  const metadata = metadataOf(command.context);
  const actor = command.context.actor;
  switch (command.type) {
    case 'SaveWorkspaceSecrets': {
      const { plan, sealed } = command.data;
      // The creator of a key becomes its Admin.
      return batchEvents(state, plan, sealed, metadata, (key): SecretMemberAdded[] => [
        { type: 'SecretMemberAdded', data: { key, userId: actor, role: 'admin' }, metadata },
      ]);
    }
    case 'ChangeSecretDetails': {
      const { key, change, current, access } = command.data;
      requireSecretAdmin(state, key, actor, access.permission);
      return detailsEvents(key, change, current, metadata);
    }
    case 'ShareSecret': {
      const { key, change, access } = command.data;
      return sharingEvents(state, key, change, actor, access, metadata);
    }
    case 'RollbackSecret': {
      const { key, version, sealed, access } = command.data;
      return rollbackEvents(state, key, version, actor, access, sealed, metadata);
    }
    case 'RestoreSecret':
      return restoreEvents(state, command.data.key, actor, command.data.access, command.data.lastValue, metadata);
    case 'DestroySecret':
      return destroyEvents(state, command.data.key, command.data.all, actor, command.data.access, metadata);
    case 'ExpireLifetimes':
      return expireEvents(state, command.data.key, command.data.dataKeyIds, metadata);
    case 'DestroyAllSecrets':
      return purgeEvents(state, metadata);
    case 'RemoveSecretRoles': {
      const { userId } = command.data;
      // Deleted secrets too: a restore brings back the roles they keep (DESIGN §1: roles count
      // only while their member is active, and a member who re-joins starts without them).
      return [...state.secrets, ...state.deleted]
        .filter(([, secret]) => secret.members.has(userId))
        .map(([key]): SecretMemberRemoved => ({ type: 'SecretMemberRemoved', data: { key, userId }, metadata }));
    }
    default:
      return unhandled(command);
  }
}

export const workspaceSecretsDecider: Decider<SecretsState, WorkspaceSecretsCommand, WorkspaceSecretsEvent> = {
  initialState: initialSecretsState,
  fold: foldSecrets,
  stateFormat: SECRETS_STATE_FORMAT,
  decide,
};
