import { eventTypes, type RecordedEvent } from '../events/streams';
import { projection } from './projection';
import { auditOwner, viewIds, type AuditDoc } from './views';

type Fields = Pick<AuditDoc, 'key' | 'version' | 'fingerprint' | 'subject' | 'detail'>;

const none: Fields = { key: null, version: null, fingerprint: null, subject: null, detail: null };

/** What an event says for the audit: key, version, fingerprint, subject; never a value. */
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
      return { ...none, subject: { userId: e.data.userId } };
    case 'SecretSet':
      return { ...none, key: e.data.key, version: e.data.version, fingerprint: e.data.fingerprint };
    case 'SecretDeleted':
      return { ...none, key: e.data.key };
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
      return { ...none, key: e.data.key, detail: { matchedVersions: e.data.matchedVersions } };
  }
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
    stream: r.streamId,
    type: r.event.type,
    actor: r.event.metadata.actor,
    at: r.event.metadata.at,
    ...auditFields(r),
  }),
});
