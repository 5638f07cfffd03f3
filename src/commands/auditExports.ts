import type { AuditExported, AuditVerified } from '../events/records.events';
import type { Actor, Clock } from './actor';
import type { RecordWriter } from './recordWriter';
import type { RequestStamps } from './requestStamps';

/** Where an export goes on the record: each workspace it covers, or the reader's own record. */
export type ExportRecord = Readonly<{ workspaces: readonly string[] } | { user: string }>;

/**
 * Exports and verifications of the audit are themselves on the record (DESIGN §7): who took which filters of whose
 * history. An export of every workspace is recorded in the
 * reader's own record, not in each of thousands of workspaces.
 */
export class AuditExports {
  constructor(
    private readonly records: Pick<RecordWriter, 'record'>,
    private readonly stamps: Pick<RequestStamps, 'metadataOf'>,
    private readonly clock: Clock,
  ) {}

  async record(actor: Actor, to: ExportRecord, filters: Record<string, string | string[]>): Promise<void> {
    const event: AuditExported = { type: 'AuditExported', data: { filters }, metadata: await this.stamps.metadataOf(actor, this.clock) };
    if ('user' in to) await this.records.record('personalRecords', to.user, [event]);
    else await Promise.all(to.workspaces.map((workspaceId) => this.records.record('workspaceRecords', workspaceId, [event])));
  }

  /** A verification of a workspace's stored history (DESIGN §7: verifications are recorded too). */
  async recordVerification(actor: Actor, workspaceId: string, data: AuditVerified['data']): Promise<void> {
    const event: AuditVerified = { type: 'AuditVerified', data, metadata: await this.stamps.metadataOf(actor, this.clock) };
    await this.records.record('workspaceRecords', workspaceId, [event]);
  }
}
