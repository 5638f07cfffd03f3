import { setImmediate } from 'node:timers/promises';
import { isBudgetRefusal } from '../errors';
import { streamIds } from '../events/streams';
import type { PersonalData } from '../crypto/personalData';
import { boundedPage, type FieldOf, type ScanBound, type Found, type PageQuery, type ReadStore, type Thinned, type VersionsQuery } from '../stores/readStore.port';
import type { PersonalDataReader, ShownAuditDoc, ShownInvitation, ShownMember, ShownSecret } from './personalDataReader';
import { owners } from './owners';
import type { ViewCache } from './viewCache';
import {
  viewIds,
  type AuditDoc,
  type DeletedSecretDoc,
  type InvitationDoc,
  type MemberDoc,
  type SecretDoc,
  type ListedVersion,
  type SecretVersion,
  type CollectionName,
  type ViewDocs,
  type WorkspaceDoc,
} from './views';

/** The views whose documents the hot paths read one at a time, through the cache. */
export const CACHED_VIEWS: readonly CollectionName[] = ['workspaces', 'members', 'workspaceSecrets', 'personalSecrets'];

export type SecretsListing = Readonly<{ revision: number; secrets: readonly SecretDoc[] }>;

/** What an audit query keeps: a time range (UTC ISO text), an actor, a key (any key a row names), event types, a run. */
export type AuditFilters = Readonly<{ from?: string; to?: string; actor?: string; key?: string; types?: readonly string[]; runId?: string }>;

/** Whose audit rows: some owners (`workspace:<id>`, `user:<id>`), or every workspace's. */
export type AuditOwners = Readonly<{ owners: readonly string[] }> | Readonly<{ scope: 'workspace' }>;

/** Which way a page goes: log or version order, or newest first. */
export type PageOrder = 'asc' | 'desc';

/**
 * About this many audit rows, at most, are examined for one page: the rows of the workspace or
 * user asked for, or of every workspace for a token without a `ws` claim. Several workspaces share
 * it equally, so one busy workspace among many quiet ones gets a small share a page: more round
 * trips, never a longer hold. A filter that matches few of the rows (an actor, a type, a key, a
 * run in a workspace with millions of records) would otherwise make one query read them all while
 * the process waits (~0.6 µs a row in SQLite, `npm run bench:auditscan`). Such a page may hold
 * fewer entries than asked, even none, and still say where to go on. `from` and `to` do not
 * narrow the rows examined: the audit rows are not indexed by time.
 */
export const AUDIT_SCAN_ROWS = 20_000;

/**
 * The audit rows a page examines in one statement, the process serving others between two: a
 * page's hold of ~21–24 ms at AUDIT_SCAN_ROWS became ~2.5 ms a step, for the same whole page
 * (`npm run bench:auditscan`, a slow phase of the VM). Each step after a page's first is paid for
 * as ROWS_PER_REQUEST rows, one request: about what 100 rows of a list cost (src/api/readCharges.ts).
 */
export const AUDIT_SCAN_STEP = 2_000;

/** A page of audit entries, and the position to go on after (null: nothing more matches). */
export type AuditPage = Readonly<{ entries: ShownAuditDoc[]; nextAfter: string | null }>;

/** The most versions one history page holds (the API's `limit` and a fingerprint check's pages): 4–12 ms of SQLite a page here (the same code, two runs), about an audit page's bound (`npm run bench:auditscan`). */
export const HISTORY_PAGE_MAX = 1000;

/**
 * Pays for the rows a read is about to go through, told their count before it reads them (the
 * API charges its caller's rate budget: src/api/readCharges.ts). Every list read takes one, so
 * none can forget its charge; the service's own reads pass `uncharged`.
 */
export type PayForRows = (rows: number) => Promise<void>;

/** The rows a request's arrival pays for, and each further payment: why 100, src/api/readCharges.ts. */
export const ROWS_PER_REQUEST = 100;

/** For the service's own reads, which charge no one (a fingerprint check is charged by its own pages). */
export const uncharged: PayForRows = async () => {};

