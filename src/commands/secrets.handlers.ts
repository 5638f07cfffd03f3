import type { DataKey } from '../crypto/dataKeys';
import type { SecretCipher } from '../crypto/secretCipher';
import { contextFor, type Actor, type Clock } from './actor';
import { personalSecretsDecider } from './personalSecrets.decider';
import { nextVersion, type SecretsState } from './secrets.state';
import { planBatch, type PreparedValue } from './secretsBatch';
import type { StreamCommands, Written } from './streamCommands';
import { permissionOf, requireMember, type WorkspaceState } from './workspace.decider';
import { planWorkspaceBatch, workspaceSecretsDecider } from './workspaceSecrets.decider';

/** A batch as the API receives it: plaintext values, which never leave this handler unsealed. */
export type BatchInput = Readonly<{ set: Readonly<Record<string, string>>; delete: readonly string[] }>;

type Scope = 'workspace' | 'personal';

/**
 * Secrets commands: read the actor's standing from the workspace stream, refuse early (before
 * any data key is made), seal the values for the versions they will get, then decide and
 * append. On a conflict the whole attempt runs again on the newer state.
 */
export class SecretsHandlers {
  constructor(
    private readonly workspaces: StreamCommands<'workspace', WorkspaceState>,
    private readonly workspaceSecrets: StreamCommands<'workspaceSecrets', SecretsState>,
    private readonly personalSecrets: StreamCommands<'personalSecrets', SecretsState>,
    private readonly cipher: SecretCipher,
    private readonly clock: Clock,
  ) {}

  async saveWorkspace(actor: Actor, workspaceId: string, input: BatchInput, expectedRevision?: number): Promise<Written> {
    const { state: workspace } = await this.workspaces.load(workspaceId);
    const access = { permission: requireMember(workspace, actor.userId).permission };
    const keys = { set: Object.keys(input.set), delete: input.delete };
    const fresh = new Map<string, DataKey>();
    return this.workspaceSecrets.execute(
      workspaceId,
      async ({ state }) => {
        planWorkspaceBatch(state, actor.userId, access, keys);
        const set = await this.prepare('workspace', workspaceId, state, input.set, fresh);
        return workspaceSecretsDecider.decide(
          { type: 'SaveWorkspaceSecrets', data: { batch: { set, delete: input.delete }, access }, context: contextFor(actor, this.clock) },
          state,
        );
      },
      expectedRevision,
    );
  }

  async savePersonal(actor: Actor, input: BatchInput, expectedRevision?: number): Promise<Written> {
    const keys = { set: Object.keys(input.set), delete: input.delete };
    const fresh = new Map<string, DataKey>();
    return this.personalSecrets.execute(
      actor.userId,
      async ({ state }) => {
        planBatch(state, keys);
        const set = await this.prepare('personal', actor.userId, state, input.set, fresh);
        return personalSecretsDecider.decide(
          { type: 'SavePersonalSecrets', data: { batch: { set, delete: input.delete } }, context: contextFor(actor, this.clock) },
          state,
        );
      },
      expectedRevision,
    );
  }

  /** Drops a user's secret roles in a workspace, if they are no longer a member of it. */
  async removeRolesOf(workspaceId: string, userId: string, actor: Actor): Promise<Written> {
    return this.workspaceSecrets.execute(workspaceId, async ({ state }) => {
      const { state: workspace } = await this.workspaces.load(workspaceId);
      if (permissionOf(workspace, userId) !== null) return [];
      return workspaceSecretsDecider.decide(
        { type: 'RemoveSecretRoles', data: { userId }, context: contextFor(actor, this.clock) },
        state,
      );
    });
  }

  /**
   * Seals each value under its secret's data key, for the version it will get. A key that is
   * new (or was deleted) gets a new data key, written to the key store now; across retries of
   * one command the same new key is reused.
   */
  private async prepare(
    scope: Scope,
    ownerId: string,
    state: SecretsState,
    values: Readonly<Record<string, string>>,
    fresh: Map<string, DataKey>,
  ): Promise<PreparedValue[]> {
    const prepared: PreparedValue[] = [];
    for (const [key, plaintext] of Object.entries(values)) {
      const current = state.secrets.get(key);
      let dataKey = current ? await this.cipher.dataKeys.get(current.dataKeyId) : fresh.get(key);
      if (!dataKey) {
        dataKey = await this.cipher.dataKeys.create();
        fresh.set(key, dataKey);
      }
      const version = nextVersion(state, key);
      prepared.push({
        key,
        version,
        value: this.cipher.seal(dataKey, { scope, ownerId, key, version }, plaintext),
        fingerprint: this.cipher.fingerprint(dataKey, plaintext),
      });
    }
    return prepared;
  }
}
