import type { WorkspacePermission } from '../events/values';
import { contextFor, type Actor, type Clock } from './actor';
import type { IdFactory } from './ids';
import type { StreamCommands, Written } from './streamCommands';
import { workspaceDecider, type WorkspaceCommand, type WorkspaceState } from './workspace.decider';

/** What a membership change needs from the secrets side: dropping a user's secret roles. */
export type SecretRolesCleanup = (workspaceId: string, userId: string, actor: Actor) => Promise<Written>;

/** Workspace and membership commands: the impure shell around the workspace decider. */
export class WorkspaceHandlers {
  constructor(
    private readonly streams: StreamCommands<'workspace', WorkspaceState>,
    private readonly removeSecretRoles: SecretRolesCleanup,
    private readonly clock: Clock,
    private readonly newId: IdFactory,
  ) {}

  private run(workspaceId: string, actor: Actor, command: (context: ReturnType<typeof contextFor>) => WorkspaceCommand) {
    return this.streams.execute(workspaceId, ({ state }) => workspaceDecider.decide(command(contextFor(actor, this.clock)), state));
  }

  async create(actor: Actor, name: string): Promise<Written & { workspaceId: string }> {
    const workspaceId = this.newId('ws');
    const written = await this.run(workspaceId, actor, (context) => ({
      type: 'CreateWorkspace',
      data: { workspaceId, name, creatorEmail: actor.email },
      context,
    }));
    return { ...written, workspaceId };
  }

  async invite(
    actor: Actor,
    workspaceId: string,
    invitation: { email: string; permission: WorkspacePermission; external: boolean },
  ): Promise<Written & { invitationId: string }> {
    const invitationId = this.newId('inv');
    const written = await this.run(workspaceId, actor, (context) => ({
      type: 'InviteMember',
      data: { invitationId, ...invitation },
      context,
    }));
    return { ...written, invitationId };
  }

  revoke(actor: Actor, workspaceId: string, invitationId: string): Promise<Written> {
    return this.run(workspaceId, actor, (context) => ({ type: 'RevokeInvitation', data: { invitationId }, context }));
  }

  /**
   * Joins the workspace. Secret roles left over from an earlier membership (should their
   * removal have been interrupted) are dropped first, so a re-joining member starts without.
   */
  async accept(actor: Actor, workspaceId: string, invitationId: string): Promise<Written> {
    const { state } = await this.streams.load(workspaceId);
    if (state.status === 'active' && state.invitations.has(invitationId) && !state.members.has(actor.userId)) {
      await this.removeSecretRoles(workspaceId, actor.userId, actor);
    }
    return this.run(workspaceId, actor, (context) => ({
      type: 'AcceptInvitation',
      data: { invitationId, email: actor.email ?? '' },
      context,
    }));
  }

  changePermission(actor: Actor, workspaceId: string, userId: string, permission: WorkspacePermission): Promise<Written> {
    return this.run(workspaceId, actor, (context) => ({ type: 'ChangeMemberPermission', data: { userId, permission }, context }));
  }

  /** Removes the member, then their secret roles (DESIGN §1: re-joining starts without them). */
  async remove(actor: Actor, workspaceId: string, userId: string): Promise<Written> {
    const removed = await this.run(workspaceId, actor, (context) => ({ type: 'RemoveMember', data: { userId }, context }));
    const cleaned = await this.removeSecretRoles(workspaceId, userId, actor);
    return cleaned.appended > 0 ? { ...cleaned, revision: removed.revision } : removed;
  }
}
