import { Destroyed, Forbidden, NotCaughtUp, NotFound } from '../errors';
import type { SecretCipher } from '../crypto/secretCipher';
import type { ViewProgress } from '../projections/projector';
import { owners } from '../projections/owners';
import { HISTORY_PAGE_MAX, type Views } from '../projections/queries';
import type { ListedVersion, SecretDoc } from '../projections/views';
import { contextFor, type Actor, type Clock } from './actor';
import { BatchRefusals } from './batchRefusals';
import { requireMayCheck, secretAccessDecider, type Standing } from './secretAccess.decider';
import { canRevealSecret } from './secretRights';
import type { Loaded } from './streamStates';
import { lifetimeOf, type SecretsState } from './secrets.state';
import { requireSecret } from './secretDetails';
import type { RecordWriter } from './recordWriter';
import type { RequestStamps } from './requestStamps';
import type { PaidCommands } from './streamCommands';
import { permissionOf, requireMember, type WorkspaceState } from './workspace.decider';

/** `position`: where the record of the read is in the log (the read is a write of the audit). */
export type Revealed = Readonly<{ value: string; version: number; position: string }>;
/** A bulk reveal: each key's value and version, in the order asked, and where their records are. */
export type RevealedMany = Readonly<{ secrets: ReadonlyArray<{ key: string; value: string; version: number }>; position: string }>;
/** The newest matching versions (at most `MAX_MATCHES_SHOWN`, oldest first) and how many matched in all. */
export type FingerprintMatches = { key: string; matches: Array<{ version: number; at: string; actor: string }>; matchCount: number; position: string };

/**
 * How many matching versions a fingerprint check answers and records: a secret may have any
 * number of versions with one value, and neither its record nor its answer may grow with them.
 */
export const MAX_MATCHES_SHOWN = 100;

type Scope = 'workspace' | 'personal';

/**
 * Reads that are recorded: reveal, and testing a value against a secret's fingerprints. Rights
 * come from the command side (the `workspace-` and secrets streams); the sealed value from the
 * views, once they have caught up with the secret's stream. The record is appended before the
 * value is returned, so no reveal goes unrecorded.
 */
export class SecretAccessHandlers {
  constructor(
    private readonly workspaces: PaidCommands<'workspace', WorkspaceState>,
    private readonly workspaceSecrets: PaidCommands<'workspaceSecrets', SecretsState>,
    private readonly personalSecrets: PaidCommands<'personalSecrets', SecretsState>,
    private readonly records: Pick<RecordWriter, 'record'>,
    private readonly stamps: Pick<RequestStamps, 'stamp'>,
    private readonly views: Views,
    private readonly progress: ViewProgress,
    private readonly cipher: SecretCipher,
    private readonly clock: Clock,
    /** How long a read waits for the views to reach the secret's stream (DESIGN §1's 5 s). */
    private readonly viewWaitMs: number,
  ) {}

  /** The live value, or with `version` a past one (DESIGN §9): of the current lifetime with the same rights, of an earlier one for workspace admins only. */
  async revealWorkspace(actor: Actor, workspaceId: string, key: string, version?: number): Promise<Revealed> {
    const { state: workspace } = await this.workspaces.by(actor).load(workspaceId);
    const { permission } = requireMember(workspace, actor.userId);
    const loaded = await this.workspaceSecrets.by(actor).load(workspaceId);
    if (version !== undefined) {
      const current = pastVersion(loaded.state, key, version);
      if (!current && permission !== 'admin') throw new Forbidden(`Only workspace admins can reveal ${key} as it was before its deletion`);
      const explicitRole = current ? loaded.state.secrets.get(key)!.members.get(actor.userId) : undefined;
      return this.revealVersion(actor, 'workspace', workspaceId, key, version, loaded, { permission, explicitRole });
    }
    const standing = { permission, explicitRole: requireSecret(loaded.state, key).members.get(actor.userId) };
    return this.reveal(actor, 'workspace', workspaceId, key, loaded, standing);
  }

  async revealPersonal(actor: Actor, key: string, version?: number): Promise<Revealed> {
    const loaded = await this.personalSecrets.by(actor).load(actor.userId);
    if (version !== undefined) {
      pastVersion(loaded.state, key, version);
      return this.revealVersion(actor, 'personal', actor.userId, key, version, loaded, null);
    }
    requireSecret(loaded.state, key);
    return this.reveal(actor, 'personal', actor.userId, key, loaded, null);
  }

