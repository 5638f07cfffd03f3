import type { PersonalData } from '../crypto/personalData';
import type { SecretCipher } from '../crypto/secretCipher';
import { NotFound } from '../errors';
import type { PersonalSecretsEvent, WorkspaceSecretsEvent } from '../events/secrets.events';
import type { SecretRole } from '../events/values';
import { contextFor, type Actor, type Clock } from './actor';
import type { DetailsInput, DetailsSealer } from './detailsSealer';
import { sameEmail, type EmailProbe } from './emails';
import { personalSecretsDecider } from './personalSecrets.decider';
import type { RequestStamps } from './requestStamps';
import { planBatch, planWorkspaceBatch } from './secrets.batch';
import type { SecretsState } from './secrets.state';
import { requireSecret } from './secretDetails';
import { requireSecretAdmin, type SharingAccess, type SharingChange } from './secretSharing';
import type { CommandResult, IfMatch, PaidCommands } from './streamCommands';
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
    private readonly workspaces: PaidCommands<'workspace', WorkspaceState>,
    private readonly workspaceSecrets: PaidCommands<'workspaceSecrets', SecretsState>,
    private readonly personalSecrets: PaidCommands<'personalSecrets', SecretsState>,
    private readonly cipher: SecretCipher,
    private readonly details: DetailsSealer,
    private readonly personalData: Pick<PersonalData, 'emailIndex'>,
    private readonly stamps: Pick<RequestStamps, 'stamp'>,
    private readonly clock: Clock,
  ) {}

  async saveWorkspace(actor: Actor, workspaceId: string, input: BatchInput, ifMatch?: IfMatch): Promise<WorkspaceSecretsResult> {
    const { permission } = await this.membership(actor, workspaceId);
    const keys = { set: Object.keys(input.set), delete: input.delete };
    const sealer = this.cipher.sealer('workspace', workspaceId);
    return this.workspaceSecrets.by(actor).execute(
      workspaceId,
      async ({ state }) => {
        const plan = planWorkspaceBatch(state, actor.userId, permission, keys);
        const sealed = await sealer.seal(plan.toSeal, input.set);
        return this.stamps.stamp(actor, workspaceSecretsDecider.decide({ type: 'SaveWorkspaceSecrets', data: { plan, sealed }, context: contextFor(actor, this.clock) }, state));
      },
      ifMatch,
    );
  }

  savePersonal(actor: Actor, input: BatchInput, ifMatch?: IfMatch): Promise<PersonalSecretsResult> {
    const keys = { set: Object.keys(input.set), delete: input.delete };
    const sealer = this.cipher.sealer('personal', actor.userId);
    return this.personalSecrets.by(actor).execute(
      actor.userId,
      async ({ state }) => {
        const plan = planBatch(state, keys);
        const sealed = await sealer.seal(plan.toSeal, input.set);
        return this.stamps.stamp(actor, personalSecretsDecider.decide({ type: 'SavePersonalSecrets', data: { plan, sealed }, context: contextFor(actor, this.clock) }, state));
      },
      ifMatch,
    );
  }

  /** Details are sealed under the secret's data key (DESIGN §8), once the actor is known to be its Admin. */
  async changeWorkspaceDetails(actor: Actor, workspaceId: string, key: string, input: DetailsInput, ifMatch?: IfMatch): Promise<WorkspaceSecretsResult> {
    const { permission } = await this.membership(actor, workspaceId);
    const context = contextFor(actor, this.clock);
    return this.workspaceSecrets.by(actor).execute(
      workspaceId,
      async ({ state }) => {
        const secret = requireSecretAdmin(state, key, actor.userId, permission);
        const { change, current } = await this.details.prepare({ scope: 'workspace', ownerId: workspaceId, key }, secret, input);
        return this.stamps.stamp(actor, workspaceSecretsDecider.decide({ type: 'ChangeSecretDetails', data: { key, change, current, access: { permission } }, context }, state));
      },
      ifMatch,
    );
  }

  changePersonalDetails(actor: Actor, key: string, input: DetailsInput, ifMatch?: IfMatch): Promise<PersonalSecretsResult> {
    const context = contextFor(actor, this.clock);
    return this.personalSecrets.by(actor).execute(
      actor.userId,
      async ({ state }) => {
        const secret = requireSecret(state, key);
        const { change, current } = await this.details.prepare({ scope: 'personal', ownerId: actor.userId, key }, secret, input);
        return this.stamps.stamp(actor, personalSecretsDecider.decide({ type: 'ChangePersonalSecretDetails', data: { key, change, current }, context }, state));
      },
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
    const change = request.kind === 'add' ? await this.addingMember(request, workspace) : request;
    const context = contextFor(actor, this.clock);
    const result = await this.workspaceSecrets.by(actor).execute(
      workspaceId,
      async ({ state }) => this.stamps.stamp(actor, workspaceSecretsDecider.decide({ type: 'ShareSecret', data: { key, change, access }, context }, state)),
      ifMatch,
    );
    return { ...result, userId: change.userId };
  }

  /** Only workspace members can be added, found by their email's blind index (see emails.ts). */
  private async addingMember(request: Extract<SharingRequest, { kind: 'add' }>, workspace: Extract<WorkspaceState, { status: 'active' }>): Promise<SharingChange> {
    const email: EmailProbe = { index: await this.personalData.emailIndex(request.email), lowercased: request.email.toLowerCase() };
    const member = [...workspace.members.values()].find((m) => sameEmail(m.email, email));
    if (!member) throw new NotFound('No member of the workspace has that email', 'member_not_found');
    return { kind: 'add', userId: member.userId, role: request.role };
  }

  private async membership(actor: Actor, workspaceId: string) {
    return requireMember((await this.workspaces.by(actor).load(workspaceId)).state, actor.userId);
  }
}

/** The keys a save created (new, or set again after a delete) and the version of each key it set. */
export function saveOutcome(result: SecretsResult, keys: readonly string[]) {
  return {
    created: keys.filter((key) => !result.previousState.secrets.has(key) && result.newState.secrets.has(key)),
    versions: Object.fromEntries(keys.map((key) => [key, result.newState.secrets.get(key)?.version ?? 0])),
  };
}
