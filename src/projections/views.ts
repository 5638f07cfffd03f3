import { positionOfStored, sortablePosition } from '../stores/position';
import type { CollectionSpec, HistorySpec, ListSpec } from '../stores/readStore.port';
import type { RequestContext } from '../events/event';
import type { EventType } from '../events/streams';
import type { Forgettable, SealedValue, SecretRole, WorkspacePermission } from '../events/values';
import { owners } from './owners';

/**
 * The view documents hold personal data (emails, addresses, display names, descriptions) as the
 * events do: sealed (`Forgettable`; plain only where an event written before sealing had it so).
 * The queries open it on the way out (PersonalDataReader), `[erased]` once its key is destroyed.
 */

export type WorkspaceDoc = Readonly<{
  workspaceId: string;
  name: string;
  createdAt: string;
  createdBy: string;
  /** When and by whom it was deleted; null while it is not (DESIGN §9). */
  deletedAt: string | null;
  deletedBy: string | null;
}>;

export type MemberDoc = Readonly<{
  workspaceId: string;
  userId: string;
  email: Forgettable | null;
  permission: WorkspacePermission;
  external: boolean;
  joinedAt: string;
}>;

export type InvitationDoc = Readonly<{
  invitationId: string;
  workspaceId: string;
  email: Forgettable;
  /** The blind index of the email, what "my invitations" are looked up by; null for an invitation recorded before emails were sealed (found by its plain `email`). */
  emailIndex: string | null;
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
  /** Sealed under the secret's data key. */
  displayName: Forgettable | null;
  description: Forgettable | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** Explicit roles, as a list: user ids come from tokens and must never become object keys. */
  members: readonly { userId: string; role: SecretRole }[];
  /**
   * The version whose value this version set again (a rollback), as its SecretSet said; null
   * otherwise, and after a restore (the history reads it from the version's first state).
   */
  rollbackOf: number | null;
}>;

/**
 * The revision of one stream of a workspace or a user (a secrets stream's is its ETag), as far
 * as the views have applied it. Its history says where a scope stood at any moment (time travel).
 */
export type ScopeDoc = Readonly<{ revision: number }>;

/**
 * One row per event of every stream: who did what, when, to which key and version, with the
 * value's fingerprint; never a ciphertext or a plaintext. Ids sort in log order.
 */
export type AuditDoc = Readonly<{
  position: string;
  /** `workspace:<id>` for a workspace's streams, `user:<id>` for a user's personal ones. */
  owner: string;
  /** Whose the row is: a workspace's, or a user's personal secrets' (an auditor reads only the first). */
  scope: 'workspace' | 'user';
  stream: string;
  type: EventType;
  actor: string;
  at: string;
  key: string | null;
  version: number | null;
  fingerprint: string | null;
  /** The member, permission or role a membership or sharing event is about. */
  subject: Readonly<{ userId?: string; email?: Forgettable | null; permission?: string; role?: string; external?: boolean }> | null;
  /** Detail changes (sealed, as the event has them) and fingerprint checks: what changed or matched, never a value. */
  detail: Readonly<Record<string, unknown>> | null;
  /** The workflow run a resolution was for, when the executor named one. */
  runId: string | null;
  /** Every key the event is about (its secret's, or each a resolution used or missed): what a query by key finds it by. */
  keys: readonly string[];
  /** The request that caused the event: our id, the client's, and the addresses (sealed). */
  request: Readonly<RequestContext> | null;
}>;

/**
 * One version of a secret as it was set: who set it, when, its fingerprint, its envelope (never
 * shown; what a reveal of that version or a rollback opens) and whether its lifetime was
 * destroyed. Read from the secret's time-travel history (its state when the version was set) and
 * the destroyed data keys: not a view of its own, which kept a second copy of every envelope.
 */
export type SecretVersion = Readonly<{
  version: number;
  at: string;
  actor: string;
  fingerprint: string;
  dataKeyId: string;
  value: SealedValue;
  destroyed: boolean;
  /** The version whose value this one set again (a rollback). */
  rollbackOf: number | null;
}>;

/** A version as a page of them shows it: all but its envelope (read only for one version: a reveal, a rollback). */
export type ListedVersion = Omit<SecretVersion, 'value'>;

/**
 * A key's lifetimes that are not destroyed yet, seen from their end (DESIGN §9): its last one,
 * restorable once deleted (`deletedAt` is '' while the key is live; `lastVersion` is the one its
 * deletion names, or, for events recorded before deletions named it, the last one set), and the
 * earlier ones that ended in a deletion
 * and were replaced by setting the key again. The retention sweeper destroys both kinds once
 * they ended long enough ago (`endedOldest` is the earliest end among `ended`, or '').
 */