/** The versions of a history page read in one statement (`historyPage`). */
const HISTORY_READ_AT_ONCE = 100;
/**
 * A version whose stored document is larger counts as one more row of a history page for each
 * whole STORED_BYTES_PER_ROW of it: its document is read whole, whatever the page leaves out, and
 * 1,000 versions of 64 KiB values (~88 MB) took 70–80 ms, ~7 times what as many rows of any
 * other read take. 16 KiB is about what one row of the other reads costs (readCharges.ts).
 */
export const STORED_BYTES_PER_ROW = 16 * 1024;

/** A page of a secret's versions, and the version to go on after (null: there are no more). */
export type HistoryPage = Readonly<{ versions: ListedVersion[]; nextAfter: number | null }>;

/** Members whose emails are opened between two turns of the event loop (`membersShown`). */
const OPENED_AT_ONCE = 500;

/** The pending invitations of one address a page of `GET /me/invitations` holds at most. */
export const INVITATIONS_PAGE = 100;

/**
 * The memberships one page of `GET /workspaces` goes through: anyone may create workspaces without
 * end, and a list of all of them in one answer held the event loop as long as it took (40–190 ms
 * at 5,000 here).
 */
export const WORKSPACES_PAGE = 500;

/** A page of a user's workspaces with their membership, and the workspace id to go on after (null: there are no more). */
export type WorkspacesPage = Readonly<{ items: Array<{ workspace: WorkspaceDoc; member: MemberDoc }>; nextAfter: string | null }>;

/** The most deleted keys one page lists (the API's `limit` with `deleted=true`). */
export const DELETED_PAGE_MAX = 1000;

/** A deleted key as a page of them shows it: without its ended lifetimes (up to 1,000 a key, ~80 KB). */
export type ListedDeletion = Pick<DeletedSecretDoc, 'key' | 'lastVersion' | 'deletedAt' | 'deletedBy'>;
/** A page of a scope's deleted keys, and the key to go on after (null: there are no more). */
export type DeletedPage = Readonly<{ deleted: ListedDeletion[]; nextAfter: string | null }>;

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The first `limit` of what a query found that asked for one more, and where the next page
 * starts after (what `next` says of the last one shown), or null when that one more was not there.
 */
function pageAndNext<Item, Next>(found: readonly Item[], limit: number, next: (item: Item) => Next): { items: Item[]; nextAfter: Next | null } {
  const items = found.slice(0, limit);
  return { items, nextAfter: found.length > limit ? next(items.at(-1)!) : null };
}

/** Views made before deletion was recorded have no `deletedAt` at all (they are rebuilt, but a falsy test costs nothing). */
function isDeleted(workspace: WorkspaceDoc): boolean {
  return Boolean(workspace.deletedAt);
}

/**
 * Queries over the views. Point lookups on the hot paths (membership, single secrets) go
 * through the position-tagged cache; lists read the store. Personal data stays sealed in what
 * the hot paths read; the queries that answer it to people open it (`Shown…`, DESIGN §8).
 */
export class Views {
  constructor(
    private readonly store: Pick<ReadStore<ViewDocs>, 'get' | 'getMany' | 'find' | 'count' | 'page' | 'scanEnd' | 'firstVersions'>,
    private readonly cache: ViewCache,
    private readonly reader: PersonalDataReader,
    private readonly personalData: Pick<PersonalData, 'emailIndex'>,
    private readonly auditScan: ScanBound = { rows: AUDIT_SCAN_ROWS, step: AUDIT_SCAN_STEP },
  ) {}

  /** A workspace as its members see it: null when there is none, or it is deleted (DESIGN §9: as if it did not exist). */
  async workspace(workspaceId: string): Promise<WorkspaceDoc | null> {
    const workspace = await this.cache.get('workspaces', workspaceId);
    return workspace && !isDeleted(workspace) ? workspace : null;
  }

