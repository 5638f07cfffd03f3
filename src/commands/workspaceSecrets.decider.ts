import { Forbidden, namedKeys, NotFound } from '../errors';
import { metadataOf } from '../events/event';
import type { SecretMemberAdded, SecretMemberRemoved, WorkspaceSecretsEvent } from '../events/secrets.events';
import type { WorkspacePermission } from '../events/values';
import { unhandled, type Command, type Decider } from './command';
import { evolveSecrets, initialSecretsState, type SecretsState } from './secrets.state';
import { batchEvents, keysOf, planBatch, type BatchKeys, type BatchPlan, type SecretsBatch } from './secretsBatch';
import { canCreateSecrets, canEditSecret } from './secretRights';
import { detailsEvents, type DetailsChange } from './secretDetails';
import { requireSecretAdmin, sharingEvents, type SharingAccess, type SharingChange } from './secretSharing';

/** The actor's standing, read by the handler from the `workspace-` stream (not from a view). */
export type WorkspaceAccess = Readonly<{ permission: WorkspacePermission | null }>;

export type SaveWorkspaceSecrets = Command<'SaveWorkspaceSecrets', { batch: SecretsBatch; access: WorkspaceAccess }>;
export type ChangeSecretDetails = Command<'ChangeSecretDetails', { key: string; change: DetailsChange; access: WorkspaceAccess }>;
export type ShareSecret = Command<'ShareSecret', { key: string; change: SharingChange; access: SharingAccess }>;
/** Follows a member's removal from the workspace: their secret roles go too. No rights check. */
export type RemoveSecretRoles = Command<'RemoveSecretRoles', { userId: string }>;

export type WorkspaceSecretsCommand = SaveWorkspaceSecrets | ChangeSecretDetails | ShareSecret | RemoveSecretRoles;

/**
 * Plans a batch and checks the actor's rights on every key it touches: creating needs workspace
 * `admin` or `write`; changing or deleting an existing key needs to be its Admin. One key the
 * actor may not touch refuses the whole batch. Pure: the handler calls it before sealing
 * anything, so a refused batch writes nothing, not even a data key.
 */
export function planWorkspaceBatch(state: SecretsState, actor: string, access: WorkspaceAccess, keys: BatchKeys): BatchPlan {
  if (access.permission === null) throw new NotFound('Workspace not found', 'workspace_not_found');
  const plan = planBatch(state, keys);
  if (plan.created.length > 0 && !canCreateSecrets(access.permission)) {
    throw new Forbidden(`Read members cannot create secrets: ${namedKeys(plan.created)}`);
  }
  const notAdmin = [...plan.updated, ...plan.deleted].filter(
    (key) => !canEditSecret(access.permission, state.secrets.get(key)?.members.get(actor)),
  );
  if (notAdmin.length > 0) throw new Forbidden(`Only the secret's admins can change or delete: ${namedKeys(notAdmin)}`);
  return plan;
}

function decide(command: WorkspaceSecretsCommand, state: SecretsState): WorkspaceSecretsEvent[] {
  const metadata = metadataOf(command.context);
  const actor = command.context.actor;
  switch (command.type) {
    case 'SaveWorkspaceSecrets': {
      const { batch, access } = command.data;
      planWorkspaceBatch(state, actor, access, keysOf(batch));
      // The creator of a key becomes its Admin.
      return batchEvents(state, batch, metadata, (key): SecretMemberAdded[] => [
        { type: 'SecretMemberAdded', data: { key, userId: actor, role: 'admin' }, metadata },
      ]);
    }
    case 'ChangeSecretDetails': {
      const { key, change, access } = command.data;
      return detailsEvents(requireSecretAdmin(state, key, actor, access.permission), key, change, metadata);
    }
    case 'ShareSecret': {
      const { key, change, access } = command.data;
      return sharingEvents(state, key, change, actor, access, metadata);
    }
    case 'RemoveSecretRoles': {
      const { userId } = command.data;
      return [...state.secrets]
        .filter(([, secret]) => secret.members.has(userId))
        .map(([key]): SecretMemberRemoved => ({ type: 'SecretMemberRemoved', data: { key, userId }, metadata }));
    }
    default:
      return unhandled(command);
  }
}

export const workspaceSecretsDecider: Decider<SecretsState, WorkspaceSecretsCommand, WorkspaceSecretsEvent> = {
  initialState: initialSecretsState,
  evolve: evolveSecrets,
  decide,
};
