import type { WorkspacePermission } from '../events/values';
import type { WorkspaceEvent } from '../events/workspace.events';
import { knownEmail, type KnownEmail } from './emails';
import { withEntry, withoutEntry } from './maps';

/** Emails are known by blind index (or, from events written before emails were sealed, as they were): see emails.ts. */
export type Member = Readonly<{ userId: string; email: KnownEmail | null; permission: WorkspacePermission; external: boolean }>;
export type Invitation = Readonly<{ invitationId: string; email: KnownEmail | null; permission: WorkspacePermission; external: boolean }>;

type Workspace = Readonly<{
  workspaceId: string;
  name: string;
  members: ReadonlyMap<string, Member>;
  invitations: ReadonlyMap<string, Invitation>;
}>;

/**
 * A deleted workspace keeps its members and invitations as they were at the deletion: they are
 * who may undelete it (its admins then) and what an undelete brings back. No member acts in it.
 */
export type WorkspaceState =
  | Readonly<{ status: 'none' }>
  | (Workspace & Readonly<{ status: 'active' }>)
  | (Workspace & Readonly<{ status: 'deleted'; deletedAt: string; deletedBy: string }>);

export type ActiveWorkspace = Extract<WorkspaceState, { status: 'active' }>;
export type DeletedWorkspace = Extract<WorkspaceState, { status: 'deleted' }>;

export const initialWorkspaceState: WorkspaceState = { status: 'none' };

/** The permission of an active member, null for anyone else (removed, invited, unknown, or the workspace deleted). */
export function permissionOf(state: WorkspaceState, userId: string): WorkspacePermission | null {
  return state.status === 'active' ? (state.members.get(userId)?.permission ?? null) : null;
}

/**
 * The permission the workspace records for the user, whether it is deleted or not: a deleted
 * workspace's members are still its members (an undelete gives them their access back), so
 * their secret roles stay.
 */
export function recordedPermissionOf(state: WorkspaceState, userId: string): WorkspacePermission | null {
  return state.status === 'none' ? null : (state.members.get(userId)?.permission ?? null);
}

/** Folds one event of a `workspace-` stream. */
export function evolveWorkspace(state: WorkspaceState, event: WorkspaceEvent): WorkspaceState {
  if (event.type === 'WorkspaceCreated') {
    const { workspaceId, name, creator } = event.data;
    return {
      status: 'active',
      workspaceId,
      name,
      members: new Map([[creator.userId, { userId: creator.userId, email: knownEmail(creator.email, creator.emailIndex), permission: 'admin', external: false }]]),
      invitations: new Map(),
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'MemberInvited': {
      const { invitationId, email, emailIndex, permission, external } = event.data;
      return { ...state, invitations: withEntry(state.invitations, invitationId, { invitationId, email: knownEmail(email, emailIndex), permission, external }) };
    }
    case 'InvitationRevoked':
      return { ...state, invitations: withoutEntry(state.invitations, event.data.invitationId) };
    case 'InvitationAccepted': {
      const { invitationId, userId, email, emailIndex, permission, external } = event.data;
      return {
        ...state,
        invitations: withoutEntry(state.invitations, invitationId),
        members: withEntry(state.members, userId, { userId, email: knownEmail(email, emailIndex), permission, external }),
      };
    }
    case 'MemberPermissionChanged': {
      const member = state.members.get(event.data.userId);
      if (!member) return state;
      return { ...state, members: withEntry(state.members, member.userId, { ...member, permission: event.data.permission }) };
    }
    case 'MemberRemoved':
    case 'MemberLeft':
      return { ...state, members: withoutEntry(state.members, event.data.userId) };
    case 'WorkspaceDeleted':
      return { ...withoutDeletion(state), status: 'deleted', deletedAt: event.metadata.at, deletedBy: event.metadata.actor };
    case 'WorkspaceUndeleted':
      return { ...withoutDeletion(state), status: 'active' };
  }
}

/** The workspace itself, without its status and the marks of a deletion. */
function withoutDeletion(state: ActiveWorkspace | DeletedWorkspace): Workspace {
  const { workspaceId, name, members, invitations } = state;
  return { workspaceId, name, members, invitations };
}
