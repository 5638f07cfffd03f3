import { Forbidden, NotFound, RuleViolation } from '../errors';
import { metadataOf } from '../events/event';
import type { WorkspacePermission } from '../events/values';
import type { WorkspaceEvent } from '../events/workspace.events';
import { unhandled, type Command, type Decider } from './command';
import { withEntry, withoutEntry } from './maps';

export type Member = Readonly<{ userId: string; email: string | null; permission: WorkspacePermission; external: boolean }>;
export type Invitation = Readonly<{ invitationId: string; email: string; permission: WorkspacePermission; external: boolean }>;

export type WorkspaceState =
  | Readonly<{ status: 'none' }>
  | Readonly<{
      status: 'active';
      workspaceId: string;
      name: string;
      members: ReadonlyMap<string, Member>;
      invitations: ReadonlyMap<string, Invitation>;
    }>;

export type CreateWorkspace = Command<'CreateWorkspace', { workspaceId: string; name: string; creatorEmail: string | null }>;
export type InviteMember = Command<
  'InviteMember',
  { invitationId: string; email: string; permission: WorkspacePermission; external: boolean }
>;
export type RevokeInvitation = Command<'RevokeInvitation', { invitationId: string }>;
/** `email` is the accepting user's, from their token; it must match the invitation's. */
export type AcceptInvitation = Command<'AcceptInvitation', { invitationId: string; email: string }>;
export type ChangeMemberPermission = Command<'ChangeMemberPermission', { userId: string; permission: WorkspacePermission }>;
export type RemoveMember = Command<'RemoveMember', { userId: string }>;

export type WorkspaceCommand =
  | CreateWorkspace
  | InviteMember
  | RevokeInvitation
  | AcceptInvitation
  | ChangeMemberPermission
  | RemoveMember;

type Active = Extract<WorkspaceState, { status: 'active' }>;

const initialState: WorkspaceState = { status: 'none' };

/** The permission of an active member, null for anyone else (removed, invited, unknown). */
export function permissionOf(state: WorkspaceState, userId: string): WorkspacePermission | null {
  return state.status === 'active' ? (state.members.get(userId)?.permission ?? null) : null;
}

/** Non-members learn nothing about the workspace, not even that it exists. */
export function requireMember(state: WorkspaceState, userId: string): Active & { permission: WorkspacePermission } {
  const permission = permissionOf(state, userId);
  if (state.status !== 'active' || permission === null) throw new NotFound('Workspace not found', 'workspace_not_found');
  return { ...state, permission };
}

function requireAdmin(state: WorkspaceState, userId: string): Active {
  const member = requireMember(state, userId);
  if (member.permission !== 'admin') throw new Forbidden('Only workspace admins can manage members');
  return member;
}

function requireTarget(state: Active, userId: string): Member {
  const member = state.members.get(userId);
  if (!member) throw new NotFound(`Member ${userId} not found`, 'member_not_found');
  return member;
}

function isLastAdmin(state: Active, member: Member): boolean {
  if (member.permission !== 'admin') return false;
  return [...state.members.values()].filter((m) => m.permission === 'admin').length === 1;
}

function decide(command: WorkspaceCommand, state: WorkspaceState): WorkspaceEvent[] {
  const metadata = metadataOf(command.context);
  const actor = command.context.actor;
  switch (command.type) {
    case 'CreateWorkspace': {
      if (state.status !== 'none') throw new RuleViolation('workspace_exists', 'The workspace already exists');
      const { workspaceId, name, creatorEmail } = command.data;
      return [
        { type: 'WorkspaceCreated', data: { workspaceId, name, creator: { userId: actor, email: creatorEmail?.toLowerCase() ?? null } }, metadata },
      ];
    }
    case 'InviteMember': {
      const ws = requireAdmin(state, actor);
      const email = command.data.email.toLowerCase();
      if ([...ws.members.values()].some((m) => m.email === email)) {
        throw new RuleViolation('already_member', `${email} is already a member`);
      }
      if ([...ws.invitations.values()].some((i) => i.email === email)) {
        throw new RuleViolation('already_invited', `${email} already has a pending invitation`);
      }
      return [{ type: 'MemberInvited', data: { ...command.data, email }, metadata }];
    }
    case 'RevokeInvitation': {
      const ws = requireAdmin(state, actor);
      if (!ws.invitations.has(command.data.invitationId)) throw new NotFound('Invitation not found', 'invitation_not_found');
      return [{ type: 'InvitationRevoked', data: { invitationId: command.data.invitationId }, metadata }];
    }
    case 'AcceptInvitation': {
      const invitation = state.status === 'active' ? state.invitations.get(command.data.invitationId) : undefined;
      // Someone else's invitation is as invisible as a missing one.
      if (state.status !== 'active' || !invitation || invitation.email !== command.data.email.toLowerCase()) {
        throw new NotFound('Invitation not found', 'invitation_not_found');
      }
      if (state.members.has(actor)) throw new RuleViolation('already_member', 'You are already a member of this workspace');
      const { invitationId, email, permission, external } = invitation;
      return [{ type: 'InvitationAccepted', data: { invitationId, userId: actor, email, permission, external }, metadata }];
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
    default:
      return unhandled(command);
  }
}

function evolve(state: WorkspaceState, event: WorkspaceEvent): WorkspaceState {
  if (event.type === 'WorkspaceCreated') {
    const { workspaceId, name, creator } = event.data;
    return {
      status: 'active',
      workspaceId,
      name,
      members: new Map([[creator.userId, { userId: creator.userId, email: creator.email, permission: 'admin', external: false }]]),
      invitations: new Map(),
    };
  }
  if (state.status !== 'active') return state;
  switch (event.type) {
    case 'MemberInvited': {
      const { invitationId, email, permission, external } = event.data;
      return { ...state, invitations: withEntry(state.invitations, invitationId, { invitationId, email, permission, external }) };
    }
    case 'InvitationRevoked':
      return { ...state, invitations: withoutEntry(state.invitations, event.data.invitationId) };
    case 'InvitationAccepted': {
      const { invitationId, userId, email, permission, external } = event.data;
      return {
        ...state,
        invitations: withoutEntry(state.invitations, invitationId),
        members: withEntry(state.members, userId, { userId, email, permission, external }),
      };
    }
    case 'MemberPermissionChanged': {
      const member = state.members.get(event.data.userId);
      if (!member) return state;
      return { ...state, members: withEntry(state.members, member.userId, { ...member, permission: event.data.permission }) };
    }
    case 'MemberRemoved':
      return { ...state, members: withoutEntry(state.members, event.data.userId) };
  }
}

export const workspaceDecider: Decider<WorkspaceState, WorkspaceCommand, WorkspaceEvent> = {
  initialState,
  evolve,
  decide,
};