  /** A past version's value, opened from the secret's history (the views), and recorded like any reveal. */
  private async revealVersion(actor: Actor, scope: Scope, ownerId: string, key: string, version: number, loaded: Loaded<SecretsState>, standing: Standing): Promise<Revealed> {
    const events = secretAccessDecider.decide({ type: 'RevealSecret', data: { key, version, standing }, context: contextFor(actor, this.clock) }, null);
    await this.viewsReach(loaded.position);
    const found = await this.views.historyVersion(owners.of(scope, ownerId), key, version);
    if (!found) throw new NotFound(`Secret ${key} has no version ${version}`, 'version_not_found');
    const value = await this.cipher.open({ scope, ownerId, key, version }, found.value);
    const { position } = await this.record(scope, ownerId, await this.stamps.stamp(actor, events));
    return { value, version, position };
  }

  /**
   * Several keys at once (DESIGN §10): all or nothing. Every key the caller may not reveal is
   * refused at once, by key (`keys.KEY`; 403 if any is forbidden, else 404), before any value is
   * opened; otherwise each reveal is recorded as a single one would be, in one append.
   */
  async revealWorkspaceKeys(actor: Actor, workspaceId: string, keys: readonly string[]): Promise<RevealedMany> {
    const { state: workspace } = await this.workspaces.by(actor).load(workspaceId);
    const { permission } = requireMember(workspace, actor.userId);
    const loaded = await this.workspaceSecrets.by(actor).load(workspaceId);
    const standing = (key: string) => ({ permission, explicitRole: loaded.state.secrets.get(key)?.members.get(actor.userId) });
    const refusals = new BatchRefusals();
    const forbidden = keys.filter((key) => loaded.state.secrets.has(key) && !canRevealSecret(permission, standing(key).explicitRole));
    refusals.add('forbidden', 'forbidden', forbidden.map((key) => `keys.${key}` as const), (key) => `Only the admins and members of ${key} can reveal it`, (named) => `Only their admins and members can reveal: ${named}`);
    refuseUnknown(loaded.state, keys, refusals);
    refusals.throwIfAny();
    return this.revealMany(actor, 'workspace', workspaceId, keys, loaded, standing);
  }

  async revealPersonalKeys(actor: Actor, keys: readonly string[]): Promise<RevealedMany> {
    const loaded = await this.personalSecrets.by(actor).load(actor.userId);
    const refusals = new BatchRefusals();
    refuseUnknown(loaded.state, keys, refusals);
    refusals.throwIfAny();
    return this.revealMany(actor, 'personal', actor.userId, keys, loaded, () => null);
  }

  /**
   * Which versions of the secret (deleted ones included) had this value: each version's
   * fingerprint, recomputed under its data key. A shredded data key matches nothing. The
   * versions are read a page at a time (HISTORY_PAGE_MAX). Before the first is read,
   * `chargeFurtherPages` is told how many more pages the key's versions may fill (the key's last
   * version number says): the API charges the check's rate budgets that many times more, so a
   * check of a secret with many versions costs its asker as many checks as it reads pages, paid
   * before anything is read. It is not called for a key whose versions fit one page.
   */
  async checkFingerprint(
    actor: Actor,
    scope: Scope,
    ownerId: string,
    key: string,
    candidate: string,
    auditor: boolean,
    chargeFurtherPages: (pages: number) => Promise<void> = async () => {},
  ): Promise<FingerprintMatches> {
    let standing: Standing = null;
    let loaded: Loaded<SecretsState>;
    if (scope === 'workspace') {
      const { state: workspace } = await this.workspaces.by(actor).load(ownerId);
      const permission = permissionOf(workspace, actor.userId);
      if (workspace.status !== 'active' || (permission === null && !auditor)) throw new NotFound('Workspace not found', 'workspace_not_found');
      loaded = await this.workspaceSecrets.by(actor).load(ownerId);
      standing = { permission, explicitRole: loaded.state.secrets.get(key)?.members.get(actor.userId) };
    } else {
      loaded = await this.personalSecrets.by(actor).load(ownerId);
    }
    // Refused before a single version is read: a refusal costs no more than any other.
    requireMayCheck(key, standing, auditor);
    // Versions are numbered 1 to the last without gaps: no more pages than this to read. One set
    // meanwhile beyond them is not read, as if the check had run a moment earlier.
    const pages = Math.ceil((loaded.state.lastVersions.get(key) ?? 0) / HISTORY_PAGE_MAX);
    // The views must hold every version the stream has, or a match would go unseen (a 503 before paying).
    await this.viewsReach(loaded.position);
    if (pages > 1) await chargeFurtherPages(pages - 1);
    // A destroyed version's fingerprint can no longer be tested (its key is gone): 410 when none is left.
    // The pages are read one after another, not as one snapshot: a version set or destroyed
    // meanwhile may or may not be seen, as if the check had run a moment earlier or later.
    let anyVersion = false;
    let anyTestable = false;
    const fingerprints = new Map<string, string | null>();
    const matches: ListedVersion[] = [];
    let matchCount = 0;
    for await (const page of this.views.versionPages(owners.of(scope, ownerId), key, pages)) {
      anyVersion ||= page.length > 0;
      for (const version of page) {
        if (version.destroyed) continue;
        anyTestable = true;
        if (!fingerprints.has(version.dataKeyId)) fingerprints.set(version.dataKeyId, await this.cipher.fingerprintUnder(version.dataKeyId, candidate));
        if (fingerprints.get(version.dataKeyId) !== version.fingerprint) continue;
        matchCount += 1;
        // The pages come oldest first: the newest matches are the last ones kept.
        matches.push(version);
        if (matches.length > MAX_MATCHES_SHOWN) matches.shift();
      }
    }
    if (!anyVersion) throw new NotFound(`Secret ${key} has no history`, 'secret_not_found');
    if (!anyTestable) throw new Destroyed(`Every version of ${key} was destroyed`);
    const command = {
      type: 'CheckFingerprint' as const,
      data: { key, matchedVersions: matches.map((m) => m.version), matchCount, standing, auditor },
      context: contextFor(actor, this.clock),
    };
    const { position } = await this.record(scope, ownerId, await this.stamps.stamp(actor, secretAccessDecider.decide(command, null)));
    return { key, matches: matches.map(({ version, at, actor: by }) => ({ version, at, actor: by })), matchCount, position };
  }

