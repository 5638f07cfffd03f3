import { isRecordedOf, parseStoredEvent } from '../events/streams';
import { LogFollower } from '../projections/logFollower';
import type { EventStore, StoredEvent } from '../stores/eventStore.port';
import type { FollowerCheckpoints } from '../stores/followerCheckpoints.port';
import type { Clock } from './actor';
import type { StreamCommands } from './streamCommands';
import { recordedPermissionOf, type WorkspaceState } from './workspace.decider';
import { workspaceSecretsDecider } from './workspaceSecrets.decider';
import type { SecretsState } from './secrets.state';

const FOLLOWER = 'secret-roles';

/** A membership ends: removed by an admin, or left (DESIGN §9). */
const MEMBERSHIP_ENDS: ReadonlySet<'MemberRemoved' | 'MemberLeft'> = new Set(['MemberRemoved', 'MemberLeft'] as const);

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

  /**
   * Reacts to the removals and departures in a batch; the type is read before an event is
   * parsed, since most of the log is records no reaction concerns (parsing each was 1.6% of a
   * resolution's CPU). The checkpoint is saved after every batch: API instances
   * (SERVICE_ROLE=api) learn how far the reactions got from it.
   */
  private async react(events: readonly StoredEvent[]): Promise<void> {
    for (const stored of events) {
      if (!(MEMBERSHIP_ENDS as ReadonlySet<string>).has(stored.type)) continue;
      const recorded = parseStoredEvent(stored);
      if (recorded?.category !== 'workspace' || !isRecordedOf(MEMBERSHIP_ENDS, recorded)) continue;
      await this.removeRoles(recorded.ownerId, recorded.event.data.userId, recorded.event.metadata.actor);
    }
    const last = events[events.length - 1]!.position;
    await this.checkpoints.save(FOLLOWER, last);
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
