import { Forbidden, NotFound, RuleViolation, ValidationFailed } from '../errors';
import { metadataOf } from '../events/event';
import type { WorkspacePermission } from '../events/values';
import type { WorkspaceEvent } from '../events/workspace.events';
import { unhandled, type Command, type Decider } from './command';
import { retentionEndsAt, retentionIsOver } from './deletedRetention';
import { sameEmail, type CommandEmail, type EmailProbe } from './emails';
import {
  foldWorkspace,
  initialWorkspaceState,
  WORKSPACE_STATE_FORMAT,
  permissionOf,
  type ActiveWorkspace,
  type DeletedWorkspace,
  type Invitation,
  type Member,
  type WorkspaceState,
} from './workspace.state';

// The state lives in workspace.state.ts; those who decide on it import it from here too.
export { permissionOf, recordedPermissionOf, type Invitation, type Member, type WorkspaceState } from './workspace.state';

/** The handler seals the emails (DESIGN §8): commands carry them sealed, with their blind index. */
export type CreateWorkspace = Command<'CreateWorkspace', { workspaceId: string; name: string; creatorEmail: CommandEmail | null }>;
export type InviteMember = Command<
  'InviteMember',
  { invitationId: string; email: CommandEmail; permission: WorkspacePermission; external: boolean }
>;
export type RevokeInvitation = Command<'RevokeInvitation', { invitationId: string }>;
/** `email` is the accepting user's, from their token, sealed under their key; it must match the invitation's. */
export type AcceptInvitation = Command<'AcceptInvitation', { invitationId: string; email: CommandEmail }>;
export type ChangeMemberPermission = Command<'ChangeMemberPermission', { userId: string; permission: WorkspacePermission }>;
export type RemoveMember = Command<'RemoveMember', { userId: string }>;
/** `confirm` must be the workspace's name, exactly: deleting is not a click away. */
export type DeleteWorkspace = Command<'DeleteWorkspace', { confirm: string }>;
/** DELETED_RETENTION_DAYS, from the configuration (0: for ever). */
export type UndeleteWorkspace = Command<'UndeleteWorkspace', { retentionDays: number }>;
/**
 * The actor leaves. `forErasure`: they are being erased (DESIGN §9), so they leave a deleted
 * workspace too, lest an undelete bring them back, even as its last admin.
 */
export type LeaveWorkspace = Command<'LeaveWorkspace', { forErasure: boolean }>;

export type WorkspaceCommand =
  | CreateWorkspace
  | InviteMember
  | RevokeInvitation
  | AcceptInvitation
  | ChangeMemberPermission
  | RemoveMember
  | DeleteWorkspace
  | UndeleteWorkspace
  | LeaveWorkspace;



/** Non-members learn nothing about the workspace, not even that it exists. */
export function requireMember(state: WorkspaceState, userId: string): ActiveWorkspace & { permission: WorkspacePermission } {
  const permission = permissionOf(state, userId);
  if (state.status !== 'active' || permission === null) throw new NotFound('Workspace not found', 'workspace_not_found');
  return { ...state, permission };
}

function requireAdmin(state: WorkspaceState, userId: string): ActiveWorkspace {
  const member = requireMember(state, userId);
  if (member.permission !== 'admin') throw new Forbidden('Only workspace admins can manage members');
  return member;
}

/**
 * The refusals of an invitation, exported so the handler refuses before it seals the email (and
 * makes a key for someone nobody may invite): only admins invite, and never a member or someone
 * already invited. Errors do not name the email.
 */