  /** The workspace, deleted or not: what its audit, export and verification are answered for. */
  workspaceIncludingDeleted(workspaceId: string): Promise<WorkspaceDoc | null> {
    return this.cache.get('workspaces', workspaceId);
  }

  /** The user's membership, null unless they are an active member of a workspace that is not deleted. */
  async member(workspaceId: string, userId: string): Promise<MemberDoc | null> {
    const member = await this.cache.get('members', viewIds.member(workspaceId, userId));
    return member && (await this.workspace(workspaceId)) ? member : null;
  }

  /**
   * The user's membership as recorded, the workspace deleted or not: a deleted workspace's
   * members are those of the moment it was deleted (its admins then keep its audit).
   */
  memberIncludingDeleted(workspaceId: string, userId: string): Promise<MemberDoc | null> {
    return this.cache.get('members', viewIds.member(workspaceId, userId));
  }

  /**
   * The ids of every workspace the user is a member of, deleted ones included (what an erasure
   * leaves), WORKSPACES_PAGE at a time by id, letting the process turn between pages and awaiting
   * `beforeFurtherPage` before each page after the first: anyone may create workspaces without end.
   */
  async *membershipPages(userId: string, beforeFurtherPage: () => Promise<void>): AsyncGenerator<string[]> {
    let page = await this.membershipsPage(userId, undefined);
    yield page.memberships.map((member) => member.workspaceId);
    while (page.nextAfter !== null) {
      await setImmediate();
      await beforeFurtherPage();
      page = await this.membershipsPage(userId, page.nextAfter);
      yield page.memberships.map((member) => member.workspaceId);
    }
  }

  /**
   * Deleted workspaces whose deletion was at or before `instant` (ISO, UTC), by id after
   * `afterId`: with `retentionCutoff(now, DELETED_RETENTION_DAYS)`, those whose retention is over,
   * whose secrets the retention's follower destroys (DESIGN §9). Indexed by `deletedAt`.
   */
  async workspacesDeletedBefore(instant: string, afterId?: string, limit = 100): Promise<WorkspaceDoc[]> {
    const found = await this.store.page('workspaces', { where: {}, range: { field: 'deletedAt', max: instant }, afterId, limit });
    return found.map((f) => f.doc).filter(isDeleted);
  }

  workspaceSecret(workspaceId: string, key: string): Promise<SecretDoc | null> {
    return this.cache.get('workspaceSecrets', viewIds.secret(workspaceId, key));
  }

  personalSecret(userId: string, key: string): Promise<SecretDoc | null> {
    return this.cache.get('personalSecrets', viewIds.secret(userId, key));
  }

  /**
   * The workspaces the user is a member of, with their membership, a page of memberships at a time
   * by workspace id, after `after`: the live ones, or (`deleted`) the deleted ones they were an
   * admin of when deleted, which they may undelete within the retention. The others on a page are
   * left out, so a page may hold fewer, even none, with a next one to go on to. `only` (a token's
   * `ws` claim): those workspaces alone, in one page; a cursor over every membership would name
   * workspaces the token does not cover.
   */
  async workspacesOf(userId: string, options: { deleted: boolean; after?: string; only: ReadonlySet<string> | null }, pay: PayForRows): Promise<WorkspacesPage> {
    // Paid for as the memberships a page goes through: a page's worth at most, or those of the token's claim.
    await pay(options.only === null ? Math.min(WORKSPACES_PAGE, await this.store.count('members', 'userId', userId)) : options.only.size);
    const { memberships, nextAfter } = options.only === null ? await this.membershipsPage(userId, options.after) : await this.membershipsIn(userId, options.only, options.after);
    const items: Array<{ workspace: WorkspaceDoc; member: MemberDoc }> = [];
    for (const member of memberships) {
      const workspace = await this.workspaceIncludingDeleted(member.workspaceId);
      if (!workspace || isDeleted(workspace) !== options.deleted) continue;
      if (options.deleted && member.permission !== 'admin') continue;
      items.push({ workspace, member });
    }
    return { items, nextAfter };
  }

