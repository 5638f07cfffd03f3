import { NotCaughtUp, NotFound, RuleViolation } from '../errors';
import type { ViewProgress } from '../projections/projector';
import type { Views } from '../projections/queries';
import { contextFor, type Actor, type Clock } from './actor';
import type { RequestStamps } from './requestStamps';
import { SERVICE_WORK, type PaidCommands, type Payer } from './streamCommands';
import { workspaceDecider, type WorkspaceCommand, type WorkspaceState } from './workspace.decider';
import type { WorkspaceResult } from './workspace.handlers';

export type LifecycleSettings = Readonly<{
  /** DELETED_RETENTION_DAYS: how long a deleted workspace can be undeleted (0: for ever). */
  deletedRetentionDays: number;
  /** How long a leave waits for the reactor to remove the leaver's secret roles. */
  reactionWaitMs: number;
}>;

/**
 * Where a user's memberships are found: the members view (it lists deleted workspaces' members
 * too), once it has applied everything the log holds, so a membership a moment old is not missed.
 */
export type MembershipsSource = Readonly<{
  views: Pick<Views, 'membershipPages'>;
  progress: ViewProgress;
  /** The log's head position now. */
  head: () => Promise<string | null>;
  waitMs: number;
}>;

/** The workspaces a refused erasure names at most (`workspaceCount` says how many there are). */
const MAX_BLOCKING_NAMED = 100;

/** What leaving every workspace did: the workspaces left, and the position of the last leave (null: none). */
export type LeftEverywhere = Readonly<{ left: readonly string[]; position: string | null }>;

/**
 * Deleting, undeleting and leaving a workspace (DESIGN §9 "Workspaces and people"): the impure
 * shell around the workspace decider's lifecycle commands. Destroying a deleted workspace's
 * secrets once its retention is over is not here: it is the job of a follower that finds them by
 * `Views.workspacesDeletedBefore(retentionCutoff(now, days))` (see deletedRetention.ts).
 */
export class WorkspaceLifecycle {
  constructor(
    private readonly streams: PaidCommands<'workspace', WorkspaceState>,
    /** How far the reactions to membership events (the secret roles of those who left) have got. */
    private readonly reactions: ViewProgress,
    private readonly stamps: Pick<RequestStamps, 'stamp'>,
    private readonly clock: Clock,
    private readonly settings: LifecycleSettings,
    private readonly memberships: MembershipsSource,
  ) {}

  /** `payer`: the actor, but for an erasure, a right no load budget may refuse (its pages are paid on the settings budget). */
  private run(workspaceId: string, actor: Actor, command: (context: ReturnType<typeof contextFor>) => WorkspaceCommand, payer: Payer = actor): Promise<WorkspaceResult> {
    return this.streams.by(payer).execute(workspaceId, async ({ state }) => this.stamps.stamp(actor, workspaceDecider.decide(command(contextFor(actor, this.clock)), state)));
  }

  /** Admins only, confirming with the workspace's name; access for every member ends with it. */
  delete(actor: Actor, workspaceId: string, confirm: string): Promise<WorkspaceResult> {
    return this.run(workspaceId, actor, (context) => ({ type: 'DeleteWorkspace', data: { confirm }, context }));
  }

  /** Its admins at the time of the deletion, until the retention is over. */
  undelete(actor: Actor, workspaceId: string): Promise<WorkspaceResult> {
    const retentionDays = this.settings.deletedRetentionDays;
    return this.run(workspaceId, actor, (context) => ({ type: 'UndeleteWorkspace', data: { retentionDays }, context }));
  }

  /** Any member but the last admin; answers once the leaver's secret roles are removed too (by the reactor). */
  leave(actor: Actor, workspaceId: string): Promise<WorkspaceResult> {
    return this.leaving(actor, workspaceId, false);
  }

  /**
   * The actor leaves every workspace they are a member of, deleted ones included (DESIGN §9
   * erasure: what `POST /v1/me/erase` calls, before or after destroying the personal secrets).
   * Refuses first, leaving none, when they are the last admin of an active one (409 `last_admin`,
   * naming the first 100 of those workspaces in `workspaces`, and how many in `workspaceCount`):
   * they must hand admin to someone, or delete those workspaces, before being erased. They do
   * leave a deleted workspace even as its last admin (nobody can undelete it then). Workspaces
   * they already left are skipped, so a retry after a failure carries on where it stopped.
   * Answers once their secret roles there are gone too.
   * The memberships are read a page at a time; `beforeFurtherPage` runs before each page after
   * the first while looking for a refusal (the API charges its rate budget there).
   */
  async leaveEverywhere(actor: Actor, beforeFurtherPage: () => Promise<void> = async () => {}): Promise<LeftEverywhere> {
    const head = await this.memberships.head();
    if (head !== null && !(await this.memberships.progress.waitFor(head, this.memberships.waitMs))) throw new NotCaughtUp(head);
    const blocking: string[] = [];
    let blockingCount = 0;
    for await (const page of this.memberships.views.membershipPages(actor.userId, beforeFurtherPage)) {
      for (const workspaceId of page) {
        if (!lastAdminRefuses(this.leaveCommand(actor, true), (await this.streams.by(SERVICE_WORK).load(workspaceId)).state)) continue;
        blockingCount += 1;
        if (blocking.length < MAX_BLOCKING_NAMED) blocking.push(workspaceId);
      }
    }
    if (blockingCount > 0) {
      throw new RuleViolation('last_admin', `You are the last admin of ${blockingCount} workspace(s): make another member admin, or delete them, first`, {
        workspaces: blocking,
        workspaceCount: blockingCount,
      });
    }
    const left: string[] = [];
    let position: string | null = null;
    // Each leave is a command of its own, so these pages are not charged again.
    for await (const page of this.memberships.views.membershipPages(actor.userId, async () => {})) {
      for (const workspaceId of page) {
        try {
          const result = await this.leaving(actor, workspaceId, true);
          left.push(workspaceId);
          position = result.position;
        } catch (error) {
          // Gone meanwhile; or joined or created since the first pass, where they are the last
          // admin: left alone, as a membership made after the erasure began.
          if (!(error instanceof NotFound) && !(error instanceof RuleViolation && error.code === 'last_admin')) throw error;
        }
      }
    }
    return { left, position };
  }

  private leaveCommand(actor: Actor, forErasure: boolean): WorkspaceCommand {
    return { type: 'LeaveWorkspace', data: { forErasure }, context: contextFor(actor, this.clock) };
  }

  private async leaving(actor: Actor, workspaceId: string, forErasure: boolean): Promise<WorkspaceResult> {
    const result = await this.run(workspaceId, actor, () => this.leaveCommand(actor, forErasure), forErasure ? SERVICE_WORK : actor);
    if (result.position !== null && !(await this.reactions.waitFor(result.position, this.settings.reactionWaitMs))) throw new NotCaughtUp(result.position);
    return result;
  }
}

/** Whether the decider refuses the leave because the actor is the workspace's last admin (the same rule, asked ahead). */
function lastAdminRefuses(command: WorkspaceCommand, state: WorkspaceState): boolean {
  try {
    workspaceDecider.decide(command, state);
    return false;
  } catch (error) {
    return error instanceof RuleViolation && error.code === 'last_admin';
  }
}