export function requireInvitable(state: WorkspaceState, actor: string, email: EmailProbe): ActiveWorkspace {
  const ws = requireAdmin(state, actor);
  if ([...ws.members.values()].some((m) => sameEmail(m.email, email))) {
    throw new RuleViolation('already_member', 'The invitee is already a member');
  }
  if ([...ws.invitations.values()].some((i) => sameEmail(i.email, email))) {
    throw new RuleViolation('already_invited', 'The invitee already has a pending invitation');
  }
  if (ws.invitations.size >= MAX_PENDING_INVITATIONS) {
    throw new RuleViolation('too_many_invitations', `A workspace holds at most ${MAX_PENDING_INVITATIONS} pending invitations; revoke some first`);
  }
  if (ws.invitationsEver >= MAX_INVITATIONS_EVER) {
    throw new RuleViolation('too_many_invitations_ever', `A workspace makes at most ${MAX_INVITATIONS_EVER} invitations over its life, revoked and accepted ones included`);
  }
  requireRoomForMember(ws);
  return ws;
}

/**
 * Members a workspace holds at most. Each is folded into every load of the workspace, and listed,
 * email opened, in every answer of its members (~200 ms at 10,000 here): without a bound, a
 * workspace whose admin invites without end makes both grow without end.
 */
export const MAX_MEMBERS = 10_000;

function requireRoomForMember(ws: ActiveWorkspace): void {
  if (ws.members.size >= MAX_MEMBERS) throw new RuleViolation('too_many_members', `A workspace holds at most ${MAX_MEMBERS} members; remove some first`);
}

/**
 * Pending invitations a workspace holds at most. Each is kept, folded into every load of the
 * workspace and listed with its members until accepted or revoked: without a bound, an admin
 * inviting without end would make both grow without end.
 */
export const MAX_PENDING_INVITATIONS = 1000;

/**
 * Invitations a workspace makes over its life. Time travel keeps every one, revoked and accepted
 * ones too, and `GET …/members?asOf=` seeks each in one statement (29–44 ms at 20,000 here,
 * 174–186 ms at 50,000), with each member ever besides (at most one an invitation): without a
 * bound, an admin inviting and revoking without end (~3,000 a minute on the settings budget)
 * would make that answer hold the process for seconds within a day.
 */
export const MAX_INVITATIONS_EVER = 50_000;

function requireTarget(state: ActiveWorkspace, userId: string): Member {
  const member = state.members.get(userId);
  if (!member) throw new NotFound(`Member ${userId} not found`, 'member_not_found');
  return member;
}

/** Those who may undelete a deleted workspace are its admins at the moment of the deletion; to anyone else it does not exist. */
function requireFormerAdmin(state: DeletedWorkspace, userId: string): DeletedWorkspace {
  if (state.members.get(userId)?.permission !== 'admin') throw new NotFound('Workspace not found', 'workspace_not_found');
  return state;
}

/** The workspace a member leaves: an active one, or (erasure) a deleted one they were a member of. */
function requireLeavable(state: WorkspaceState, userId: string, forErasure: boolean): ActiveWorkspace | DeletedWorkspace {
  if (forErasure && state.status === 'deleted' && state.members.has(userId)) return state;
  return requireMember(state, userId);
}

function isLastAdmin(state: ActiveWorkspace | DeletedWorkspace, member: Member): boolean {
  if (member.permission !== 'admin') return false;
  return [...state.members.values()].filter((m) => m.permission === 'admin').length === 1;
}

/** The invitation `actor` may accept with that email, refused otherwise; exported, like requireInvitable, to refuse before sealing. */
export function requireAcceptable(state: WorkspaceState, invitationId: string, actor: string, email: EmailProbe): Invitation {
  const invitation = state.status === 'active' ? state.invitations.get(invitationId) : undefined;
  // Someone else's invitation is as invisible as a missing one.
  if (state.status !== 'active' || !invitation || !sameEmail(invitation.email, email)) {
    throw new NotFound('Invitation not found', 'invitation_not_found');
  }
  if (state.members.has(actor)) throw new RuleViolation('already_member', 'You are already a member of this workspace');
  requireRoomForMember(state);
  return invitation;
}

