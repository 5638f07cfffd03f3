import { owners } from '../projections/owners';
import { retentionCutoff } from './deletedRetention';
import type { Views } from '../projections/queries';
import type { FollowerCheckpoints } from '../stores/followerCheckpoints.port';
import type { Clock } from './actor';
import { PeriodicJob, type JobLog } from './periodicJob';
import type { SecretLifecycleHandlers } from './secretLifecycle.handlers';

const DAY_MS = 24 * 60 * 60 * 1000;
const PAGE = 100;
/** Where the upgrade that introduced retention is remembered: deletions before it count from it. */
const SINCE = 'deleted-retention-since';

/**
 * DELETED_RETENTION_DAYS (DESIGN §9): lifetimes that ended in a deletion more than that long ago,
 * and every secret of a workspace deleted that long ago, are destroyed by the projector role's
 * instance, as `system`, at start and every interval after. Counted from the later of the deletion and the first start of a version with retention
 * (recorded once, so a deletion made before the upgrade gets the full period). Idempotent: a
 * lifetime destroyed, restored or reopened meanwhile is left as it is. 0 keeps deleted secrets.
 */
export class RetentionSweeper {
  private readonly job: PeriodicJob;

  constructor(
    private readonly views: Pick<Views, 'endedBefore' | 'workspacesDeletedBefore'>,
    private readonly lifecycle: Pick<SecretLifecycleHandlers, 'expire' | 'destroyWorkspaceSecrets'>,
    private readonly records: FollowerCheckpoints,
    private readonly clock: Clock,
    private readonly retentionDays: number,
    intervalMs: number,
    private readonly log: JobLog,
  ) {
    this.job = new PeriodicJob(() => this.sweepOnce(), intervalMs, log, 'the retention sweep failed; the next one tries again');
  }

  async start(): Promise<void> {
    if (this.retentionDays === 0) return;
    if ((await this.records.get(SINCE)) === null) await this.records.save(SINCE, String(this.clock().getTime()));
    await this.sweep();
    this.job.repeat();
  }

  stop(): Promise<unknown> {
    return this.job.stop();
  }

  /** Destroys every lifetime due now; answers how many keys it destroyed lifetimes of. One sweep at a time. */
  sweep(): Promise<number> {
    return this.job.runNow();
  }

  private async sweepOnce(): Promise<number> {
    return (await this.sweepDeletedWorkspaces()) + (await this.sweepDeletedSecrets());
  }

  /**
   * Workspaces deleted longer ago than the retention (and not undeleted): every secret of theirs
   * destroyed. Workspace deletion came with retention, so its clock is the deletion's alone.
   */
  private async sweepDeletedWorkspaces(): Promise<number> {
    const cutoff = retentionCutoff(this.clock().toISOString(), this.retentionDays);
    if (cutoff === null) return 0;
    let destroyed = 0;
    for (let afterId: string | undefined; ; ) {
      const page = await this.views.workspacesDeletedBefore(cutoff, afterId, PAGE);
      for (const workspace of page) {
        const result = await this.lifecycle.destroyWorkspaceSecrets(workspace.workspaceId);
        if (result.newEvents.length > 0) {
          destroyed += 1;
          this.log.info({ workspaceId: workspace.workspaceId, keys: result.newEvents.length }, 'destroyed the secrets of a workspace deleted past its retention');
        }
      }
      if (page.length < PAGE) return destroyed;
      afterId = page[page.length - 1]!.workspaceId;
    }
  }

  private async sweepDeletedSecrets(): Promise<number> {
    const since = Number((await this.records.get(SINCE)) ?? this.clock().getTime());
    const cutoff = this.clock().getTime() - this.retentionDays * DAY_MS;
    // Nothing is due before the retention period has passed since the upgrade.
    if (cutoff < since) return 0;
    const before = new Date(cutoff).toISOString();
    let destroyed = 0;
    for (let afterId: string | undefined; ; ) {
      const page = await this.views.endedBefore(before, afterId, PAGE);
      for (const { doc } of page) {
        const due = [...(doc.deletedAt !== '' && doc.deletedAt <= before ? [doc.dataKeyId] : []), ...doc.ended.filter((l) => l.deletedAt <= before).map((l) => l.dataKeyId)];
        const { scope, ownerId } = owners.parse(doc.owner);
        const result = await this.lifecycle.expire(scope, ownerId, doc.key, due);
        if (result.newEvents.length > 0) destroyed += 1;
      }
      if (page.length < PAGE) break;
      afterId = page[page.length - 1]!.id;
    }
    if (destroyed > 0) this.log.info({ destroyed, before }, `destroyed the lifetimes of ${destroyed} keys deleted before ${before} (DELETED_RETENTION_DAYS)`);
    return destroyed;
  }
}