  /** A page of the user's memberships by workspace id, and the workspace id the next starts after. */
  private async membershipsPage(userId: string, after: string | undefined): Promise<{ memberships: MemberDoc[]; nextAfter: string | null }> {
    const afterId = after === undefined ? undefined : viewIds.member(after, userId);
    const page = await this.store.page('members', { where: { userId }, afterId, limit: WORKSPACES_PAGE });
    return { memberships: page.map((found) => found.doc), nextAfter: page.length === WORKSPACES_PAGE ? page[page.length - 1]!.doc.workspaceId : null };
  }

  /** The user's memberships of those workspaces (after `after`), by workspace id: a token's claim names few. */
  private async membershipsIn(userId: string, workspaceIds: ReadonlySet<string>, after: string | undefined): Promise<{ memberships: MemberDoc[]; nextAfter: null }> {
    const ids = [...workspaceIds].filter((id) => after === undefined || id > after).sort();
    const found = await this.store.getMany('members', ids.map((id) => viewIds.member(id, userId)));
    // Ids may hold `/`: a claimed `<W>/bob` names the membership of a user `bob/<user>` in W. Only the caller's own count.
    const mine = (id: string) => {
      const doc = found.get(viewIds.member(id, userId))?.doc;
      return doc && doc.userId === userId && doc.workspaceId === id ? [doc] : [];
    };
    return { memberships: ids.flatMap(mine), nextAfter: null };
  }

  /** The members of a workspace as stored, their emails sealed (`membersShown` opens them), paid for before they are read. */
  async memberDocs(workspaceId: string, pay: PayForRows): Promise<MemberDoc[]> {
    return (await this.paidFind('members', 'workspaceId', workspaceId, pay)).map((f) => f.doc);
  }

  async invitationDocs(workspaceId: string, pay: PayForRows): Promise<InvitationDoc[]> {
    return (await this.paidFind('invitations', 'workspaceId', workspaceId, pay)).map((f) => f.doc);
  }

  /**
   * What `find` answers, counted through its index and paid for before it is read. (Reading the
   * first hundred and one at once instead, counting only longer lists, made a list of 50 secrets
   * ~20% dearer: a page is a statement of its own each time; the count costs ~4%.)
   */
  private async paidFind<C extends 'members' | 'invitations' | 'workspaceSecrets' | 'personalSecrets'>(
    collection: C,
    field: FieldOf<ViewDocs, C>,
    value: string,
    pay: PayForRows,
  ): Promise<Found<ViewDocs[C]>[]> {
    await pay(await this.store.count(collection, field, value));
    return this.store.find(collection, field, value);
  }

  /**
   * Members (of now, or of a moment in the past) with their emails opened, in the order given, a
   * part at a time with the event loop turning between parts: at the bound of 10,000 members,
   * opened all at once, they held it ~100 ms.
   */
  async membersShown(members: readonly MemberDoc[]): Promise<ShownMember[]> {
    const shown: ShownMember[] = [];
    for (let from = 0; from < members.length; from += OPENED_AT_ONCE) {
      if (from > 0) await setImmediate();
      shown.push(...(await Promise.all(members.slice(from, from + OPENED_AT_ONCE).map((member) => this.reader.member(member)))));
    }
    return shown;
  }

  invitationsShown(invitations: readonly InvitationDoc[]): Promise<ShownInvitation[]> {
    return Promise.all(invitations.map((invitation) => this.reader.invitation(invitation)));
  }

