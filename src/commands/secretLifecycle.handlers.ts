import type { DataKeys } from '../crypto/dataKeys';
import type { SecretCipher } from '../crypto/secretCipher';
import { NotCaughtUp, NotFound } from '../errors';
import type { PersonalSecretsEvent, WorkspaceSecretsEvent } from '../events/secrets.events';
import type { SealedValue } from '../events/values';
import { owners, type Scope } from '../projections/owners';
import type { ViewProgress } from '../projections/projector';
import type { Views } from '../projections/queries';
import { contextFor, type Actor, type Clock } from './actor';
import { personalSecretsDecider } from './personalSecrets.decider';
import type { RequestStamps } from './requestStamps';
import { requireCurrentVersion } from './secretLifecycle';
import type { SecretsState } from './secrets.state';
import { SERVICE_WORK, type CommandResult, type IfMatch, type PaidCommands } from './streamCommands';
import { requireMember, type WorkspaceState } from './workspace.decider';
import { workspaceSecretsDecider, type WorkspaceLifecycleAccess } from './workspaceSecrets.decider';

/** The reserved actor of what the service does by itself (DESIGN §9: no token's subject may be it). */
export const SYSTEM: Actor = { userId: 'system', email: null };

type Result = CommandResult<SecretsState, WorkspaceSecretsEvent | PersonalSecretsEvent>;

/**
 * Rollback, restore and destroy (DESIGN §9), for workspace and personal secrets. A rollback
 * opens the version's envelope from the secret's history (the views) and seals its value anew as the next
 * version (the associated data binds the version, so an envelope cannot simply be reused); a
 * restore brings back the envelope of the deleted lifetime's last version; a destroy appends its
 * event first and only then deletes exactly the data keys it names.
 */
export class SecretLifecycleHandlers {
  constructor(
    private readonly workspaces: PaidCommands<'workspace', WorkspaceState>,
    private readonly workspaceSecrets: PaidCommands<'workspaceSecrets', SecretsState>,
    private readonly personalSecrets: PaidCommands<'personalSecrets', SecretsState>,
    private readonly views: Pick<Views, 'historyVersion'>,
    private readonly progress: ViewProgress,
    private readonly cipher: SecretCipher,
    private readonly dataKeys: Pick<DataKeys, 'destroy'>,
    private readonly stamps: Pick<RequestStamps, 'stamp'>,
    private readonly clock: Clock,
    private readonly viewWaitMs: number,
  ) {}

  async rollbackWorkspace(actor: Actor, workspaceId: string, key: string, version: number, ifMatch?: IfMatch): Promise<Result> {
    const access = await this.access(actor, workspaceId);
    return this.workspaceSecrets.by(actor).execute(
      workspaceId,
      async ({ state, position }) => {
        const sealed = await this.sealedAgain('workspace', workspaceId, key, version, state, position);
        const command = { type: 'RollbackSecret' as const, data: { key, version, sealed, access }, context: contextFor(actor, this.clock) };
        return this.stamps.stamp(actor, workspaceSecretsDecider.decide(command, state));
      },
      ifMatch,
    );
  }

  rollbackPersonal(actor: Actor, key: string, version: number, ifMatch?: IfMatch): Promise<Result> {
    return this.personalSecrets.by(actor).execute(
      actor.userId,
      async ({ state, position }) => {
        const sealed = await this.sealedAgain('personal', actor.userId, key, version, state, position);
        const command = { type: 'RollbackPersonalSecret' as const, data: { key, version, sealed }, context: contextFor(actor, this.clock) };
        return this.stamps.stamp(actor, personalSecretsDecider.decide(command, state));
      },
      ifMatch,
    );
  }

  async restoreWorkspace(actor: Actor, workspaceId: string, key: string, ifMatch?: IfMatch): Promise<Result> {
    const access = await this.access(actor, workspaceId);
    return this.workspaceSecrets.by(actor).execute(
      workspaceId,
      async ({ state, position }) => {
        const lastValue = await this.deletedEnvelope('workspace', workspaceId, key, state, position);
        const command = { type: 'RestoreSecret' as const, data: { key, lastValue, access }, context: contextFor(actor, this.clock) };
        return this.stamps.stamp(actor, workspaceSecretsDecider.decide(command, state));
      },
      ifMatch,
    );
  }

  restorePersonal(actor: Actor, key: string, ifMatch?: IfMatch): Promise<Result> {
    return this.personalSecrets.by(actor).execute(
      actor.userId,
      async ({ state, position }) => {
        const lastValue = await this.deletedEnvelope('personal', actor.userId, key, state, position);
        const command = { type: 'RestorePersonalSecret' as const, data: { key, lastValue }, context: contextFor(actor, this.clock) };
        return this.stamps.stamp(actor, personalSecretsDecider.decide(command, state));
      },
      ifMatch,
    );
  }

  async destroyWorkspace(actor: Actor, workspaceId: string, key: string, all: boolean, ifMatch?: IfMatch): Promise<Result> {
    const access = await this.access(actor, workspaceId);
    const result = await this.workspaceSecrets.by(actor).execute(
      workspaceId,
      ({ state }) => this.stamps.stamp(actor, workspaceSecretsDecider.decide({ type: 'DestroySecret', data: { key, all, access }, context: contextFor(actor, this.clock) }, state)),
      ifMatch,
    );
    await this.shred(result);
    return result;
  }

