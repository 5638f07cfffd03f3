import { z } from 'zod';
import { eventSchema } from './event';
import { fingerprintChecked, secretRevealed } from './secretAccess.events';

/**
 * Records: what was read or refused, never a decision. They live in record streams apart from
 * the scopes they are about, so a record never moves a scope's revision (its ETag), and each API
 * instance writes its own streams (`workspaceRecords-<workspaceId>.<instance>`,
 * `personalRecords-<userId>.<instance>`), so instances never contend.
 */

/** A run of a workflow, as the executor names it: each part ≤ 128 characters of `A-Za-z0-9._:-`. */
export const RUN_PART = /^[A-Za-z0-9._:-]{1,128}$/;
export const runSchema = z.strictObject({
  id: z.string().regex(RUN_PART, 'must be 1-128 of A-Z a-z 0-9 . _ : -'),
  workflowId: z.string().regex(RUN_PART, 'must be 1-128 of A-Z a-z 0-9 . _ : -').optional(),
  blockId: z.string().regex(RUN_PART, 'must be 1-128 of A-Z a-z 0-9 . _ : -').optional(),
});
export type Run = z.infer<typeof runSchema>;

const usedVersion = z.object({ key: z.string(), version: z.number().int().positive(), fingerprint: z.string() });
const trigger = z.enum(['manual', 'api', 'webhook', 'schedule']);
/** A 422 names at most this many missing keys in its record. */
export const MAX_RECORDED_MISSING = 100;

/**
 * One resolution in a workspace's record: which workspace secrets' versions it used (by
 * fingerprint, never value), whether personal secrets of `personal.owner` filled in (how many;
 * their names are in the owner's record only), and which keys were missing.
 */
export const secretsResolved = eventSchema('SecretsResolved', {
  trigger,
  triggeredBy: z.string().optional(),
  workflowOwnerId: z.string().optional(),
  run: runSchema.optional(),
  outcome: z.enum(['resolved', 'missing']),
  references: z.array(usedVersion),
  personal: z.object({ owner: z.string(), count: z.number().int().positive() }).nullable(),
  missing: z.array(z.string()).max(MAX_RECORDED_MISSING),
});

/** The personal secrets a resolution used, in their owner's record: a workspace admin never sees their names. */
export const personalSecretsResolved = eventSchema('SecretsResolved', {
  workspaceId: z.string(),
  trigger,
  run: runSchema.optional(),
  references: z.array(usedVersion),
});

/** Refused attempts to reach a value, merged per principal, workspace, route and reason per minute (DESIGN §7). */
export const refusalReasons = ['not_member', 'forbidden', 'ws_claim', 'unknown_key', 'destroyed'] as const;
export const accessRefused = eventSchema('AccessRefused', {
  route: z.string(),
  key: z.string().optional(),
  reason: z.enum(refusalReasons),
  count: z.number().int().positive(),
  firstAt: z.string(),
  lastAt: z.string(),
});

/** Someone took the audit away whole (NDJSON), with the filters they used. */
export const auditExported = eventSchema('AuditExported', {
  filters: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
});

/** Someone had the stored history checked against its hash chains and seals (POST …/audit/verify), with what came of it. */
export const auditVerified = eventSchema('AuditVerified', {
  outcome: z.enum(['intact', 'broken']),
  findings: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
  newestSeal: z.number().int().positive().nullable(),
});

/**
 * RECORD_RETENTION_DAYS (DESIGN §7): the events 1..`throughRevision` of the record stream `stream`
 * were due and are dropped from the log. Appended, as `system`, before they are dropped, so a
 * crash in between leaves a pruning that the next sweep simply does again. `hash` is the hash of
 * event `throughRevision`, which seal `sealSequence` committed to as the stream's head: the anchor
 * an export shows for the stream, whose first event then links to it. `throughPosition` is that
 * event's log position, `fromPosition` the position of the oldest event dropped: the views drop
 * the stream's audit rows between the two (a pruning recorded before `fromPosition` existed: up
 * to `throughPosition`, looking through all of the owner's older rows).
 */
export const recordsPruned = eventSchema('RecordsPruned', {
  stream: z.string(),
  fromPosition: z.string().regex(/^\d+$/).optional(),
  throughRevision: z.number().int().positive(),
  throughPosition: z.string().regex(/^\d+$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  sealSequence: z.number().int().positive(),
});

export const workspaceRecordsEventSchema = z.discriminatedUnion('type', [
  secretRevealed,
  fingerprintChecked,
  secretsResolved,
  accessRefused,
  auditExported,
  auditVerified,
  recordsPruned,
]);
export const personalRecordsEventSchema = z.discriminatedUnion('type', [secretRevealed, fingerprintChecked, personalSecretsResolved, auditExported, recordsPruned]);

export type SecretsResolved = z.infer<typeof secretsResolved>;
export type PersonalSecretsResolved = z.infer<typeof personalSecretsResolved>;
export type AccessRefused = z.infer<typeof accessRefused>;
export type AuditExported = z.infer<typeof auditExported>;
export type AuditVerified = z.infer<typeof auditVerified>;
export type RecordsPruned = z.infer<typeof recordsPruned>;
export type RefusalReason = (typeof refusalReasons)[number];
export type WorkspaceRecordsEvent = z.infer<typeof workspaceRecordsEventSchema>;
export type PersonalRecordsEvent = z.infer<typeof personalRecordsEventSchema>;