  /**
   * A page of the pending invitations addressed to an email, in id order after `afterId`, and the
   * id to go on after (null: there are no more): by its blind index, and, for invitations
   * recorded before emails were sealed, by the lower-cased email they hold. Anyone may create
   * workspaces and invite any address from each, and every one listed is opened (its email
   * unsealed): a page bounds one request's work, and the cursor reaches every invitation.
   */
  async invitationsFor(email: string, afterId?: string): Promise<{ invitations: ShownInvitation[]; nextAfterId: string | null }> {
    const limit = INVITATIONS_PAGE;
    const [sealed, legacy] = [
      await this.store.page('invitations', { where: { emailIndex: await this.personalData.emailIndex(email) }, afterId, limit }),
      await this.store.page('invitations', { where: { email: email.toLowerCase() }, afterId, limit }),
    ];
    const found = [...sealed, ...legacy].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const page = found.slice(0, limit);
    const more = found.length > limit || sealed.length === limit || legacy.length === limit;
    return { invitations: await Promise.all(page.map((f) => this.reader.invitation(f.doc))), nextAfterId: more && page.length > 0 ? page[page.length - 1]!.id : null };
  }

  /** The invitation as stored (its email sealed): see `isAddressedTo`. */
  async invitation(invitationId: string): Promise<InvitationDoc | null> {
    return (await this.store.get('invitations', invitationId))?.doc ?? null;
  }

  /** Whether the invitation is addressed to that email (compared lower-cased, by blind index unless it predates sealing). */
  async isAddressedTo(invitation: InvitationDoc, email: string): Promise<boolean> {
    if (invitation.emailIndex !== null) return invitation.emailIndex === (await this.personalData.emailIndex(email));
    return invitation.email === email.toLowerCase();
  }

  /** Secrets with their display names and descriptions opened, for answers that show them. */
  secretsShown(scope: 'workspace' | 'personal', secrets: readonly SecretDoc[]): Promise<ShownSecret[]> {
    return Promise.all(secrets.map((secret) => this.reader.secret(scope, secret)));
  }

  /** A secrets scope's revision (its ETag) as far as the views have applied it. */
  async scopeRevision(streamId: string): Promise<number> {
    return (await this.store.get('scopes', streamId))?.doc?.revision ?? 0;
  }

  workspaceSecrets(workspaceId: string, pay: PayForRows): Promise<SecretsListing> {
    return this.listing('workspaceSecrets', streamIds.workspaceSecrets(workspaceId), workspaceId, pay);
  }

  personalSecrets(userId: string, pay: PayForRows): Promise<SecretsListing> {
    return this.listing('personalSecrets', streamIds.personalSecrets(userId), userId, pay);
  }

  /**
   * Audit rows, in log order (or newest first), beyond a position, paid for before they are read:
   * the entries asked for, then each further step of a filtered scan (AUDIT_SCAN_STEP). A page
   * examines at most about AUDIT_SCAN_ROWS rows: it goes on after its last entry when it is full,
   * else after the last row it examined, until nothing is left. A page whose budget refuses a
   * further step ends where the last one did, with what it found: refusing the whole page would
   * throw away the steps it paid for, and a budget too small for a page's steps could never page
   * through the audit at all.
   */
  async auditPage(whose: AuditOwners, filters: AuditFilters, afterPosition: string | undefined, limit: number, order: PageOrder, pay: PayForRows): Promise<AuditPage> {
    await pay(limit);
    const { found, nextAfterId } = await this.auditRows(whose, filters, afterPosition, limit, order, pay);
    const entries = await Promise.all(found.map(({ doc }) => this.reader.auditRow(doc)));
    return { entries, nextAfter: nextAfterId === null ? null : viewIds.auditPosition(nextAfterId) };
  }