  /**
   * Waits for the views and decrypts outside the access stream's queue (reveals of one scope do
   * not wait on each other), refuses before decrypting, and returns the value only once its
   * record is in the log.
   */
  private async reveal(actor: Actor, scope: Scope, ownerId: string, key: string, loaded: Loaded<SecretsState>, standing: Standing) {
    const secret = await this.caughtUpSecret(scope, ownerId, key, loaded.position);
    const events = secretAccessDecider.decide(
      { type: 'RevealSecret', data: { key, version: secret.version, standing }, context: contextFor(actor, this.clock) },
      null,
    );
    const value = await this.cipher.open({ scope, ownerId, key, version: secret.version }, secret.value);
    const { position } = await this.record(scope, ownerId, await this.stamps.stamp(actor, events));
    return { value, version: secret.version, position };
  }

  private async revealMany(actor: Actor, scope: Scope, ownerId: string, keys: readonly string[], loaded: Loaded<SecretsState>, standing: (key: string) => Standing) {
    await this.viewsReach(loaded.position);
    const context = contextFor(actor, this.clock);
    const opened: Array<{ key: string; value: string; version: number }> = [];
    const events: ReturnType<typeof secretAccessDecider.decide> = [];
    for (const key of keys) {
      const secret = await this.caughtUpSecret(scope, ownerId, key, null);
      events.push(...secretAccessDecider.decide({ type: 'RevealSecret', data: { key, version: secret.version, standing: standing(key) }, context }, null));
      opened.push({ key, value: await this.cipher.open({ scope, ownerId, key, version: secret.version }, secret.value), version: secret.version });
    }
    const { position } = await this.record(scope, ownerId, events);
    return { secrets: opened, position };
  }

  /** Durable in the owner's record stream of this instance before the caller learns anything. */
  private record(scope: Scope, ownerId: string, events: ReturnType<typeof secretAccessDecider.decide>) {
    return this.records.record(scope === 'workspace' ? 'workspaceRecords' : 'personalRecords', ownerId, events);
  }

  /** The secret as the views hold it once they reached the stream's position. */
  private async caughtUpSecret(scope: Scope, ownerId: string, key: string, position: string | null): Promise<SecretDoc> {
    await this.viewsReach(position);
    const secret = scope === 'workspace' ? await this.views.workspaceSecret(ownerId, key) : await this.views.personalSecret(ownerId, key);
    if (!secret) throw new NotFound(`Secret ${key} not found`, 'secret_not_found');
    return secret;
  }

  private async viewsReach(position: string | null): Promise<void> {
    if (position !== null && !(await this.progress.waitFor(position, this.viewWaitMs))) throw new NotCaughtUp(position);
  }
}

/**
 * Whether a version the key had is of its current (live) lifetime; 404 if it never had it, 410
 * if its lifetime was destroyed.
 */
function pastVersion(state: SecretsState, key: string, version: number): boolean {
  const lifetime = lifetimeOf(state, key, version);
  if (!lifetime) throw new NotFound(`Secret ${key} has no version ${version}`, 'version_not_found');
  if (lifetime === 'destroyed') throw new Destroyed(`Version ${version} of ${key} was destroyed`);
  return state.secrets.get(key)?.dataKeyId === lifetime.dataKeyId;
}

/** Keys a bulk reveal names that the scope does not hold: each refused (404) on its `keys.KEY`. */
function refuseUnknown(state: SecretsState, keys: readonly string[], refusals: BatchRefusals): void {
  const unknown = keys.filter((key) => !state.secrets.has(key));
  refusals.add('notFound', 'secret_not_found', unknown.map((key) => `keys.${key}` as const), (key) => `Secret ${key} not found`, (named) => `Secret not found: ${named}`);
}
