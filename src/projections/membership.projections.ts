import { projection } from './projection';
import { viewIds } from './views';

/** A workspace, with when and by whom it was deleted (null while it is not): a deleted one stays, for its audit and its undelete. */
export const workspacesProjection = projection({
  collection: 'workspaces',
  canHandle: ['WorkspaceCreated', 'WorkspaceDeleted', 'WorkspaceUndeleted'],
  documentIds: (r) => [r.ownerId],
  evolve: (doc, r) => {
    const e = r.event;
    switch (e.type) {
      case 'WorkspaceCreated': {
        const { workspaceId, name, creator } = e.data;
        return { workspaceId, name, createdAt: e.metadata.at, createdBy: creator.userId, deletedAt: null, deletedBy: null };
      }
      case 'WorkspaceDeleted':
        return doc && { ...doc, deletedAt: e.metadata.at, deletedBy: e.metadata.actor };
      case 'WorkspaceUndeleted':
        return doc && { ...doc, deletedAt: null, deletedBy: null };
    }
  },
});

/**
 * One document per member; removal and leaving leave a tombstone. A deleted workspace keeps its
 * members' documents as they were (the queries answer as if they were none: `Views.member`).
 */
export const membersProjection = projection({
  collection: 'members',
  canHandle: ['WorkspaceCreated', 'InvitationAccepted', 'MemberPermissionChanged', 'MemberRemoved', 'MemberLeft'],
  documentIds: (r) => {
    const e = r.event;
    switch (e.type) {
      case 'WorkspaceCreated':
        return [viewIds.member(r.ownerId, e.data.creator.userId)];
      case 'InvitationAccepted':
      case 'MemberPermissionChanged':
      case 'MemberRemoved':
      case 'MemberLeft':
        return [viewIds.member(r.ownerId, e.data.userId)];
    }
  },
  evolve: (doc, r) => {
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
      case 'MemberLeft':
        return null;
    }
  },
});

/** Pending invitations only: accepting or revoking one deletes it. */
export const invitationsProjection = projection({
  collection: 'invitations',
  canHandle: ['MemberInvited', 'InvitationRevoked', 'InvitationAccepted'],
  documentIds: (r) => [r.event.data.invitationId],
  evolve: (_doc, r) => {
    const e = r.event;
    if (e.type !== 'MemberInvited') return null;
    const { invitationId, email, emailIndex, permission, external } = e.data;
    return {
      invitationId,
      workspaceId: r.ownerId,
      email,
      emailIndex: emailIndex ?? null,
      permission,
      external,
      invitedAt: e.metadata.at,
      invitedBy: e.metadata.actor,
    };
  },
});