function decide(command: WorkspaceCommand, state: WorkspaceState): WorkspaceEvent[] {
  const metadata = metadataOf(command.context);
  const actor = command.context.actor;
  switch (command.type) {
    case 'CreateWorkspace': {
      if (state.status !== 'none') throw new RuleViolation('workspace_exists', 'The workspace already exists');
      const { workspaceId, name, creatorEmail } = command.data;
      const creator = creatorEmail ? { userId: actor, email: creatorEmail.sealed, emailIndex: creatorEmail.index } : { userId: actor, email: null };
      return [{ type: 'WorkspaceCreated', data: { workspaceId, name, creator }, metadata }];
    }
    case 'InviteMember': {
      const { invitationId, email, permission, external } = command.data;
      requireInvitable(state, actor, email);
      return [{ type: 'MemberInvited', data: { invitationId, email: email.sealed, emailIndex: email.index, permission, external }, metadata }];
    }
    case 'RevokeInvitation': {
      const ws = requireAdmin(state, actor);
      if (!ws.invitations.has(command.data.invitationId)) throw new NotFound('Invitation not found', 'invitation_not_found');
      return [{ type: 'InvitationRevoked', data: { invitationId: command.data.invitationId }, metadata }];
    }
    case 'AcceptInvitation': {
      const { email } = command.data;
      const { invitationId, permission, external } = requireAcceptable(state, command.data.invitationId, actor, email);
      // The same email as invited (the indexes match), now sealed under the member's own key.
      return [{ type: 'InvitationAccepted', data: { invitationId, userId: actor, email: email.sealed, emailIndex: email.index, permission, external }, metadata }];
    }
    case 'ChangeMemberPermission': {
      const ws = requireAdmin(state, actor);
      const member = requireTarget(ws, command.data.userId);
      if (member.permission === command.data.permission) return [];
      if (isLastAdmin(ws, member)) throw new RuleViolation('last_admin', 'The last admin of a workspace cannot be demoted');
      return [{ type: 'MemberPermissionChanged', data: command.data, metadata }];
    }
    case 'RemoveMember': {
      const ws = requireAdmin(state, actor);
      const member = requireTarget(ws, command.data.userId);
      if (isLastAdmin(ws, member)) throw new RuleViolation('last_admin', 'The last admin of a workspace cannot be removed');
      return [{ type: 'MemberRemoved', data: command.data, metadata }];
    }
    case 'DeleteWorkspace': {
      const ws = requireAdmin(state, actor);
      if (command.data.confirm !== ws.name) {
        throw new ValidationFailed('The confirmation is not the name of the workspace', [{ field: 'confirm', message: "must be the workspace's name, exactly" }]);
      }
      return [{ type: 'WorkspaceDeleted', data: {}, metadata }];
    }
    case 'UndeleteWorkspace': {
      if (state.status !== 'deleted') {
        requireAdmin(state, actor);
        throw new RuleViolation('workspace_not_deleted', 'The workspace is not deleted');
      }
      const ws = requireFormerAdmin(state, actor);
      const { retentionDays } = command.data;
      if (retentionIsOver(ws.deletedAt, retentionDays, command.context.at)) {
        const retentionEndedAt = retentionEndsAt(ws.deletedAt, retentionDays);
        throw new RuleViolation('retention_expired', `The workspace was deleted more than ${retentionDays} days ago and can no longer be undeleted`, {
          deletedAt: ws.deletedAt,
          retentionEndedAt,
        });
      }
      return [{ type: 'WorkspaceUndeleted', data: {}, metadata }];
    }
    case 'LeaveWorkspace': {
      const ws = requireLeavable(state, actor, command.data.forErasure);
      // A deleted workspace's last admin who is being erased leaves it with nobody to undelete it.
      if (ws.status === 'active' && isLastAdmin(ws, ws.members.get(actor)!)) {
        throw new RuleViolation('last_admin', 'The last admin of a workspace cannot leave it: make another member admin, or delete the workspace');
      }
      return [{ type: 'MemberLeft', data: { userId: actor }, metadata }];
    }
    default:
      return unhandled(command);
  }
}

export const workspaceDecider: Decider<WorkspaceState, WorkspaceCommand, WorkspaceEvent> = {
  initialState: initialWorkspaceState,
  fold: foldWorkspace,
  stateFormat: WORKSPACE_STATE_FORMAT,
  decide,
};
