import { parseStoredEvent, splitStreamId } from '../events/streams';
import { LogFollower } from '../projections/logFollower';
import type { EventStore, StoredEvent } from '../stores/eventStore.port';
import type { FollowerCheckpoints } from '../stores/followerCheckpoints.port';
import type { Clock } from './actor';
import type { StreamCommands } from './streamCommands';
import { recordedPermissionOf, type WorkspaceState } from './workspace.decider';
import { workspaceSecretsDecider } from './workspaceSecrets.decider';
import type { SecretsState } from './secrets.state';

const FOLLOWER = 'secret-roles';

/** The most events the saved checkpoint lags behind, so a restart replays at most this many. */
export const CHECKPOINT_AT_LEAST_EVERY = 10_000;

export type ReactorLog = Readonly<{ error: (obj: object, msg: string) => void }>;

/**
 * A member's removal from a workspace (or their leaving it) is followed by the removal of their
 * secret roles there (DESIGN §1: roles count only while active, and re-joining starts without
 * them). A follower of the log, checkpointed like the projector: it reacts to each `MemberRemoved`
 * and `MemberLeft` with `RemoveSecretRoles` on the workspace's secrets stream, and only if the
 * user is not a member again by then, so a replay (after a crash, or by a second instance)
 * changes nothing. A member of a deleted workspace is still its member (an undelete gives their
 * access back), so a replay then keeps their roles too.
 * Joining waits for it to have reacted to everything before (see WorkspaceCommands.accept).
 */
export class SecretRolesReactor extends LogFollower {
  constructor(
    eventStore: Pick<EventStore, 'follow'>,
    private readonly checkpoints: FollowerCheckpoints,
    private readonly workspaces: StreamCommands<'workspace', WorkspaceState>,
    private readonly workspaceSecrets: StreamCommands<'workspaceSecrets', SecretsState>,
    private readonly clock: Clock,
    log: ReactorLog,
  ) {
    super(eventStore, (error) => log.error({ err: error }, 'the secret-roles reactor failed; it follows the log again shortly'));
  }

  /** Follows from its checkpoint; its position is the last one whose removals have had their reaction. */
  async run(): Promise<void> {
    this.start(await this.checkpoints.get(FOLLOWER), (events) => this.react(events));
  }

  /** Events handled since the checkpoint was last saved. */
  private unsaved = 0;

  /**
   * Reacts to the removals and departures in a batch, and saves the checkpoint when the batch
   * held an event of a workspace stream: those are the positions joins and departures wait for,
   * which an API instance (SERVICE_ROLE=api) reads from the saved checkpoint. A batch of records
   * alone (most of the log) is saved only once CHECKPOINT_AT_LEAST_EVERY events have gone by: a
   * save per batch was a transaction per batch of resolutions, 1% of their CPU, that nothing
   * waited for. Replaying what a restart finds unsaved changes nothing (see above).
   */
  private async react(events: readonly StoredEvent[]): Promise<void> {
    let workspaceEvents = false;
    for (const stored of events) {
      if (splitStreamId(stored.streamId).category !== 'workspace') continue;
      workspaceEvents = true;
      // A membership ends: removed by an admin, or left (DESIGN §9). Only those are parsed.
      if (stored.type !== 'MemberRemoved' && stored.type !== 'MemberLeft') continue;
      const recorded = parseStoredEvent(stored);
      if (recorded?.category !== 'workspace' || (recorded.event.type !== 'MemberRemoved' && recorded.event.type !== 'MemberLeft')) continue;
      await this.removeRoles(recorded.ownerId, recorded.event.data.userId, recorded.event.metadata.actor);
    }
    const last = events[events.length - 1]!.position;
    this.unsaved += events.length;
    if (workspaceEvents || this.unsaved >= CHECKPOINT_AT_LEAST_EVERY) {
      await this.checkpoints.save(FOLLOWER, last);
      this.unsaved = 0;
    }
    this.reached(last);
  }

  private removeRoles(workspaceId: string, userId: string, actor: string) {
    return this.workspaceSecrets.execute(workspaceId, async ({ state }) => {
      const { state: workspace } = await this.workspaces.load(workspaceId);
      if (recordedPermissionOf(workspace, userId) !== null) return [];
      const context = { actor, at: this.clock().toISOString() };
      return workspaceSecretsDecider.decide({ type: 'RemoveSecretRoles', data: { userId }, context }, state);
    });
  }
}
