import type { SecretsState } from './secrets.state';
import type { StreamCommands } from './streamCommands';
import type { WorkspaceState } from './workspace.decider';

/**
 * What a scope ever held, counted from its stream's folded state (the command side keeps it):
 * what a read as of a moment goes through, since time travel looks up everything a scope ever
 * had, gone or not, so such a read can be charged before the views are read
 * (src/api/readCharges.ts). A scope that never existed held nothing.
 */
export class EverHeld {
  constructor(
    private readonly workspaceStreams: Pick<StreamCommands<'workspace', WorkspaceState>, 'load'>,
    private readonly workspaceSecretStreams: Pick<StreamCommands<'workspaceSecrets', SecretsState>, 'load'>,
    private readonly personalSecretStreams: Pick<StreamCommands<'personalSecrets', SecretsState>, 'load'>,
  ) {}

  /** Invitations the workspace ever made, revoked and accepted ones included (each member but its creator joined through one). */
  async invitations(workspaceId: string): Promise<number> {
    const { state } = await this.workspaceStreams.load(workspaceId);
    return state.status === 'none' ? 0 : state.invitationsEver;
  }

  /** Keys the workspace's secrets ever had. */
  async workspaceKeys(workspaceId: string): Promise<number> {
    return (await this.workspaceSecretStreams.load(workspaceId)).state.lastVersions.size;
  }

  /** Keys the user's personal secrets ever had. */
  async personalKeys(userId: string): Promise<number> {
    return (await this.personalSecretStreams.load(userId)).state.lastVersions.size;
  }
}
