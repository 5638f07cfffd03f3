import { Forbidden, MissingReferences, NotFound, ValidationFailed, type MissingReason } from '../errors';
import { owners } from '../projections/owners';
import type { SecretCipher } from '../crypto/secretCipher';
import type { Run } from '../events/records.events';
import type { Views } from '../projections/queries';
import type { SecretDoc } from '../projections/views';
import { PlaintextCache } from './plaintextCache';
import { missingReferences, scanReferences, substitute } from './references';

/** A 422 lists this many missing `{key, path}` entries at most, and counts the rest. */
const MISSING_LISTED = 100;
/** Values substituted into one answer, in UTF-8 bytes: 10,000 references to a 64 KiB value would make 640 MB. */
export const MAX_SUBSTITUTED_BYTES = 8 * 1024 * 1024;

export const triggers = ['manual', 'api', 'webhook', 'schedule'] as const;
export type Trigger = (typeof triggers)[number];

export type ResolveRequest = Readonly<{
  workspaceId: string;
  trigger: Trigger;
  /** The user who clicked Run: required for `manual`. */
  triggeredBy?: string | undefined;
  /** The workflow's owner: required for the other triggers. */
  workflowOwnerId?: string | undefined;
  /** The workflow run this is for, as the executor names it: on the record. */
  run?: Run | undefined;
  input: unknown;
  onMissing: 'fail' | 'keep';
  masks: boolean;
}>;

export type ResolvedReference = Readonly<{ key: string; scope: 'workspace' | 'personal'; version: number }>;

/** A version a resolution used, as its record names it: by fingerprint, never by value. */
export type UsedVersion = Readonly<{ key: string; version: number; fingerprint: string }>;

/** The answer of a resolution, and what its records need to know. */
export type Resolution = Readonly<{
  /** null when a missing key fails the resolution (a 422 once it is recorded). */
  answer: Readonly<{ output: unknown; references: ResolvedReference[]; masks?: string[] }> | null;
  /** Why the answer is null: the first missing `{key, path}` entries and how many there are. */
  failure: MissingReferences | null;
  workspaceVersions: readonly UsedVersion[];
  /** The personal secrets used, and whose (the owner's record gets their names). */
  personal: Readonly<{ owner: string; versions: readonly UsedVersion[] }> | null;
  /** The distinct keys found nowhere, in order of first appearance. */
  missingKeys: readonly string[];
}>;

/**
 * Resolution (DESIGN §1): the workspace secret wins; otherwise the personal secret of the user
 * the trigger names, only while that user is an active member; otherwise the key is missing.
 * Reads only the views, through the cache; never the event store. Recording it is the caller's
 * part (ResolutionRecords), before any value leaves.
 */
export class Resolver {
  constructor(
    private readonly views: Views,
    private readonly cipher: SecretCipher,
    private readonly plaintexts: PlaintextCache = new PlaintextCache(),
  ) {}

  async resolve(request: ResolveRequest): Promise<Resolution> {
    const { workspaceId } = request;
    // The input is checked against the limits before anything is looked up.
    const counts = scanReferences(request.input);
    if (!(await this.views.workspace(workspaceId))) throw new NotFound('Workspace not found', 'workspace_not_found');
    const personalOwner = request.trigger === 'manual' ? request.triggeredBy! : request.workflowOwnerId!;
    const ownerIsMember = (await this.views.member(workspaceId, personalOwner)) !== null;
    if (request.trigger === 'manual' && !ownerIsMember) {
      throw new Forbidden('triggeredBy is not an active member of the workspace', 'not_a_member');
    }

    const values = new Map<string, string>();
    const references: ResolvedReference[] = [];
    const workspaceVersions: UsedVersion[] = [];
    const personalVersions: UsedVersion[] = [];
    const missingKeys: string[] = [];
    let substituted = 0;
    for (const [key, count] of counts) {
      const workspaceSecret = await this.views.workspaceSecret(workspaceId, key);
      const personalSecret = workspaceSecret || !ownerIsMember ? null : await this.views.personalSecret(personalOwner, key);
      const secret = workspaceSecret ?? personalSecret;
      if (!secret) {
        missingKeys.push(key);
        continue;
      }
      const scope = workspaceSecret ? 'workspace' : 'personal';
      const value = await this.open(scope, secret);
      substituted += count * Buffer.byteLength(value, 'utf8');
      values.set(key, value);
      references.push({ key, scope, version: secret.version });
      (workspaceSecret ? workspaceVersions : personalVersions).push({ key, version: secret.version, fingerprint: secret.fingerprint });
    }
    if (substituted > MAX_SUBSTITUTED_BYTES) {
      const message = `the references would substitute more than ${MAX_SUBSTITUTED_BYTES} bytes of values`;
      throw new ValidationFailed(`The input is too large to resolve: ${message}`, [{ field: 'input', message }]);
    }

    const used = { workspaceVersions, personal: personalVersions.length > 0 ? { owner: personalOwner, versions: personalVersions } : null, missingKeys };
    if (missingKeys.length > 0 && request.onMissing === 'fail') {
      // Paths are worked out only when something is missing, and only for the entries listed.
      const { listed, count } = missingReferences(request.input, (key) => !values.has(key), MISSING_LISTED);
      const reasons = new Map<string, MissingReason>();
      for (const { key } of listed) if (!reasons.has(key)) reasons.set(key, await this.reasonMissing(workspaceId, key, ownerIsMember));
      return { answer: null, failure: new MissingReferences(listed.map((entry) => ({ ...entry, reason: reasons.get(entry.key)! })), count), ...used };
    }
    const output = substitute(request.input, values);
    const answer = request.masks ? { output, references, masks: [...new Set(values.values())] } : { output, references };
    return { answer, failure: null, ...used };
  }

  /**
   * Why a key did not resolve: the workspace once had it (`deleted`, or `destroyed`); the personal
   * scope it could have come from is out of reach (`personal_unavailable`: the trigger's user is
   * no active member, whatever they hold — their key names are not told); or neither the
   * workspace nor that member has it (`unknown`, as a typo would be).
   */
  private async reasonMissing(workspaceId: string, key: string, ownerIsMember: boolean): Promise<MissingReason> {
    const fate = await this.views.fateOf(owners.workspace(workspaceId), key);
    if (fate) return fate;
    return ownerIsMember ? 'unknown' : 'personal_unavailable';
  }

  /** Decrypts a version once while it is in use (see PlaintextCache: bounded, time-limited). */
  private async open(scope: 'workspace' | 'personal', secret: SecretDoc): Promise<string> {
    const ref = { scope, ownerId: secret.ownerId, key: secret.key, version: secret.version, dataKeyId: secret.value.dataKeyId };
    const known = this.plaintexts.get(ref);
    if (known !== undefined) return known;
    const plaintext = await this.cipher.open(ref, secret.value);
    this.plaintexts.set(ref, plaintext);
    return plaintext;
  }
}
