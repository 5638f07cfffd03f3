import type { PersonalData } from '../crypto/personalData';
import { subjects, type Subject } from '../crypto/subjectKeys';
import { NotCaughtUp, NotFound } from '../errors';
import type { WorkspaceEvent } from '../events/workspace.events';
import type { WorkspacePermission } from '../events/values';
import type { ViewProgress } from '../projections/projector';
import { contextFor, type Actor, type Clock } from './actor';
import type { CommandEmail, EmailProbe } from './emails';
import type { IdFactory } from './ids';
import type { RequestStamps } from './requestStamps';
import type { CommandResult, PaidCommands } from './streamCommands';
import { requireAcceptable, requireInvitable, workspaceDecider, type WorkspaceCommand, type WorkspaceState } from './workspace.decider';

export type WorkspaceResult = CommandResult<WorkspaceState, WorkspaceEvent>;

/**
 * Workspace and membership commands: the impure shell around the workspace decider. Emails are
 * sealed here (DESIGN §8), under the subject's key: the user's where the user id is known (the
 * creator, the accepting user), the invitee's email's for an invitation. A member's secret roles
 * are removed by a follower of the log (SecretRolesReactor), not from here.
 */
export class WorkspaceHandlers {
  constructor(
    private readonly streams: PaidCommands<'workspace', WorkspaceState>,
    /** How far the reactions to membership events (secret roles of removed members) have got. */
    private readonly reactions: ViewProgress,
    private readonly personalData: Pick<PersonalData, 'sealEmail' | 'emailIndex'>,
    private readonly stamps: Pick<RequestStamps, 'stamp'>,
    private readonly clock: Clock,
    private readonly newId: IdFactory,
    /** How long a membership change waits for the reactions to the workspace's earlier events. */
    private readonly reactionWaitMs: number,
  ) {}

  private run(workspaceId: string, actor: Actor, command: (context: ReturnType<typeof contextFor>, state: WorkspaceState) => Promise<WorkspaceCommand> | WorkspaceCommand) {
    return this.streams.by(actor).execute(workspaceId, async ({ state }) =>
      this.stamps.stamp(actor, workspaceDecider.decide(await command(contextFor(actor, this.clock), state), state)),
    );
  }

  async create(actor: Actor, name: string): Promise<WorkspaceResult & { workspaceId: string }> {
    const workspaceId = this.newId('ws');
    const creatorEmail = actor.email === null ? null : await this.sealedEmail(subjects.user(actor.userId), workspaceId, actor.email);
    const result = await this.run(workspaceId, actor, (context) => ({
      type: 'CreateWorkspace',
      data: { workspaceId, name, creatorEmail },
      context,
    }));
    return { ...result, workspaceId };
  }

  /**
   * Refuses first (not an admin, already a member, already invited: compared by blind index), and
   * only then seals the email under the invitee's email subject, so a refused invitation makes no key.
   */
  async invite(
    actor: Actor,
    workspaceId: string,
    invitation: { email: string; permission: WorkspacePermission; external: boolean },
  ): Promise<WorkspaceResult & { invitationId: string }> {
    const invitationId = this.newId('inv');
    const { permission, external } = invitation;
    const probe = await this.probe(invitation.email);
    let email: CommandEmail | undefined;
    const result = await this.run(workspaceId, actor, async (context, state) => {
      requireInvitable(state, actor.userId, probe);
      email ??= await this.sealedEmail(subjects.email(probe.lowercased), workspaceId, probe.lowercased);
      return { type: 'InviteMember', data: { invitationId, email, permission, external }, context };
    });
    return { ...result, invitationId };
  }

  revoke(actor: Actor, workspaceId: string, invitationId: string): Promise<WorkspaceResult> {
    return this.run(workspaceId, actor, (context) => ({ type: 'RevokeInvitation', data: { invitationId }, context }));
  }

  /**
   * Joins the workspace, once the roles of an earlier membership are gone: the reactions to
   * everything this workspace's stream holds must have happened, so a member removed a moment
   * ago who re-joins starts without their old secret roles. The email of the token must match the
   * invitation's; the member's email is recorded sealed under their own key.
   */
  async accept(actor: Actor, workspaceId: string, invitationId: string): Promise<WorkspaceResult> {
    if (actor.email === null) throw new NotFound('Invitation not found', 'invitation_not_found');
    await this.reactionsReach((await this.streams.by(actor).load(workspaceId)).position);
    const probe = await this.probe(actor.email);
    let email: CommandEmail | undefined;
    return this.run(workspaceId, actor, async (context, state) => {
      requireAcceptable(state, invitationId, actor.userId, probe);
      email ??= await this.sealedEmail(subjects.user(actor.userId), workspaceId, probe.lowercased);
      return { type: 'AcceptInvitation', data: { invitationId, email }, context };
    });
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

  private async probe(email: string): Promise<EmailProbe> {
    return { index: await this.personalData.emailIndex(email), lowercased: email.toLowerCase() };
  }

  private async sealedEmail(subject: Subject, workspaceId: string, email: string): Promise<CommandEmail> {
    const { sealed, index } = await this.personalData.sealEmail(subject, workspaceId, email);
    return { sealed, index, lowercased: email.toLowerCase() };
  }

  private async reactionsReach(position: string | null): Promise<void> {
    if (position !== null && !(await this.reactions.waitFor(position, this.reactionWaitMs))) throw new NotCaughtUp(position);
  }
}