  private async auditRows(whose: AuditOwners, filters: AuditFilters, afterPosition: string | undefined, limit: number, order: PageOrder, pay: PayForRows) {
    // Whose rows come first: the scan goes through them (their owners' index, or the scope's), so
    // where a page says to go on is always one of the caller's own rows. Going through a key's
    // rows instead would be quicker for a rare key, but they are every owner's: a cursor would
    // then name the position of another workspace's row. A key is looked up row by row.
    const where: Writable<PageQuery<AuditDoc>['where']> = 'owners' in whose ? { owner: whose.owners.length === 1 ? whose.owners[0]! : whose.owners } : { scope: whose.scope };
    if (filters.key !== undefined) where.keys = filters.key;
    if (filters.actor !== undefined) where.actor = filters.actor;
    if (filters.types !== undefined) where.type = filters.types;
    if (filters.runId !== undefined) where.runId = filters.runId;
    const query = { where, range: { field: 'at' as const, min: filters.from, max: filters.to }, afterId: afterPosition === undefined ? undefined : viewIds.audit(afterPosition), order, limit };
    // Matched by whose rows they are alone, every row a page examines is one of its entries, paid
    // for with the limit (steps then come from several workspaces sharing each step).
    const filtered = Object.keys(where).length > 1 || filters.from !== undefined || filters.to !== undefined;
    return boundedPage(this.store, 'audit', query, this.auditScan, async () => {
      await setImmediate();
      if (!filtered) return true;
      try {
        await pay(ROWS_PER_REQUEST);
        return true;
      } catch (error) {
        if (isBudgetRefusal(error)) return false;
        throw error;
      }
    });
  }

  /** Workspaces by id, after a cursor: those a claim lists (null: every workspace), paid for as many as it asks before they are read. */
  async workspacesPage(afterId: string | undefined, limit: number, claimed: ReadonlySet<string> | null, pay: PayForRows): Promise<WorkspaceDoc[]> {
    await pay(limit);
    const where = claimed === null ? {} : { workspaceId: [...claimed] };
    return (await this.store.page('workspaces', { where, afterId, limit })).map((f) => f.doc);
  }

  /** One version of a secret, with its envelope (a past version's reveal, a rollback, a restore). */
  async historyVersion(owner: string, key: string, version: number): Promise<SecretVersion | null> {
    const { collection, id } = secretOf(owner, key);
    const [found] = await this.store.firstVersions(collection, id, { after: version - 1, limit: 1 });
    if (!found?.doc || found.doc.version !== version) return null;
    const destroyed = await this.destroyedOf([found.doc.value.dataKeyId]);
    return { ...listedVersion(found.doc, found.at, destroyed), value: found.doc.value };
  }

  /**
   * Why a key is not live in a scope that once had it: `deleted` (its last lifetime can be
   * restored), `destroyed` (its last lifetime was destroyed); null when the scope never had it.
   */
  async fateOf(owner: string, key: string): Promise<'deleted' | 'destroyed' | null> {
    const lifetimes = (await this.store.get('deletedSecrets', viewIds.secret(owner, key)))?.doc;
    if (lifetimes) return lifetimes.deletedAt !== '' ? 'deleted' : lifetimes.dataKeyId === '' ? 'destroyed' : null;
    // Every lifetime destroyed leaves no document, only the history.
    return (await this.hasHistory(owner, key)) ? 'destroyed' : null;
  }

  /**
   * A page of the keys of a scope that can be restored, by key, after a key (the previous page's
   * `nextAfter`; `owner`: `workspace:<id>` or `user:<id>`). Deleted keys are kept for the
   * retention period, however many were deleted: no answer reads them all at once. (The scope's
   * other documents the page goes through are its live keys, at most MAX_SECRETS_PER_SCOPE, and
   * keys whose lifetimes all ended, kept only for the retention period too.)
   */
  async deletedSecretsPage(owner: string, afterKey: string | undefined, limit: number, pay: PayForRows): Promise<DeletedPage> {
    // Paid for as many as it asks, or as the scope's documents of deleted keys number, if fewer.
    await pay(Math.min(limit, await this.store.count('deletedSecrets', 'owner', owner)));
    const afterId = afterKey === undefined ? undefined : viewIds.secret(owner, afterKey);
    // Read without the ended lifetimes: a page of 1,000 keys could otherwise be ~80 MB of them.
    const found = await this.store.page('deletedSecrets', { where: { owner }, range: { field: 'deletedAt', min: '0' }, afterId, limit: limit + 1, omit: ['ended'] });
    const { items, nextAfter } = pageAndNext(found.map((f) => listedDeletion(f.doc)), limit, (doc) => doc.key);
    return { deleted: items, nextAfter };
  }

