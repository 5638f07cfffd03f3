import type { CommandEmail, KnownEmail } from '../../src/commands/emails';
import type { WorkspaceCommand } from '../../src/commands/workspace.decider';
import type { CommandContext, EventMetadata } from '../../src/events/event';
import type { SealedValue, WorkspacePermission } from '../../src/events/values';
import type { WorkspaceEvent } from '../../src/events/workspace.events';

/** The fixed clock of every decider spec. */
export const AT = '2025-03-14T09:26:53.000Z';

export const by = (actor: string): CommandContext => ({ actor, at: AT });
/** Written out, not built with the code under test's `metadataOf`. */
export const meta = (actor: string): EventMetadata => ({ actor, at: AT, schemaVersion: 1 });

export const WS = 'ws_1';

/**
 * An email as the handler seals it, built by hand: deciders never open it, so a recognisable
 * stand-in does. Like the real one it is of the lower-cased email, and its index (standing in
 * for the HMAC) is the same whatever the case.
 */
export const sealedAs = (email: string): SealedValue => ({ dataKeyId: 'sk_fixture', nonce: 'bm9uY2U=', ciphertext: `sealed:${email.toLowerCase()}` });
export const indexOf = (email: string): string => `ix_${email.toLowerCase()}`;
/** An email as a command brings it. */
export const commandEmail = (email: string): CommandEmail => ({ sealed: sealedAs(email), index: indexOf(email), lowercased: email.toLowerCase() });
/** How the state knows an email recorded sealed. */
export const knownAs = (email: string): KnownEmail => ({ index: indexOf(email) });

export const created = (creator = 'alice', email: string | null = 'alice@example.com'): WorkspaceEvent => ({
  type: 'WorkspaceCreated',
  data: { workspaceId: WS, name: 'Acme', creator: email === null ? { userId: creator, email } : { userId: creator, email: sealedAs(email), emailIndex: indexOf(email) } },
  metadata: meta(creator),
});

export const invited = (
  invitationId: string,
  email: string,
  permission: WorkspacePermission = 'write',
  external = false,
  actor = 'alice',
): WorkspaceEvent => ({ type: 'MemberInvited', data: { invitationId, email: sealedAs(email), emailIndex: indexOf(email), permission, external }, metadata: meta(actor) });

export const revoked = (invitationId: string, actor = 'alice'): WorkspaceEvent => ({
  type: 'InvitationRevoked',
  data: { invitationId },
  metadata: meta(actor),
});

export const accepted = (
  invitationId: string,
  userId: string,
  email: string,
  permission: WorkspacePermission = 'write',
  external = false,
): WorkspaceEvent => ({
  type: 'InvitationAccepted',
  data: { invitationId, userId, email: sealedAs(email), emailIndex: indexOf(email), permission, external },
  metadata: meta(userId),
});

/** The same events as written before emails were sealed: the lower-cased email itself, no index. */
export const legacy = {
  created: (creator = 'alice', email = 'alice@example.com'): WorkspaceEvent => ({
    type: 'WorkspaceCreated',
    data: { workspaceId: WS, name: 'Acme', creator: { userId: creator, email } },
    metadata: meta(creator),
  }),
  invited: (invitationId: string, email: string, permission: WorkspacePermission = 'write'): WorkspaceEvent => ({
    type: 'MemberInvited',
    data: { invitationId, email, permission, external: false },
    metadata: meta('alice'),
  }),
  accepted: (invitationId: string, userId: string, email: string, permission: WorkspacePermission = 'write'): WorkspaceEvent => ({
    type: 'InvitationAccepted',
    data: { invitationId, userId, email, permission, external: false },
    metadata: meta(userId),
  }),
};

export const permissionChanged = (userId: string, permission: WorkspacePermission, actor = 'alice'): WorkspaceEvent => ({
  type: 'MemberPermissionChanged',
  data: { userId, permission },
  metadata: meta(actor),
});

export const removed = (userId: string, actor = 'alice'): WorkspaceEvent => ({
  type: 'MemberRemoved',
  data: { userId },
  metadata: meta(actor),
});

/** A member who joined through an invitation: the two events it takes. */
export const joined = (userId: string, permission: WorkspacePermission, external = false): WorkspaceEvent[] => [
  invited(`inv_${userId}`, `${userId}@example.com`, permission, external),
  accepted(`inv_${userId}`, userId, `${userId}@example.com`, permission, external),
];

/** alice (admin, creator), bob (write), carol (read), and dave invited as write. */
export const team: WorkspaceEvent[] = [
  created(),
  ...joined('bob', 'write'),
  ...joined('carol', 'read'),
  invited('inv_dave', 'dave@example.com', 'write'),
];

export const createWorkspace = (actor: string, creatorEmail: string | null): WorkspaceCommand => ({
  type: 'CreateWorkspace',
  data: { workspaceId: WS, name: 'Acme', creatorEmail: creatorEmail === null ? null : commandEmail(creatorEmail) },
  context: by(actor),
});

export const invite = (
  actor: string,
  email: string,
  permission: WorkspacePermission = 'write',
  invitationId = 'inv_new',
  external = false,
): WorkspaceCommand => ({ type: 'InviteMember', data: { invitationId, email: commandEmail(email), permission, external }, context: by(actor) });

export const revoke = (actor: string, invitationId: string): WorkspaceCommand => ({
  type: 'RevokeInvitation',
  data: { invitationId },
  context: by(actor),
});

export const accept = (actor: string, invitationId: string, email: string): WorkspaceCommand => ({
  type: 'AcceptInvitation',
  data: { invitationId, email: commandEmail(email) },
  context: by(actor),
});

export const changePermission = (actor: string, userId: string, permission: WorkspacePermission): WorkspaceCommand => ({
  type: 'ChangeMemberPermission',
  data: { userId, permission },
  context: by(actor),
});

export const remove = (actor: string, userId: string): WorkspaceCommand => ({
  type: 'RemoveMember',
  data: { userId },
  context: by(actor),
});

/** A moment `days` (fractions allowed) after the fixed clock: how retention is tested. */
export const daysAfter = (days: number): string => new Date(Date.parse(AT) + days * 86_400_000).toISOString();

export const deleted = (actor = 'alice', at = AT): WorkspaceEvent => ({ type: 'WorkspaceDeleted', data: {}, metadata: { ...meta(actor), at } });

export const undeleted = (actor = 'alice', at = AT): WorkspaceEvent => ({ type: 'WorkspaceUndeleted', data: {}, metadata: { ...meta(actor), at } });

export const left = (userId: string): WorkspaceEvent => ({ type: 'MemberLeft', data: { userId }, metadata: meta(userId) });

export const deleteWorkspace = (actor: string, confirm = 'Acme'): WorkspaceCommand => ({
  type: 'DeleteWorkspace',
  data: { confirm },
  context: by(actor),
});

export const undeleteWorkspace = (actor: string, retentionDays = 30, at = AT): WorkspaceCommand => ({
  type: 'UndeleteWorkspace',
  data: { retentionDays },
  context: { actor, at },
});

export const leave = (actor: string, forErasure = false): WorkspaceCommand => ({
  type: 'LeaveWorkspace',
  data: { forErasure },
  context: by(actor),
});
