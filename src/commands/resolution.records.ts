import { ProblemError } from '../errors';
import { MAX_RECORDED_MISSING, type PersonalSecretsResolved, type SecretsResolved } from '../events/records.events';
import type { Resolution, ResolveRequest } from '../resolver/resolver';
import type { Actor, Clock } from './actor';
import type { RecordWriter } from './recordWriter';
import type { RequestStamps } from './requestStamps';

/** The records could not be written: the resolution answers 503 and no value leaves. */
export class RecordsUnavailable extends ProblemError {
  constructor() {
    super('unavailable', 'records_unavailable', 'The resolution could not be put on the record, so it returned no value; retry');
  }
}

/**
 * Puts a resolution on the record before any value leaves (DESIGN §7): one SecretsResolved in the
 * workspace's record, and, when personal secrets filled in, one in their owner's record with
 * their names (the workspace's record only counts them). Both are durable when this returns.
 */
export class ResolutionRecords {
  constructor(
    private readonly records: Pick<RecordWriter, 'record'>,
    private readonly stamps: Pick<RequestStamps, 'metadataOf'>,
    private readonly clock: Clock,
  ) {}

  async record(actor: Actor, request: ResolveRequest, resolution: Resolution): Promise<void> {
    // The client's address is sealed for the record first: if that fails, the record cannot be written either.
    const metadata = await this.stamps.metadataOf(actor, this.clock).catch(() => {
      throw new RecordsUnavailable();
    });
    const { workspaceId, trigger, run } = request;
    const people = request.trigger === 'manual' ? { triggeredBy: request.triggeredBy } : { workflowOwnerId: request.workflowOwnerId };
    const workspaceRecord: SecretsResolved = {
      type: 'SecretsResolved',
      data: {
        trigger,
        ...people,
        ...(run ? { run } : {}),
        outcome: resolution.missingKeys.length > 0 ? 'missing' : 'resolved',
        references: [...resolution.workspaceVersions],
        personal: resolution.personal && { owner: resolution.personal.owner, count: resolution.personal.versions.length },
        missing: resolution.missingKeys.slice(0, MAX_RECORDED_MISSING),
      },
      metadata,
    };
    const writes = [this.records.record('workspaceRecords', workspaceId, [workspaceRecord])];
    if (resolution.personal) {
      const personalRecord: PersonalSecretsResolved = {
        type: 'SecretsResolved',
        data: { workspaceId, trigger, ...(run ? { run } : {}), references: [...resolution.personal.versions] },
        metadata,
      };
      writes.push(this.records.record('personalRecords', resolution.personal.owner, [personalRecord]));
    }
    const outcomes = await Promise.allSettled(writes);
    if (outcomes.some((outcome) => outcome.status === 'rejected')) throw new RecordsUnavailable();
  }
}