  /**
   * Keys of every scope with a lifetime that ended at or before an instant and is not destroyed
   * (the retention sweeper): deleted and restorable, or replaced by setting the key again. At
   * most `limit` of each kind, after an id (paging), by id.
   */
  async endedBefore(instant: string, afterId: string | undefined, limit: number): Promise<Array<{ id: string; doc: DeletedSecretDoc }>> {
    const [deleted, ended] = [
      await this.store.page('deletedSecrets', { where: {}, range: { field: 'deletedAt', min: '0', max: instant }, afterId, limit }),
      await this.store.page('deletedSecrets', { where: {}, range: { field: 'endedOldest', min: '0', max: instant }, afterId, limit }),
    ];
    const byId = new Map([...deleted, ...ended].map((found) => [found.id, found.doc]));
    return [...byId].sort(([a], [b]) => (a < b ? -1 : 1)).slice(0, limit).map(([id, doc]) => ({ id, doc }));
  }

  /**
   * A page of one secret's versions (deleted and re-set ones included), by version in `order`,
   * after a version (the previous page's `nextAfter`). A secret may have any number of versions:
   * no answer reads them all at once.
   */
  async historyPage(owner: string, key: string, afterVersion: number | undefined, limit: number, order: PageOrder, pay: PayForRows): Promise<HistoryPage> {
    // Read HISTORY_READ_AT_ONCE at a time, the process turning between reads, each paid for before
    // it is read: each version's document is read whole (up to 64 KiB of value), and 1,000 of them
    // in one statement held it 60–80 ms. What the answered versions' sizes add
    // (STORED_BYTES_PER_ROW) is known once read, and paid before the next read, or the answer.
    // Each read takes one version more than it answers, to tell whether another follows: only
    // then is the next read paid for and made. The reads are not one snapshot: a version set
    // meanwhile may or may not show.
    const versions: ListedVersion[] = [];
    let more = true;
    while (more && versions.length < limit) {
      if (versions.length > 0) await setImmediate();
      const asked = Math.min(HISTORY_READ_AT_ONCE, limit - versions.length);
      await pay(asked);
      const after = versions.length > 0 ? versions.at(-1)!.version : afterVersion;
      const read = await this.listedVersions(owner, key, { after, order, limit: asked + 1 });
      more = read.length > asked;
      const answered = read.slice(0, asked);
      const beyondOneRow = answered.reduce((rows, { storedBytes }) => rows + Math.floor(storedBytes / STORED_BYTES_PER_ROW), 0);
      if (beyondOneRow > 0) await pay(beyondOneRow);
      versions.push(...answered.map(({ listed }) => listed));
    }
    return { versions, nextAfter: more && versions.length > 0 ? versions.at(-1)!.version : null };
  }

  /** Whether the secret has any version at all (a page after its last one is empty either way). */
  async hasHistory(owner: string, key: string): Promise<boolean> {
    return (await this.listedVersions(owner, key, { limit: 1 })).length > 0;
  }

  /**
   * A secret's versions as each was set: the first state the time-travel history kept of each
   * version (a later state of the same version, its details or roles changed, or a restore, is
   * not its setting), and whether its data key was destroyed since. Read without what no page
   * shows (LISTED_WITHOUT): a page of 1,000 versions of 64 KiB values was ~88 MB of documents.
   */
  private async listedVersions(owner: string, key: string, query: VersionsQuery): Promise<{ listed: ListedVersion; storedBytes: number }[]> {
    const { collection, id } = secretOf(owner, key);
    const found = await this.store.firstVersions(collection, id, { ...query, omit: LISTED_WITHOUT });
    const states = found.flatMap(({ doc, at, storedBytes }) => (doc === null ? [] : [{ doc: thinVersion(doc), at, storedBytes }]));
    const destroyed = await this.destroyedOf(states.map(({ doc }) => doc.value.dataKeyId));
    return states.map(({ doc, at, storedBytes }) => ({ listed: listedVersion(doc, at, destroyed), storedBytes }));
  }

