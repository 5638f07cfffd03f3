import { auditProjection } from './audit.projection';
import { historyProjection } from './history.projection';
import { invitationsProjection, membersProjection, workspacesProjection } from './membership.projections';
import type { Projection } from './projection';
import {
  personalSecretsProjection,
  scopesProjection,
  workspaceSecretsProjection,
} from './secrets.projections';

/** Every projection the projector maintains. */
export const allProjections: readonly Projection[] = [
  workspacesProjection,
  membersProjection,
  invitationsProjection,
  workspaceSecretsProjection,
  personalSecretsProjection,
  scopesProjection,
  auditProjection,
  historyProjection,
];
