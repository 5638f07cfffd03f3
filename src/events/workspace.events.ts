import { z } from 'zod';
import { eventSchema } from './event';
import { forgettableSchema, workspacePermissionSchema } from './values';

/**
 * Emails are personal data (DESIGN §8): `email` is sealed under the subject's key — the user's
 * when the user id is known (creator, acceptance), the invitee's email's otherwise — with
 * `emailIndex` beside it, the blind index deciders compare and the invitations view is looked up
 * by. Events written before hold the lower-cased email itself, and no index.
 */
const emailIndex = z.string().optional();

/** Events of the `workspace-<workspaceId>` stream: the workspace and its membership. */
export const workspaceCreated = eventSchema('WorkspaceCreated', {
  workspaceId: z.string(),
  name: z.string(),
  /** A service may create a workspace; it has no email. */
  creator: z.object({ userId: z.string(), email: forgettableSchema.nullable(), emailIndex }),
});
export const memberInvited = eventSchema('MemberInvited', {
  invitationId: z.string(),
  email: forgettableSchema,
  emailIndex,
  permission: workspacePermissionSchema,
  external: z.boolean(),
});
export const invitationRevoked = eventSchema('InvitationRevoked', { invitationId: z.string() });
export const invitationAccepted = eventSchema('InvitationAccepted', {
  invitationId: z.string(),
  userId: z.string(),
  email: forgettableSchema,
  emailIndex,
  permission: workspacePermissionSchema,
  external: z.boolean(),
});
export const memberPermissionChanged = eventSchema('MemberPermissionChanged', {
  userId: z.string(),
  permission: workspacePermissionSchema,
});
export const memberRemoved = eventSchema('MemberRemoved', { userId: z.string() });
/** The member left of their own accord (the actor is the member), or on the way to their erasure. */
export const memberLeft = eventSchema('MemberLeft', { userId: z.string() });
/**
 * Access for every member ends (DESIGN §9); members, invitations and secrets are kept, so an
 * admin of the moment can undelete it until DELETED_RETENTION_DAYS after this event's `at`.
 */
export const workspaceDeleted = eventSchema('WorkspaceDeleted', {});
/** Everything is as it was before the deletion. */
export const workspaceUndeleted = eventSchema('WorkspaceUndeleted', {});

export const workspaceEventSchema = z.discriminatedUnion('type', [
  workspaceCreated,
  memberInvited,
  invitationRevoked,
  invitationAccepted,
  memberPermissionChanged,
  memberRemoved,
  memberLeft,
  workspaceDeleted,
  workspaceUndeleted,
]);

export type WorkspaceCreated = z.infer<typeof workspaceCreated>;
export type MemberInvited = z.infer<typeof memberInvited>;
export type InvitationRevoked = z.infer<typeof invitationRevoked>;
export type InvitationAccepted = z.infer<typeof invitationAccepted>;
export type MemberPermissionChanged = z.infer<typeof memberPermissionChanged>;
export type MemberRemoved = z.infer<typeof memberRemoved>;
export type MemberLeft = z.infer<typeof memberLeft>;
export type WorkspaceDeleted = z.infer<typeof workspaceDeleted>;
export type WorkspaceUndeleted = z.infer<typeof workspaceUndeleted>;
export type WorkspaceEvent = z.infer<typeof workspaceEventSchema>;
