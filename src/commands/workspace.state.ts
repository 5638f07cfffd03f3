import type { WorkspacePermission } from '../events/values';
import type { WorkspaceEvent } from '../events/workspace.events';
import { knownEmail, type KnownEmail } from './emails';
import { MapDrafts } from './maps';

/** Emails are known by blind index (or, from events written before emails were sealed, as they were): see emails.ts. */
/** `joinedAt`: when their current membership began (a restore gives back only the roles of members since before the deletion). */
export type Member = Readonly<{ userId: string; email: KnownEmail | null; permission: WorkspacePermission; external: boolean; joinedAt: string }>;
export type Invitation = Readonly<{ invitationId: string; email: KnownEmail | null; permission: WorkspacePermission; external: boolean }>;

type Workspace = Readonly<{
  workspaceId: string;
  name: string;
  members: ReadonlyMap<string, Member>;
  invitations: ReadonlyMap<string, Invitation>;
  /** Invitations ever made, accepted and revoked ones included: time travel keeps them all. */
  invitationsEver: number;
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

/**
 * What `foldWorkspace` makes, for snapshots: name a new one whenever the fold keeps something else
 * for the same events (test/commands/stateFormats.unit.spec.ts fails on any change to the files
 * the fold lives in until its record is brought up to date).
 */
export const WORKSPACE_STATE_FORMAT = 'workspace/1';

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

type ExistingWorkspace = ActiveWorkspace | DeletedWorkspace;

/**
 * Folds events of a `workspace-` stream. Each map (members, pending invitations) is copied once
 * per fold, not once per event (see MapDrafts): a workspace of 10,000 members took 11 s to load,
 * its map copied at each of the 20,000 events that brought them in.
 */
export function foldWorkspace(state: WorkspaceState, events: readonly WorkspaceEvent[]): WorkspaceState {
  if (events.length === 0) return state;
  let drafts = state.status === 'none' ? null : new MapDrafts<ExistingWorkspace>(state);
  for (const event of events) {
    if (event.type === 'WorkspaceCreated') drafts = new MapDrafts<ExistingWorkspace>(created(event));
    // Events before the workspace was created change nothing.
    else if (drafts) apply(drafts, event);
  }
  return drafts?.state ?? state;
}

function created(event: Extract<WorkspaceEvent, { type: 'WorkspaceCreated' }>): ActiveWorkspace {
  const { workspaceId, name, creator } = event.data;
  const joinedAt = event.metadata.at;
  return {
    status: 'active',
    workspaceId,
    name,
    members: new Map([[creator.userId, { userId: creator.userId, email: knownEmail(creator.email, creator.emailIndex), permission: 'admin', external: false, joinedAt }]]),
    invitations: new Map(),
    invitationsEver: 0,
  };
}

function apply(drafts: MapDrafts<ExistingWorkspace>, event: Exclude<WorkspaceEvent, { type: 'WorkspaceCreated' }>): void {
  const state = drafts.state;
  switch (event.type) {
    case 'MemberInvited': {
      const { invitationId, email, emailIndex, permission, external } = event.data;
      drafts.mutable('invitations').set(invitationId, { invitationId, email: knownEmail(email, emailIndex), permission, external });
      drafts.assign('invitationsEver', state.invitationsEver + 1);
      return;
    }
    case 'InvitationRevoked':
      if (state.invitations.has(event.data.invitationId)) drafts.mutable('invitations').delete(event.data.invitationId);
      return;
    case 'InvitationAccepted': {
      const { invitationId, userId, email, emailIndex, permission, external } = event.data;
      if (state.invitations.has(invitationId)) drafts.mutable('invitations').delete(invitationId);
      drafts.mutable('members').set(userId, { userId, email: knownEmail(email, emailIndex), permission, external, joinedAt: event.metadata.at });
      return;
    }
    case 'MemberPermissionChanged': {
      const member = state.members.get(event.data.userId);
      if (member) drafts.mutable('members').set(member.userId, { ...member, permission: event.data.permission });
      return;
    }
    case 'MemberRemoved':
    case 'MemberLeft':
      if (state.members.has(event.data.userId)) drafts.mutable('members').delete(event.data.userId);
      return;
    case 'WorkspaceDeleted':
      drafts.replace({ ...withoutDeletion(state), status: 'deleted', deletedAt: event.metadata.at, deletedBy: event.metadata.actor });
      return;
    case 'WorkspaceUndeleted':
      drafts.replace({ ...withoutDeletion(state), status: 'active' });
      return;
  }
}

/** The workspace itself, without its status and the marks of a deletion. */
function withoutDeletion(state: ActiveWorkspace | DeletedWorkspace): Workspace {
  const { workspaceId, name, members, invitations, invitationsEver } = state;
  return { workspaceId, name, members, invitations, invitationsEver };
}
