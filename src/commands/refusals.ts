import type { ClientRequest } from '../events/event';
import type { AccessRefused, RefusalReason } from '../events/records.events';
import type { Clock } from './actor';
import type { RecordWriter } from './recordWriter';
import type { RequestStamps } from './requestStamps';

/** A request refused on a route that reaches values: who, where, why. */
export type Refusal = Readonly<{
  principal: string;
  workspaceId: string;
  route: string;
  reason: RefusalReason;
  key?: string;
  request: ClientRequest;
}>;

type Group = { principal: string; workspaceId: string; route: string; reason: RefusalReason; key?: string; request: ClientRequest; count: number; firstAt: string; lastAt: string; minute: number };

const MINUTE_MS = 60_000;
/** Groups whose workspace was not found when noted, kept for a second look when written: ~1 KB each. */
export const UNCONFIRMED_KEPT = 10_000;
/** How often finished minutes are written out. */
const FLUSH_EVERY_MS = 5_000;

/**
 * Refusals on the record (DESIGN §7), after the answer and merged: one AccessRefused per
 * principal, workspace, route and reason per minute, with how many there were and when the first
 * and last came. Only for workspaces that exist (a refusal for a made-up id is nobody's record).
 * Groups are kept in memory until their minute is over; `close` writes what is left. The
 * workspace of a new group is looked up at once: the workspace id is the client's, and a
 * principal sending made-up ids (resolution has no rate limit by default) would otherwise hold a
 * group per id for up to a minute, as many as it can send. One not found (made up, or created a
 * moment ago and not yet in the views) is kept only while fewer than UNCONFIRMED_KEPT are, and
 * looked up again when written.
 */
export class Refusals {
  private readonly groups = new Map<string, Group>();
  /** New groups whose workspace is being looked up; refusals of the same group meanwhile merge into them. */
  private readonly unchecked = new Map<string, Group>();
  private readonly checks = new Set<Promise<void>>();
  /** The groups kept whose workspace was not found when they were noted. */
  private readonly unconfirmed = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly records: Pick<RecordWriter, 'record'>,
    private readonly stamps: Pick<RequestStamps, 'contextOf'>,
    private readonly workspaceExists: (workspaceId: string) => Promise<boolean>,
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(false).catch(this.onError), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  note(refusal: Refusal): void {
    const now = this.clock();
    const minute = Math.floor(now.getTime() / MINUTE_MS);
    const id = [refusal.principal, refusal.workspaceId, refusal.route, refusal.reason, minute].join('\u0000');
    const group = this.groups.get(id) ?? this.unchecked.get(id);
    if (group) {
      group.count += 1;
      group.lastAt = now.toISOString();
      // One key is named only while every refusal of the group was about it.
      if (group.key !== refusal.key) delete group.key;
      return;
    }
    const fresh: Group = { ...refusal, count: 1, firstAt: now.toISOString(), lastAt: now.toISOString(), minute };
    this.unchecked.set(id, fresh);
    const keep = (found: boolean) => {
      this.unchecked.delete(id);
      if (!found && this.unconfirmed.size >= UNCONFIRMED_KEPT) return;
      if (!found) this.unconfirmed.add(id);
      this.groups.set(id, fresh);
    };
    const check = this.workspaceExists(refusal.workspaceId).then(keep, (error: unknown) => {
      keep(false);
      this.onError(error);
    });
    this.checks.add(check);
    void check.then(() => this.checks.delete(check));
  }

  /** Once every workspace being looked up for a new group is found or not. */
  async settled(): Promise<void> {
    while (this.checks.size > 0) await Promise.all([...this.checks]);
  }

  /** How many groups are held in memory, waiting for their minute to end (or their workspace to be found). */
  get held(): number {
    return this.groups.size + this.unchecked.size;
  }

  /** Writes the groups of the minutes that are over (all of them when `all`). */
  async flush(all: boolean): Promise<void> {
    if (all) await this.settled();
    const current = Math.floor(this.clock().getTime() / MINUTE_MS);
    const due = [...this.groups].filter(([, group]) => all || group.minute < current);
    for (const [id] of due) {
      this.groups.delete(id);
      this.unconfirmed.delete(id);
    }
    for (const [, group] of due) {
      if (!(await this.workspaceExists(group.workspaceId))) continue;
      const { route, reason, key, count, firstAt, lastAt } = group;
      const record: AccessRefused = {
        type: 'AccessRefused',
        data: { route, ...(key !== undefined ? { key } : {}), reason, count, firstAt, lastAt },
        // The first refused request of the group names it; its addresses sealed under the principal's key.
        metadata: { actor: group.principal, at: lastAt, schemaVersion: 1, ...(await this.stamps.contextOf(group.principal, group.request)) },
      };
      await this.records.record('workspaceRecords', group.workspaceId, [record]);
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush(true);
  }
}