  /** Which of these data keys a destroy named. */
  private async destroyedOf(dataKeyIds: readonly string[]): Promise<ReadonlySet<string>> {
    const found = await this.store.getMany('destroyedKeys', [...new Set(dataKeyIds)]);
    return new Set([...found].flatMap(([id, { doc }]) => (doc == null ? [] : [id])));
  }

  /**
   * The versions of one secret, oldest first, a page at a time and `pages` pages at most (of
   * HISTORY_PAGE_MAX), letting the process turn between pages: a fingerprint check goes through
   * them all.
   */
  async *versionPages(owner: string, key: string, pages: number): AsyncGenerator<ListedVersion[]> {
    let after: number | undefined;
    for (let read = 0; read < pages; read += 1) {
      if (read > 0) await setImmediate();
      const page = await this.historyPage(owner, key, after, HISTORY_PAGE_MAX, 'asc', uncharged);
      yield page.versions;
      if (page.nextAfter === null) return;
      after = page.nextAfter;
    }
  }

  /**
   * The revision is read before the list: if the projector commits in between, the list is
   * newer than the ETag and a save with that ETag gets a 412, never a silent lost update.
   */
  private async listing(collection: 'workspaceSecrets' | 'personalSecrets', streamId: string, ownerId: string, pay: PayForRows) {
    const revision = await this.scopeRevision(streamId);
    const found = await this.paidFind(collection, 'ownerId', ownerId, pay);
    return { revision, secrets: found.map((f) => f.doc) };
  }
}

/** What a page of versions leaves out of each: the envelope's sealed text, the roles, the sealed name and description. */
export const LISTED_WITHOUT: readonly string[] = ['value.nonce', 'value.ciphertext', 'members', 'displayName', 'description'];

/** What a listed version is read from: a secret's document without LISTED_WITHOUT. */
type ThinSecretDoc = Pick<SecretDoc, 'version' | 'updatedBy' | 'fingerprint' | 'rollbackOf'> & Readonly<{ value: Pick<SecretDoc['value'], 'dataKeyId'> }>;

/** A thinned version has every field a listing needs: they are never left out (LISTED_WITHOUT). */
function thinVersion(doc: Thinned<SecretDoc>): ThinSecretDoc {
  const { version, updatedBy, fingerprint, value, rollbackOf } = doc;
  if (version === undefined || updatedBy === undefined || fingerprint === undefined || value?.dataKeyId === undefined) {
    throw new Error('A version read for a listing lacks a field the listing shows');
  }
  return { version, updatedBy, fingerprint, value: { dataKeyId: value.dataKeyId }, rollbackOf: rollbackOf ?? null };
}

function listedVersion(doc: ThinSecretDoc, at: string, destroyed: ReadonlySet<string>): ListedVersion {
  const { version, updatedBy, fingerprint, value, rollbackOf } = doc;
  return { version, at, actor: updatedBy, fingerprint, dataKeyId: value.dataKeyId, destroyed: destroyed.has(value.dataKeyId), rollbackOf };
}

/** A deleted key read without its ended lifetimes has every field a listing shows: none is left out. */
function listedDeletion({ key, lastVersion, deletedAt, deletedBy }: Thinned<DeletedSecretDoc>): ListedDeletion {
  if (key === undefined || lastVersion === undefined || deletedAt === undefined || deletedBy === undefined) throw new Error('A deleted key read for a listing lacks a field the listing shows');
  return { key, lastVersion, deletedAt, deletedBy };
}

/** The collection and id of a secret's document, by its owner (`workspace:<id>` or `user:<id>`) and key. */
function secretOf(owner: string, key: string): { collection: 'workspaceSecrets' | 'personalSecrets'; id: string } {
  const { scope, ownerId } = owners.parse(owner);
  return { collection: scope === 'workspace' ? 'workspaceSecrets' : 'personalSecrets', id: viewIds.secret(ownerId, key) };
}
