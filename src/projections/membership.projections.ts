import { projection } from './projection';
import { viewIds, type InvitationDoc, type MemberDoc, type WorkspaceDoc } from './views';

export const workspacesProjection = projection<WorkspaceDoc>({
  collection: 'workspaces',
  documentIds: (r) => (r.category === 'workspace' && r.event.type === 'WorkspaceCreated' ? [r.ownerId] : []),
  evolve: (doc, r) => {
    if (r.category !== 'workspace' || r.event.type !== 'WorkspaceCreated') return doc;
    const { workspaceId, name, creator } = r.event.data;
    return { workspaceId, name, createdAt: r.event.metadata.at, createdBy: creator.userId };
  },
});

/** One document per active member; removal leaves a tombstone. */
export const membersProjection = projection<MemberDoc>({
  collection: 'members',
  documentIds: (r) => {
    if (r.category !== 'workspace') return [];
    const e = r.event;
    switch (e.type) {
      case 'WorkspaceCreated':
        return [viewIds.member(r.ownerId, e.data.creator.userId)];
      case 'InvitationAccepted':
      case 'MemberPermissionChanged':
      case 'MemberRemoved':
        return [viewIds.member(r.ownerId, e.data.userId)];
      default:
        return [];
    }
  },
  evolve: (doc, r) => {
    if (r.category !== 'workspace') return doc;
    const e = r.event;
    switch (e.type) {
      case 'WorkspaceCreated':
        return {
          workspaceId: r.ownerId,
          userId: e.data.creator.userId,
          email: e.data.creator.email,
          permission: 'admin',
          external: false,
          joinedAt: e.metadata.at,
        };
      case 'InvitationAccepted': {
        const { userId, email, permission, external } = e.data;
        return { workspaceId: r.ownerId, userId, email, permission, external, joinedAt: e.metadata.at };
      }
      case 'MemberPermissionChanged':
        return doc && { ...doc, permission: e.data.permission };
      case 'MemberRemoved':
        return null;
      default:
        return doc;
    }
  },
});

/** Pending invitations only: accepting or revoking one deletes it. */
export const invitationsProjection = projection<InvitationDoc>({
  collection: 'invitations',
  documentIds: (r) => {
    if (r.category !== 'workspace') return [];
    const e = r.event;
    return e.type === 'MemberInvited' || e.type === 'InvitationRevoked' || e.type === 'InvitationAccepted'
      ? [e.data.invitationId]
      : [];
  },
  evolve: (doc, r) => {
    if (r.category !== 'workspace') return doc;
    const e = r.event;
    if (e.type === 'MemberInvited') {
      const { invitationId, email, permission, external } = e.data;
      return { invitationId, workspaceId: r.ownerId, email, permission, external, invitedAt: e.metadata.at, invitedBy: e.metadata.actor };
    }
    return e.type === 'InvitationRevoked' || e.type === 'InvitationAccepted' ? null : doc;
  },
});