export type DeletedSecretDoc = Readonly<{
  /** `workspace:<id>` or `user:<id>`. */
  owner: string;
  key: string;
  lastVersion: number;
  dataKeyId: string;
  deletedAt: string;
  deletedBy: string;
  ended: ReadonlyArray<{ dataKeyId: string; deletedAt: string }>;
  endedOldest: string;
}>;

/** A data key a destroy named (by id): it must not be in the key store, whatever a backup brought back. */
export type DestroyedKeyDoc = Readonly<{ at: string }>;

/** The read model: each view collection and the type of its documents. */
export type ViewDocs = {
  workspaces: WorkspaceDoc;
  members: MemberDoc;
  invitations: InvitationDoc;
  workspaceSecrets: SecretDoc;
  personalSecrets: SecretDoc;
  scopes: ScopeDoc;
  audit: AuditDoc;
  deletedSecrets: DeletedSecretDoc;
  destroyedKeys: DestroyedKeyDoc;
};

export type CollectionName = keyof ViewDocs;

/** A document of any view collection. */
export type ViewDoc = ViewDocs[CollectionName];

/**
 * The fields each collection is queried by (indexed by every adapter). The wiring hands it to
 * the stores; its type names every collection and only fields its documents have.
 */
export const viewCollections: CollectionSpec<ViewDocs> = {
  /** `deletedAt`: the deleted workspaces whose retention is over (`Views.workspacesDeletedBefore`). */
  workspaces: ['deletedAt'],
  members: ['workspaceId', 'userId'],
  /** `email` finds the invitations recorded before emails were sealed (a sealed one is no string, so it matches none). */
  invitations: ['workspaceId', 'emailIndex', 'email'],
  workspaceSecrets: ['ownerId'],
  personalSecrets: ['ownerId'],
  scopes: [],
  /** A pruning of a record stream finds its rows through `owner` (DESIGN §7, `auditRemovals`). */
  audit: ['owner', 'scope', 'runId', 'keys'],
  deletedSecrets: ['owner', 'deletedAt', 'endedOldest'],
  destroyedKeys: [],
};

/**
 * The queried fields that hold lists: an audit row is matched by any key it is about, among the
 * rows of the workspaces (or user) asked for, one small entry per key (a resolution of five keys
 * makes one document, not six).
 */
export const viewLists: ListSpec<ViewDocs> = {
  audit: ['keys'],
};

/**
 * The views that keep every version of their documents, for time travel (DESIGN §9), with the
 * field that names each document's scope: the secrets of a workspace or a user, the members and
 * invitations of a workspace, and where each scope's stream stood (read by stream id). A secret
 * numbers its versions: its history (`Views.historyPage`) is read from these by that number.
 */
export const viewHistory: HistorySpec<ViewDocs> = {
  workspaceSecrets: { scope: 'ownerId', version: 'version' },
  personalSecrets: { scope: 'ownerId', version: 'version' },
  members: { scope: 'workspaceId' },
  invitations: { scope: 'workspaceId' },
  /** Where each scope's stream stood at an instant: the one view asked by instant (PastViews). */
  scopes: { scope: null, byInstant: true },
};

/** Whether a collection keeps history: each write to it is a version as well as its document. */
export function keepsHistory(collection: CollectionName): boolean {
  return Object.hasOwn(viewHistory, collection);
}

function isCollectionName(name: string): name is CollectionName {
  return Object.hasOwn(viewCollections, name);
}

/** Every view collection, for code that visits them all (rebuild comparisons, tests). */
export const collectionNames: readonly CollectionName[] = Object.keys(viewCollections).filter(isCollectionName);

export const viewIds = {
  member: (workspaceId: string, userId: string) => `${workspaceId}/${userId}`,
  /** Keys never contain `/`, so `<owner>/<key>` is unambiguous whatever the owner id holds. */
  secret: (ownerId: string, key: string) => `${ownerId}/${key}`,
  /** Sortable (`sortablePosition`): audit rows sort in log order by id. */
  audit: (position: string) => sortablePosition(position),
  /** The position an audit row's id stands for. */
  auditPosition: (id: string) => positionOfStored(id),
} as const;

const personalCategories = new Set(['personalSecrets', 'personalSecretAccess', 'personalRecords']);

/** Whose a stream's events are: a workspace's, or a user's personal secrets'. */
export function auditScope(category: string): 'workspace' | 'user' {
  return personalCategories.has(category) ? 'user' : 'workspace';
}

/** The audit owner of a stream's events: a workspace or a user. */
export function auditOwner(category: string, ownerId: string): string {
  return auditScope(category) === 'user' ? owners.user(ownerId) : owners.workspace(ownerId);
}
