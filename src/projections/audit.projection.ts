import { eventTypes, type RecordedEvent } from '../events/streams';
import type { ViewRemoval } from '../stores/readStore.port';
import { projection } from './projection';
import { auditOwner, auditScope, viewIds, type AuditDoc, type ViewDocs } from './views';
import { merged } from '../merged';

type Fields = Pick<AuditDoc, 'key' | 'version' | 'fingerprint' | 'subject' | 'detail' | 'runId'>;

const none: Fields = { key: null, version: null, fingerprint: null, subject: null, detail: null, runId: null };

/**
 * What an event says for the audit: key, version, fingerprint, subject; never a value. Personal
 * data (emails, details, the request's addresses) is kept as the event holds it, sealed; the
 * audit queries open it on the way out (PersonalDataReader).
 */
function auditFields(r: RecordedEvent): Fields {
  const e = r.event;
  switch (e.type) {
    case 'WorkspaceCreated':
      return { ...none, subject: { userId: e.data.creator.userId, email: e.data.creator.email, permission: 'admin' }, detail: { name: e.data.name } };
    case 'MemberInvited':
      return { ...none, subject: { email: e.data.email, permission: e.data.permission, external: e.data.external }, detail: { invitationId: e.data.invitationId } };
    case 'InvitationRevoked':
      return { ...none, detail: { invitationId: e.data.invitationId } };
    case 'InvitationAccepted':
      return {
        ...none,
        subject: { userId: e.data.userId, email: e.data.email, permission: e.data.permission, external: e.data.external },
        detail: { invitationId: e.data.invitationId },
      };
    case 'MemberPermissionChanged':
      return { ...none, subject: { userId: e.data.userId, permission: e.data.permission } };
    case 'MemberRemoved':
    case 'MemberLeft':
      return { ...none, subject: { userId: e.data.userId } };
    case 'WorkspaceDeleted':
    case 'WorkspaceUndeleted':
      return none;
    case 'SecretSet': {
      const { key, version, fingerprint, rollbackOf } = e.data;
      return { ...none, key, version, fingerprint, detail: rollbackOf === undefined ? null : { rollbackOf } };
    }
    case 'SecretDeleted':
      return { ...none, key: e.data.key };
    case 'SecretRestored':
      return { ...none, key: e.data.key, version: e.data.version, fingerprint: e.data.fingerprint };
    case 'SecretDestroyed':
      return { ...none, key: e.data.key, detail: { lifetimes: e.data.lifetimes } };
    case 'PersonalDataErased':
      return { ...none, detail: { dataKeys: e.data.dataKeyIds.length } };
    case 'SecretDetailsChanged': {
      const { displayName, description } = e.data;
      return { ...none, key: e.data.key, detail: { displayName, description } };
    }
    case 'SecretMemberAdded':
    case 'SecretMemberRoleChanged':
      return { ...none, key: e.data.key, subject: { userId: e.data.userId, role: e.data.role } };
    case 'SecretMemberRemoved':
      return { ...none, key: e.data.key, subject: { userId: e.data.userId } };
    case 'SecretRevealed':
      return { ...none, key: e.data.key, version: e.data.version };
    case 'FingerprintChecked':
      return { ...none, key: e.data.key, detail: { matchedVersions: e.data.matchedVersions, ...(e.data.matchCount === undefined ? {} : { matchCount: e.data.matchCount }) } };
    case 'SecretsResolved': {
      const { run, references, ...rest } = e.data;
      // One key used is the row's key; the references, by key, version and fingerprint, are its detail.
      const key = references.length === 1 && !('missing' in rest && rest.missing.length > 0) ? references[0]!.key : null;
      return { ...none, key, runId: run?.id ?? null, detail: merged(rest, run ? { run, references } : { references }) };
    }
    case 'AccessRefused': {
      const { key, ...detail } = e.data;
      return { ...none, key: key ?? null, detail };
    }
    case 'AuditExported':
      return { ...none, detail: { filters: e.data.filters } };
    case 'AuditVerified':
      return { ...none, detail: { ...e.data } };
    case 'RecordsPruned': {
      const { stream, throughRevision, sealSequence } = e.data;
      return { ...none, detail: { stream, throughRevision, sealSequence } };
    }
  }
}

/** The keys an event is about: its secret's, or every key a resolution used or missed. */
export function auditKeysOf(r: RecordedEvent): readonly string[] {
  const e = r.event;
  if (e.type === 'SecretsResolved') return [...new Set([...e.data.references.map((ref) => ref.key), ...('missing' in e.data ? e.data.missing : [])])];
  return 'key' in e.data && typeof e.data.key === 'string' ? [e.data.key] : [];
}

/** The request an event names, when one caused it. */
function requestOf({ requestId, clientRequestId, clientAddress, peerAddress }: RecordedEvent['event']['metadata']): AuditDoc['request'] {
  if (requestId === undefined) return null;
  return { requestId, ...(clientRequestId ? { clientRequestId } : {}), ...(clientAddress ? { clientAddress } : {}), ...(peerAddress ? { peerAddress } : {}) };
}

/** The audit view: one row per event of every stream of this service. */
export const auditProjection = projection({
  collection: 'audit',
  fromEventAlone: true,
  canHandle: eventTypes,
  documentIds: (r) => [viewIds.audit(r.position)],
  evolve: (_doc, r) => ({
    position: r.position,
    owner: auditOwner(r.category, r.ownerId),
    scope: auditScope(r.category),
    stream: r.streamId,
    type: r.event.type,
    actor: r.event.metadata.actor,
    at: r.event.metadata.at,
    ...auditFields(r),
    keys: auditKeysOf(r),
    request: requestOf(r.event.metadata),
  }),
});

/**
 * A pruning of a record stream (RECORD_RETENTION_DAYS) takes the audit rows of the pruned events
 * out: the owner's rows of that stream from the first pruned event to the last (audit ids sort in
 * log order, and a stream's positions grow with its revisions), found through the owner's index,
 * whose other rows in that range are read and kept. A rebuild from the pruned log never makes
 * them, so the live views and a rebuilt one agree.
 */
export function auditRemovals(r: RecordedEvent): ViewRemoval<ViewDocs>[] {
  if (r.event.type !== 'RecordsPruned') return [];
  const { stream, fromPosition, throughPosition } = r.event.data;
  const from = fromPosition === undefined ? {} : { fromId: viewIds.audit(fromPosition) };
  return [{ collection: 'audit', where: { owner: auditOwner(r.category, r.ownerId), stream }, ...from, throughId: viewIds.audit(throughPosition) }];
}
