import { NotCaughtUp } from '../errors';
import type { WorkspaceEvent } from '../events/workspace.events';
import type { WorkspacePermission } from '../events/values';
import type { ViewProgress } from '../projections/projector';
import { contextFor, type Actor, type Clock } from './actor';
import type { IdFactory } from './ids';
import type { CommandResult, StreamCommands } from './streamCommands';
import { workspaceDecider, type WorkspaceCommand, type WorkspaceState } from './workspace.decider';

export type WorkspaceResult = CommandResult<WorkspaceState, WorkspaceEvent>;

/**
 * Workspace and membership commands: the impure shell around the workspace decider. A member's
 * secret roles are removed by a follower of the log (SecretRolesReactor), not from here.
 */
export class WorkspaceHandlers {
  constructor(
    private readonly streams: StreamCommands<'workspace', WorkspaceState>,
    /** How far the reactions to membership events (secret roles of removed members) have got. */
    private readonly reactions: ViewProgress,
    private readonly clock: Clock,
    private readonly newId: IdFactory,
    /** How long a membership change waits for the reactions to the workspace's earlier events. */
    private readonly reactionWaitMs: number,
  ) {}

  private run(workspaceId: string, actor: Actor, command: (context: ReturnType<typeof contextFor>) => WorkspaceCommand) {
    return this.streams.execute(workspaceId, ({ state }) => workspaceDecider.decide(command(contextFor(actor, this.clock)), state));
  }

  async create(actor: Actor, name: string): Promise<WorkspaceResult & { workspaceId: string }> {
    const workspaceId = this.newId('ws');
    const result = await this.run(workspaceId, actor, (context) => ({
      type: 'CreateWorkspace',
      data: { workspaceId, name, creatorEmail: actor.email },
      context,
    }));
    return { ...result, workspaceId };
  }

  async invite(
    actor: Actor,
    workspaceId: string,
    invitation: { email: string; permission: WorkspacePermission; external: boolean },
  ): Promise<WorkspaceResult & { invitationId: string }> {
    const invitationId = this.newId('inv');
    const result = await this.run(workspaceId, actor, (context) => ({ type: 'InviteMember', data: { invitationId, ...invitation }, context }));
    return { ...result, invitationId };
  }

  revoke(actor: Actor, workspaceId: string, invitationId: string): Promise<WorkspaceResult> {
    return this.run(workspaceId, actor, (context) => ({ type: 'RevokeInvitation', data: { invitationId }, context }));
  }

  /**
   * Joins the workspace, once the roles of an earlier membership are gone: the reactions to
   * everything this workspace's stream holds must have happened, so a member removed a moment
   * ago who re-joins starts without their old secret roles.
   */
  async accept(actor: Actor, workspaceId: string, invitationId: string): Promise<WorkspaceResult> {
    await this.reactionsReach((await this.streams.load(workspaceId)).position);
    return this.run(workspaceId, actor, (context) => ({ type: 'AcceptInvitation', data: { invitationId, email: actor.email ?? '' }, context }));
  }

  changePermission(actor: Actor, workspaceId: string, userId: string, permission: WorkspacePermission): Promise<WorkspaceResult> {
    return this.run(workspaceId, actor, (context) => ({ type: 'ChangeMemberPermission', data: { userId, permission }, context }));
  }

  /** Removes the member, and answers once their secret roles are removed too (by the reactor). */
  async remove(actor: Actor, workspaceId: string, userId: string): Promise<WorkspaceResult> {
    const result = await this.run(workspaceId, actor, (context) => ({ type: 'RemoveMember', data: { userId }, context }));
    await this.reactionsReach(result.position);
    return result;
  }

  private async reactionsReach(position: string | null): Promise<void> {
    if (position !== null && !(await this.reactions.waitFor(position, this.reactionWaitMs))) throw new NotCaughtUp(position);
  }
}
