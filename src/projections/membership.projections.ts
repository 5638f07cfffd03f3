import { projection } from './projection';
import { viewIds } from './views';

export const workspacesProjection = projection({
  collection: 'workspaces',
  canHandle: ['WorkspaceCreated'],
  documentIds: (r) => [r.ownerId],
  evolve: (_doc, r) => {
    const { workspaceId, name, creator } = r.event.data;
    return { workspaceId, name, createdAt: r.event.metadata.at, createdBy: creator.userId };
  },
});

/** One document per active member; removal leaves a tombstone. */
export const membersProjection = projection({
  collection: 'members',
  canHandle: ['WorkspaceCreated', 'InvitationAccepted', 'MemberPermissionChanged', 'MemberRemoved'],
  documentIds: (r) => {
    const e = r.event;
    switch (e.type) {
      case 'WorkspaceCreated':
        return [viewIds.member(r.ownerId, e.data.creator.userId)];
      case 'InvitationAccepted':
      case 'MemberPermissionChanged':
      case 'MemberRemoved':
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
