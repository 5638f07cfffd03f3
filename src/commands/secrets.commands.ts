import type { SecretCipher } from '../crypto/secretCipher';
import { NotFound } from '../errors';
import type { PersonalSecretsEvent, WorkspaceSecretsEvent } from '../events/secrets.events';
import type { SecretRole } from '../events/values';
import { contextFor, type Actor, type Clock } from './actor';
import { personalSecretsDecider } from './personalSecrets.decider';
import { planBatch, planWorkspaceBatch } from './secrets.batch';
import type { SecretsState } from './secrets.state';
import type { DetailsChange } from './secretDetails';
import type { SharingAccess, SharingChange } from './secretSharing';
import type { CommandResult, IfMatch, StreamCommands } from './streamCommands';
import { requireMember, type WorkspaceState } from './workspace.decider';
import { workspaceSecretsDecider } from './workspaceSecrets.decider';

/** A batch as the API receives it: plaintext values, which never leave this module unsealed. */
export type BatchInput = Readonly<{ set: Readonly<Record<string, string>>; delete: readonly string[] }>;

/** Sharing as the API asks for it: a new member is named by email. */
export type SharingRequest =
  | Readonly<{ kind: 'add'; email: string; role: SecretRole }>
  | Readonly<{ kind: 'change'; userId: string; role: SecretRole }>
  | Readonly<{ kind: 'remove'; userId: string }>;

export type WorkspaceSecretsResult = CommandResult<SecretsState, WorkspaceSecretsEvent>;
export type PersonalSecretsResult = CommandResult<SecretsState, PersonalSecretsEvent>;
export type SecretsResult = WorkspaceSecretsResult | PersonalSecretsResult;

/**
 * Every command on secrets, workspace and personal: save a batch, change details, share. Each
 * reads the actor's standing from the `workspace-` stream (not from a view), then runs on the
 * secrets stream: a save plans (refusing before anything is sealed), seals what the plan asks
 * for, and decides; on a conflict the whole attempt runs again on the newer state.
 */
export class SecretsCommands {
  constructor(
    private readonly workspaces: StreamCommands<'workspace', WorkspaceState>,
    private readonly workspaceSecrets: StreamCommands<'workspaceSecrets', SecretsState>,
    private readonly personalSecrets: StreamCommands<'personalSecrets', SecretsState>,
    private readonly cipher: SecretCipher,
    private readonly clock: Clock,
  ) {}

  async saveWorkspace(actor: Actor, workspaceId: string, input: BatchInput, ifMatch?: IfMatch): Promise<WorkspaceSecretsResult> {
    const { permission } = await this.membership(actor, workspaceId);
    const keys = { set: Object.keys(input.set), delete: input.delete };
    const sealer = this.cipher.sealer('workspace', workspaceId);
    return this.workspaceSecrets.execute(
      workspaceId,
      async ({ state }) => {
        const plan = planWorkspaceBatch(state, actor.userId, permission, keys);
        const sealed = await sealer.seal(plan.toSeal, input.set);
        return workspaceSecretsDecider.decide({ type: 'SaveWorkspaceSecrets', data: { plan, sealed }, context: contextFor(actor, this.clock) }, state);
      },
      ifMatch,
    );
  }

  savePersonal(actor: Actor, input: BatchInput, ifMatch?: IfMatch): Promise<PersonalSecretsResult> {
    const keys = { set: Object.keys(input.set), delete: input.delete };
    const sealer = this.cipher.sealer('personal', actor.userId);
    return this.personalSecrets.execute(
      actor.userId,
      async ({ state }) => {
        const plan = planBatch(state, keys);
        const sealed = await sealer.seal(plan.toSeal, input.set);
        return personalSecretsDecider.decide({ type: 'SavePersonalSecrets', data: { plan, sealed }, context: contextFor(actor, this.clock) }, state);
      },
      ifMatch,
    );
  }

  async changeWorkspaceDetails(actor: Actor, workspaceId: string, key: string, change: DetailsChange, ifMatch?: IfMatch): Promise<WorkspaceSecretsResult> {
    const { permission } = await this.membership(actor, workspaceId);
    const context = contextFor(actor, this.clock);
    return this.workspaceSecrets.execute(
      workspaceId,
      ({ state }) => workspaceSecretsDecider.decide({ type: 'ChangeSecretDetails', data: { key, change, access: { permission } }, context }, state),
      ifMatch,
    );
  }

  changePersonalDetails(actor: Actor, key: string, change: DetailsChange, ifMatch?: IfMatch): Promise<PersonalSecretsResult> {
    const context = contextFor(actor, this.clock);
    return this.personalSecrets.execute(
      actor.userId,
      ({ state }) => personalSecretsDecider.decide({ type: 'ChangePersonalSecretDetails', data: { key, change }, context }, state),
      ifMatch,
    );
  }

  /** Shares a workspace secret; answers the user the change is about with what it did. */
  async share(actor: Actor, workspaceId: string, key: string, request: SharingRequest, ifMatch?: IfMatch): Promise<WorkspaceSecretsResult & { userId: string }> {
    const workspace = await this.membership(actor, workspaceId);
    const access: SharingAccess = {
      permission: workspace.permission,
      members: new Map([...workspace.members.values()].map((m) => [m.userId, m.permission])),
    };
    const change = toSharingChange(request, workspace);
    const context = contextFor(actor, this.clock);
    const result = await this.workspaceSecrets.execute(
      workspaceId,
      ({ state }) => workspaceSecretsDecider.decide({ type: 'ShareSecret', data: { key, change, access }, context }, state),
      ifMatch,
    );
    return { ...result, userId: change.userId };
  }

  private async membership(actor: Actor, workspaceId: string) {
    return requireMember((await this.workspaces.load(workspaceId)).state, actor.userId);
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

/** The keys a save created (new, or set again after a delete) and the version of each key it set. */
export function saveOutcome(result: SecretsResult, keys: readonly string[]) {
  return {
    created: keys.filter((key) => !result.previousState.secrets.has(key) && result.newState.secrets.has(key)),
    versions: Object.fromEntries(keys.map((key) => [key, result.newState.secrets.get(key)?.version ?? 0])),
  };
}
