import { streamIds } from '../events/streams';
import type { ReadStore } from '../stores/readStore.port';
import type { ViewCache } from './viewCache';
import {
  viewIds,
  type AuditDoc,
  type HistoryDoc,
  type InvitationDoc,
  type MemberDoc,
  type SecretDoc,
  type ViewDocs,
  type WorkspaceDoc,
} from './views';

export type SecretsListing = Readonly<{ revision: number; secrets: readonly SecretDoc[] }>;

export type AuditFilters = Readonly<{ from?: string; to?: string; actor?: string; key?: string; type?: string }>;

/**
 * Queries over the views. Point lookups on the hot paths (membership, single secrets) go
 * through the position-tagged cache; lists read the store.
 */
export class Views {
  constructor(
    private readonly store: Pick<ReadStore<ViewDocs>, 'get' | 'find' | 'page'>,
    private readonly cache: ViewCache,
  ) {}

  workspace(workspaceId: string): Promise<WorkspaceDoc | null> {
    return this.cache.get('workspaces', workspaceId);
  }

  /** The user's membership, null unless they are an active member. */
  member(workspaceId: string, userId: string): Promise<MemberDoc | null> {
    return this.cache.get('members', viewIds.member(workspaceId, userId));
  }

  workspaceSecret(workspaceId: string, key: string): Promise<SecretDoc | null> {
    return this.cache.get('workspaceSecrets', viewIds.secret(workspaceId, key));
  }

  personalSecret(userId: string, key: string): Promise<SecretDoc | null> {
    return this.cache.get('personalSecrets', viewIds.secret(userId, key));
  }

  async workspacesOf(userId: string): Promise<Array<{ workspace: WorkspaceDoc; member: MemberDoc }>> {
    const memberships = await this.store.find('members', 'userId', userId);
    const result: Array<{ workspace: WorkspaceDoc; member: MemberDoc }> = [];
    for (const { doc: member } of memberships) {
      const workspace = await this.workspace(member.workspaceId);
      if (workspace) result.push({ workspace, member });
    }
    return result;
  }

  async membersOf(workspaceId: string): Promise<MemberDoc[]> {
    return (await this.store.find('members', 'workspaceId', workspaceId)).map((f) => f.doc);
  }

  async invitationsOf(workspaceId: string): Promise<InvitationDoc[]> {
    return (await this.store.find('invitations', 'workspaceId', workspaceId)).map((f) => f.doc);
  }

  async invitationsFor(email: string): Promise<InvitationDoc[]> {
    return (await this.store.find('invitations', 'email', email.toLowerCase())).map((f) => f.doc);
  }

  async invitation(invitationId: string): Promise<InvitationDoc | null> {
    return (await this.store.get('invitations', invitationId))?.doc ?? null;
  }

  /** A secrets scope's revision (its ETag) as far as the views have applied it. */
  async scopeRevision(streamId: string): Promise<number> {
    return (await this.store.get('scopes', streamId))?.doc?.revision ?? 0;
  }

  workspaceSecrets(workspaceId: string): Promise<SecretsListing> {
    return this.listing('workspaceSecrets', streamIds.workspaceSecrets(workspaceId), workspaceId);
  }

  personalSecrets(userId: string): Promise<SecretsListing> {
    return this.listing('personalSecrets', streamIds.personalSecrets(userId), userId);
  }

  /** Audit rows of one owner (`workspace:<id>` or `user:<id>`), in log order, after a position. */
  async auditPage(owner: string, filters: AuditFilters, afterPosition: string | undefined, limit: number): Promise<AuditDoc[]> {
    const where: { -readonly [F in keyof AuditDoc]?: string } = { owner };
    if (filters.actor !== undefined) where.actor = filters.actor;
    if (filters.key !== undefined) where.key = filters.key;
    if (filters.type !== undefined) where.type = filters.type;
    const found = await this.store.page('audit', {
      where,
      range: { field: 'at', min: filters.from, max: filters.to },
      afterId: afterPosition === undefined ? undefined : viewIds.audit(afterPosition),
      limit,
    });
    return found.map((f) => f.doc);
  }

  /** Every version of one secret, oldest first (deleted and re-set ones included). */
  async history(owner: string, key: string): Promise<HistoryDoc[]> {
    const found = await this.store.page('history', { where: { secret: viewIds.historyOf(owner, key) }, limit: 100_000 });
    return found.map((f) => f.doc);
  }

  /**
   * The revision is read before the list: if the projector commits in between, the list is
   * newer than the ETag and a save with that ETag gets a 412, never a silent lost update.
   */
  private async listing(collection: 'workspaceSecrets' | 'personalSecrets', streamId: string, ownerId: string) {
    const revision = await this.scopeRevision(streamId);
    const found = await this.store.find(collection, 'ownerId', ownerId);
    return { revision, secrets: found.map((f) => f.doc) };
  }
}
