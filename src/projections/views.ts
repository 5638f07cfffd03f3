import type { CollectionSpec } from '../stores/readStore.port';
import type { SealedValue, SecretRole, WorkspacePermission } from '../events/values';

/** The read model's collections and the fields each is queried by (indexed by every adapter). */
export const viewCollections = {
  workspaces: [],
  members: ['workspaceId', 'userId'],
  invitations: ['workspaceId', 'email'],
  workspaceSecrets: ['ownerId'],
  personalSecrets: ['ownerId'],
  scopes: [],
} as const satisfies CollectionSpec;

export type CollectionName = keyof typeof viewCollections;

export type WorkspaceDoc = Readonly<{ workspaceId: string; name: string; createdAt: string; createdBy: string }>;

export type MemberDoc = Readonly<{
  workspaceId: string;
  userId: string;
  email: string | null;
  permission: WorkspacePermission;
  external: boolean;
  joinedAt: string;
}>;

export type InvitationDoc = Readonly<{
  invitationId: string;
  workspaceId: string;
  email: string;
  permission: WorkspacePermission;
  external: boolean;
  invitedAt: string;
  invitedBy: string;
}>;

/** A live secret. Holds the sealed value for the resolver; queries never return it. */
export type SecretDoc = Readonly<{
  /** The workspace id (workspace secrets) or user id (personal secrets). */
  ownerId: string;
  key: string;
  version: number;
  value: SealedValue;
  fingerprint: string;
  displayName: string | null;
  description: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** Explicit roles, as a list: user ids come from tokens and must never become object keys. */
  members: readonly { userId: string; role: SecretRole }[];
}>;

/** The revision of one secrets stream (its ETag), as far as the views have applied it. */
export type ScopeDoc = Readonly<{ revision: number }>;

export const viewIds = {
  member: (workspaceId: string, userId: string) => `${workspaceId}/${userId}`,
  /** Keys never contain `/`, so `<owner>/<key>` is unambiguous whatever the owner id holds. */
  secret: (ownerId: string, key: string) => `${ownerId}/${key}`,
} as const;
