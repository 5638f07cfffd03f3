import { NotFound } from '../errors';
import type { SecretRole } from '../events/values';
import { contextFor, type Actor, type Clock } from './actor';
import { personalSecretsDecider } from './personalSecrets.decider';
import type { SecretsState } from './secrets.state';
import type { DetailsChange } from './secretDetails';
import type { SharingAccess, SharingChange } from './secretSharing';
import type { IfMatch, StreamCommands, Written } from './streamCommands';
import { requireMember, type WorkspaceState } from './workspace.decider';
import { workspaceSecretsDecider } from './workspaceSecrets.decider';

/** Sharing as the API asks for it: a new member is named by email. */
export type SharingRequest =
  | Readonly<{ kind: 'add'; email: string; role: SecretRole }>
  | Readonly<{ kind: 'change'; userId: string; role: SecretRole }>
  | Readonly<{ kind: 'remove'; userId: string }>;

/** Details (display name, description) of both scopes, and sharing of workspace secrets. */
export class SecretDetailsHandlers {
  constructor(
    private readonly workspaces: StreamCommands<'workspace', WorkspaceState>,
    private readonly workspaceSecrets: StreamCommands<'workspaceSecrets', SecretsState>,
    private readonly personalSecrets: StreamCommands<'personalSecrets', SecretsState>,
    private readonly clock: Clock,
  ) {}

  async changeWorkspaceDetails(actor: Actor, workspaceId: string, key: string, change: DetailsChange, ifMatch?: IfMatch): Promise<Written> {
    const { state: workspace } = await this.workspaces.load(workspaceId);
    const access = { permission: requireMember(workspace, actor.userId).permission };
    return this.workspaceSecrets.execute(
      workspaceId,
      ({ state }) =>
        workspaceSecretsDecider.decide(
          { type: 'ChangeSecretDetails', data: { key, change, access }, context: contextFor(actor, this.clock) },
          state,
        ),
      ifMatch,
    );
  }

  changePersonalDetails(actor: Actor, key: string, change: DetailsChange, ifMatch?: IfMatch): Promise<Written> {
    return this.personalSecrets.execute(
      actor.userId,
      ({ state }) =>
        personalSecretsDecider.decide(
          { type: 'ChangePersonalSecretDetails', data: { key, change }, context: contextFor(actor, this.clock) },
          state,
        ),
      ifMatch,
    );
  }

  async share(actor: Actor, workspaceId: string, key: string, request: SharingRequest, ifMatch?: IfMatch): Promise<Written & { userId: string }> {
    const { state: workspace } = await this.workspaces.load(workspaceId);
    const ws = requireMember(workspace, actor.userId);
    const access: SharingAccess = {
      permission: ws.permission,
      members: new Map([...ws.members.values()].map((m) => [m.userId, m.permission])),
    };
    const change = toSharingChange(request, ws);
    const written = await this.workspaceSecrets.execute(
      workspaceId,
      ({ state }) =>
        workspaceSecretsDecider.decide(
          { type: 'ShareSecret', data: { key, change, access }, context: contextFor(actor, this.clock) },
          state,
        ),
      ifMatch,
    );
    return { ...written, userId: change.userId };
  }
}

/** Only workspace members can be added, found by their email (compared lower-cased). */
function toSharingChange(request: SharingRequest, workspace: Extract<WorkspaceState, { status: 'active' }>): SharingChange {
  if (request.kind !== 'add') return request;
  const email = request.email.toLowerCase();
  const member = [...workspace.members.values()].find((m) => m.email === email);
  if (!member) throw new NotFound(`No member of the workspace has the email ${email}`, 'member_not_found');
  return { kind: 'add', userId: member.userId, role: request.role };
}