  async destroyPersonal(actor: Actor, key: string, all: boolean, ifMatch?: IfMatch): Promise<Result> {
    const result = await this.personalSecrets.by(actor).execute(
      actor.userId,
      ({ state }) => this.stamps.stamp(actor, personalSecretsDecider.decide({ type: 'DestroyPersonalSecret', data: { key, all }, context: contextFor(actor, this.clock) }, state)),
      ifMatch,
    );
    await this.shred(result);
    return result;
  }

  /**
   * The retention sweeper's destroy (DESIGN §9), as the reserved actor `system`: the named
   * lifetimes of a key that ended in a deletion and still stand; nothing for those restored or
   * destroyed meanwhile.
   */
  async expire(scope: Scope, ownerId: string, key: string, dataKeyIds: readonly string[]): Promise<Result> {
    const context = contextFor(SYSTEM, this.clock);
    const result =
      scope === 'workspace'
        ? await this.workspaceSecrets.by(SERVICE_WORK).execute(ownerId, ({ state }) => workspaceSecretsDecider.decide({ type: 'ExpireLifetimes', data: { key, dataKeyIds }, context }, state))
        : await this.personalSecrets.by(SERVICE_WORK).execute(ownerId, ({ state }) => personalSecretsDecider.decide({ type: 'ExpirePersonalLifetimes', data: { key, dataKeyIds }, context }, state));
    await this.shred(result);
    return result;
  }

  /** Every secret of a workspace destroyed, as `system`: the retention sweeper's, for a workspace deleted past its retention. */
  async destroyWorkspaceSecrets(workspaceId: string): Promise<Result> {
    const context = contextFor(SYSTEM, this.clock);
    const result = await this.workspaceSecrets.by(SERVICE_WORK).execute(workspaceId, ({ state }) => workspaceSecretsDecider.decide({ type: 'DestroyAllSecrets', data: {}, context }, state));
    await this.shred(result);
    return result;
  }

  /**
   * A person's own data destroyed (DESIGN §9, erasure): every personal secret, then the subject
   * keys their emails and addresses were sealed under — each named by an event first, then deleted.
   */
  async erasePersonal(actor: Actor, subjectKeyIds: readonly string[]): Promise<{ secrets: number; position: string | null }> {
    const context = contextFor(actor, this.clock);
    // An erasure is a right no load budget may refuse (its pages are paid on the settings budget).
    const destroyed = await this.personalSecrets.by(SERVICE_WORK).execute(actor.userId, ({ state }) => personalSecretsDecider.decide({ type: 'DestroyAllPersonalSecrets', data: {}, context }, state));
    await this.shred(destroyed);
    const erased = await this.personalSecrets.by(SERVICE_WORK).execute(actor.userId, ({ state }) =>
      personalSecretsDecider.decide({ type: 'ErasePersonalData', data: { dataKeyIds: subjectKeyIds }, context }, state),
    );
    await this.shred(erased);
    return { secrets: destroyed.newEvents.length, position: erased.position };
  }

  /**
   * The data keys a recorded destroy names, deleted now. Should this process stop before, the
   * key shredder deletes them at its next start or as it follows the log (keyShredder.ts).
   */
  private async shred(result: Result): Promise<void> {
    for (const event of result.newEvents) {
      if (event.type !== 'SecretDestroyed' && event.type !== 'PersonalDataErased') continue;
      for (const id of event.data.dataKeyIds) await this.dataKeys.destroy(id);
    }
  }

  /** The version's value, opened from the secret's history (the views) and sealed again as the next version of its lifetime. */
  private async sealedAgain(scope: Scope, ownerId: string, key: string, version: number, state: SecretsState, position: string | null) {
    const lifetime = requireCurrentVersion(state, key, version);
    const value = await this.envelopeOf(scope, ownerId, key, version, position);
    const dataKey = await this.cipher.dataKeys.get(lifetime.dataKeyId);
    const plaintext = await this.cipher.open({ scope, ownerId, key, version }, value);
    const next = (state.lastVersions.get(key) ?? 0) + 1;
    return { value: this.cipher.seal(dataKey, { scope, ownerId, key, version: next }, plaintext), fingerprint: this.cipher.fingerprint(dataKey, plaintext) };
  }

  /** Looks up the envelope of the deleted lifetime's last version, for the decider to check and carry back. */
  private async deletedEnvelope(scope: Scope, ownerId: string, key: string, state: SecretsState, position: string | null) {
    const deleted = state.deleted.get(key);
    const value = deleted ? await this.envelopeOf(scope, ownerId, key, deleted.version, position) : undefined;
    return (version: number) => (deleted && version === deleted.version ? value : undefined);
  }

  private async envelopeOf(scope: Scope, ownerId: string, key: string, version: number, position: string | null): Promise<SealedValue> {
    if (position !== null && !(await this.progress.waitFor(position, this.viewWaitMs))) throw new NotCaughtUp(position);
    const found = await this.views.historyVersion(owners.of(scope, ownerId), key, version);
    if (!found) throw new NotFound(`Secret ${key} has no version ${version}`, 'version_not_found');
    return found.value;
  }

  private async access(actor: Actor, workspaceId: string): Promise<WorkspaceLifecycleAccess> {
    const workspace = requireMember((await this.workspaces.by(actor).load(workspaceId)).state, actor.userId);
    return { permission: workspace.permission, activeMembers: new Map([...workspace.members.values()].map((member) => [member.userId, member.joinedAt])) };
  }
}
