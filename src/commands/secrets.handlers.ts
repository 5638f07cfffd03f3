import type { DataKey } from '../crypto/dataKeys';
import type { EventOf } from '../events/streams';
import type { SecretCipher } from '../crypto/secretCipher';
import { contextFor, type Actor, type Clock } from './actor';
import { personalSecretsDecider } from './personalSecrets.decider';
import { evolveSecrets, nextVersion, type SecretsState } from './secrets.state';
import { planBatch, type BatchKeys, type BatchPlan, type PreparedValue, type SecretsBatch } from './secretsBatch';
import type { IfMatch, StreamCommands, Written } from './streamCommands';
import { permissionOf, requireMember, type WorkspaceState } from './workspace.decider';
import { planWorkspaceBatch, workspaceSecretsDecider } from './workspaceSecrets.decider';

/** A batch as the API receives it: plaintext values, which never leave this handler unsealed. */
export type BatchInput = Readonly<{ set: Readonly<Record<string, string>>; delete: readonly string[] }>;

export type SaveResult = Written &
  Readonly<{
    /** Keys that did not exist before this save. */
    created: readonly string[];
    /** The version of each key set, after the save (unchanged values keep theirs). */
    versions: Readonly<Record<string, number>>;
  }>;

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

  async saveWorkspace(actor: Actor, workspaceId: string, input: BatchInput, ifMatch?: IfMatch): Promise<SaveResult> {
    const { state: workspace } = await this.workspaces.load(workspaceId);
    const access = { permission: requireMember(workspace, actor.userId).permission };
    return this.save(this.workspaceSecrets, 'workspace', workspaceId, input, ifMatch, {
      plan: (state, keys) => planWorkspaceBatch(state, actor.userId, access, keys),
      decide: (state, batch) =>
        workspaceSecretsDecider.decide(
          { type: 'SaveWorkspaceSecrets', data: { batch, access }, context: contextFor(actor, this.clock) },
          state,
        ),
    });
  }

  async savePersonal(actor: Actor, input: BatchInput, ifMatch?: IfMatch): Promise<SaveResult> {
    return this.save(this.personalSecrets, 'personal', actor.userId, input, ifMatch, {
      plan: planBatch,
      decide: (state, batch) =>
        personalSecretsDecider.decide(
          { type: 'SavePersonalSecrets', data: { batch }, context: contextFor(actor, this.clock) },
          state,
        ),
    });
  }

  /**
   * The shape of every save: plan (refusals happen here, before anything is sealed or a data
   * key is made), seal, decide. Reports which keys were created and the version of each key set.
   */
  private async save<C extends 'workspaceSecrets' | 'personalSecrets'>(
    streams: StreamCommands<C, SecretsState>,
    scope: Scope,
    ownerId: string,
    input: BatchInput,
    ifMatch: IfMatch | undefined,
    steps: {
      plan: (state: SecretsState, keys: BatchKeys) => BatchPlan;
      decide: (state: SecretsState, batch: SecretsBatch) => EventOf<C>[];
    },
  ): Promise<SaveResult> {
    const keys = { set: Object.keys(input.set), delete: input.delete };
    const fresh = new Map<string, DataKey>();
    let outcome = { created: [] as readonly string[], versions: {} as Record<string, number> };
    const written = await streams.execute(
      ownerId,
      async ({ state }) => {
        const plan = steps.plan(state, keys);
        const set = await this.prepare(scope, ownerId, state, input.set, fresh);
        const events = steps.decide(state, { set, delete: input.delete });
        const after = events.reduce((s, e) => evolveSecrets(s, e), state);
        outcome = {
          created: plan.created,
          versions: Object.fromEntries(keys.set.map((key) => [key, after.secrets.get(key)?.version ?? 0])),
        };
        return events;
      },
      ifMatch,
    );
    return { ...written, ...outcome };
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
   * Seals each value under its secret's data key, for the version it will get. Keys that are
   * new (or were deleted) get new data keys, written to the key store now, together; across
   * retries of one command the same new keys are reused.
   */
  private async prepare(
    scope: Scope,
    ownerId: string,
    state: SecretsState,
    values: Readonly<Record<string, string>>,
    fresh: Map<string, DataKey>,
  ): Promise<PreparedValue[]> {
    const needed = Object.keys(values).filter((key) => !state.secrets.has(key) && !fresh.has(key));
    const created = await this.cipher.dataKeys.createMany(needed.length);
    needed.forEach((key, i) => fresh.set(key, created[i]!));
    const prepared: PreparedValue[] = [];
    for (const [key, plaintext] of Object.entries(values)) {
      const current = state.secrets.get(key);
      const dataKey = current ? await this.cipher.dataKeys.get(current.dataKeyId) : fresh.get(key)!;
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
