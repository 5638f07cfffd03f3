import { auditProjection } from './audit.projection';
import { deletedSecretsProjection, destroyedKeysProjection } from './deletedSecrets.projection';
import { invitationsProjection, membersProjection, workspacesProjection } from './membership.projections';
import { erase, type AnyProjection } from './projection';
import {
  personalSecretsProjection,
  scopesProjection,
  workspaceSecretsProjection,
} from './secrets.projections';

/** Every projection the projector maintains. */
export const allProjections: readonly AnyProjection[] = [
  erase(workspacesProjection),
  erase(membersProjection),
  erase(invitationsProjection),
  erase(workspaceSecretsProjection),
  erase(personalSecretsProjection),
  erase(scopesProjection),
  erase(auditProjection),
  erase(deletedSecretsProjection),
  erase(destroyedKeysProjection),
];
