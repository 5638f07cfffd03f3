import { NotCaughtUp, NotFound, ValidationFailed } from '../errors';
import { streamIds } from '../events/streams';
import type { AsOf, ReadStore } from '../stores/readStore.port';
import { comparePositions } from '../stores/position';
import type { ViewProgress } from './projector';
import type { PayForRows } from './queries';
import { viewIds, type InvitationDoc, type MemberDoc, type SecretDoc, type ViewDocs } from './views';

/** Where a scope stood at a moment: the position of the end of its last write at or before it (see `asOneWrite`), and that event's time. */
export type Moment = Readonly<{ position: string; at: string }>;

/**
 * A scope's documents as they were, the moment they are from (null: the scope had no event by
 * then) and the scope's revision then.
 */
export type Past<T> = Readonly<{ asOf: Moment | null; revision: number; docs: readonly T[] }>;

type ScopeState = Readonly<{ moment: Moment; revision: number }>;

/**
 * Time travel over the views that keep history (DESIGN §9): a workspace's secrets, members,
 * invitations and secret members, and a user's personal secrets, as they were at a log position
 * or an instant.
 * Served from the versions the views keep, never by replaying streams. Each answer names the
 * moment of the scope's own last write at or before the one asked, by its last event (never a
 * global position, never one inside a write).
 */
export class PastViews {
  constructor(
    private readonly store: Pick<ReadStore<ViewDocs>, 'versionAt' | 'scopeAt' | 'scopeCount'>,
    private readonly progress: ViewProgress,
    private readonly head: () => Promise<string | null>,
    private readonly clock: () => Date,
    private readonly waitMs: number,
  ) {}

  /**
   * A moment asked for, checked: one in the future (an instant after now, a position after the
   * log's head) is a 400; the views are waited for until they hold everything up to it.
   */
  async checked(asOf: AsOf): Promise<AsOf> {
    const head = await this.head();
    if ('instant' in asOf) {
      if (asOf.instant > this.clock().toISOString()) throw future('is after now');
    } else if (comparePositions(asOf.position, head ?? '0') > 0) {
      throw future(`is after the last position of the log (${head ?? 'none'})`);
    }
    const needed = 'position' in asOf ? asOf.position : head;
    if (needed !== null && !(await this.progress.waitFor(needed, this.waitMs))) throw new NotCaughtUp(needed);
    return asOf;
  }

  async workspaceSecrets(workspaceId: string, asOf: AsOf, pay: PayForRows): Promise<Past<SecretDoc>> {
    const workspace = await this.workspaceState(workspaceId, asOf);
    const secrets = await this.scopeState(streamIds.workspaceSecrets(workspaceId), asOf);
    if (!secrets) return { asOf: workspace.moment, revision: 0, docs: [] };
    return { asOf: secrets.moment, revision: secrets.revision, docs: await this.docs('workspaceSecrets', workspaceId, secrets, pay) };
  }

  async personalSecrets(userId: string, asOf: AsOf, pay: PayForRows): Promise<Past<SecretDoc>> {
    const secrets = await this.scopeState(streamIds.personalSecrets(userId), asOf);
    if (!secrets) return { asOf: null, revision: 0, docs: [] };
    return { asOf: secrets.moment, revision: secrets.revision, docs: await this.docs('personalSecrets', userId, secrets, pay) };
  }

  /** One workspace secret as it was (null when it did not exist then), and the moment. */
  async workspaceSecret(workspaceId: string, key: string, asOf: AsOf): Promise<{ asOf: Moment; secret: SecretDoc | null }> {
    const workspace = await this.workspaceState(workspaceId, asOf);
    const secrets = await this.scopeState(streamIds.workspaceSecrets(workspaceId), asOf);
    if (!secrets) return { asOf: workspace.moment, secret: null };
    const version = await this.store.versionAt('workspaceSecrets', viewIds.secret(workspaceId, key), { position: secrets.moment.position });
    return { asOf: secrets.moment, secret: version?.doc ?? null };
  }

  async members(workspaceId: string, asOf: AsOf, pay: PayForRows): Promise<Past<MemberDoc>> {
    const workspace = await this.workspaceState(workspaceId, asOf);
    return { asOf: workspace.moment, revision: workspace.revision, docs: await this.docs('members', workspaceId, workspace, pay) };
  }

  /** The invitations pending then (same moment as the members: the workspace's own stream). */
  async invitations(workspaceId: string, asOf: AsOf, pay: PayForRows): Promise<Past<InvitationDoc>> {
    const workspace = await this.workspaceState(workspaceId, asOf);
    return { asOf: workspace.moment, revision: workspace.revision, docs: await this.docs('invitations', workspaceId, workspace, pay) };
  }

  /**
   * A workspace's secrets and members together as they were, with the later of the two scopes'
   * moments; null before the workspace existed (what `changes` compares from).
   */
  async workspace(workspaceId: string, asOf: AsOf, pay: PayForRows): Promise<{ asOf: Moment; secrets: readonly SecretDoc[]; members: readonly MemberDoc[] } | null> {
    const workspace = await this.scopeState(streamIds.workspace(workspaceId), asOf);
    if (!workspace) return null;
    const [secrets, members] = [await this.workspaceSecrets(workspaceId, asOf, pay), await this.members(workspaceId, asOf, pay)];
    const later = comparePositions(secrets.asOf!.position, workspace.moment.position) > 0 ? secrets.asOf! : workspace.moment;
    return { asOf: later, secrets: secrets.docs, members: members.docs };
  }

  /** Where the workspace's own stream stood; a 404 before the workspace existed. */
  private async workspaceState(workspaceId: string, asOf: AsOf): Promise<ScopeState> {
    const state = await this.scopeState(streamIds.workspace(workspaceId), asOf);
    if (!state) throw new NotFound('The workspace did not exist yet at that moment', 'workspace_not_found');
    return state;
  }

  private async scopeState(stream: string, asOf: AsOf): Promise<ScopeState | null> {
    const version = await this.store.versionAt('scopes', stream, asOf);
    return version?.doc ? { moment: { position: version.position, at: version.at }, revision: version.doc.revision } : null;
  }

  /**
   * A scope's documents as they were, paid for first by every document it ever held: each one is
   * looked up, gone or not (the moment's 404 comes before, and costs nothing).
   */
  private async docs<C extends 'workspaceSecrets' | 'personalSecrets' | 'members' | 'invitations'>(collection: C, scope: string, state: ScopeState, pay: PayForRows): Promise<ViewDocs[C][]> {
    await pay(await this.store.scopeCount(collection, scope));
    return (await this.store.scopeAt(collection, scope, state.moment.position)).map((found) => found.doc);
  }
}

function future(why: string): ValidationFailed {
  return new ValidationFailed('asOf is in the future', [{ field: 'asOf', message: why }]);
}
