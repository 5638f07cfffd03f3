import { Forbidden, MissingReferences, NotFound, ValidationFailed } from '../errors';
import type { SecretCipher } from '../crypto/secretCipher';
import type { Views } from '../projections/queries';
import type { SecretDoc } from '../projections/views';
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
  input: unknown;
  onMissing: 'fail' | 'keep';
  masks: boolean;
}>;

export type ResolvedReference = Readonly<{ key: string; scope: 'workspace' | 'personal'; version: number }>;

export type ResolveResult = Readonly<{
  output: unknown;
  references: ResolvedReference[];
  /** The distinct values substituted, when asked for: executors scrub them from their logs. */
  masks?: string[];
}>;

/**
 * Resolution (DESIGN §1): the workspace secret wins; otherwise the personal secret of the user
 * the trigger names, only while that user is an active member; otherwise the key is missing.
 * Reads only the views, through the cache; never the event store.
 */
export class Resolver {
  private readonly plaintexts = new WeakMap<SecretDoc, string>();

  constructor(
    private readonly views: Views,
    private readonly cipher: SecretCipher,
  ) {}

  async resolve(request: ResolveRequest): Promise<ResolveResult> {
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
    let substituted = 0;
    for (const [key, count] of counts) {
      const workspaceSecret = await this.views.workspaceSecret(workspaceId, key);
      const personalSecret = workspaceSecret || !ownerIsMember ? null : await this.views.personalSecret(personalOwner, key);
      const secret = workspaceSecret ?? personalSecret;
      if (!secret) continue;
      const scope = workspaceSecret ? 'workspace' : 'personal';
      const value = await this.open(scope, secret);
      substituted += count * Buffer.byteLength(value, 'utf8');
      values.set(key, value);
      references.push({ key, scope, version: secret.version });
    }
    if (substituted > MAX_SUBSTITUTED_BYTES) {
      const message = `the references would substitute more than ${MAX_SUBSTITUTED_BYTES} bytes of values`;
      throw new ValidationFailed(`The input is too large to resolve: ${message}`, [{ field: 'input', message }]);
    }

    if (values.size < counts.size && request.onMissing === 'fail') {
      // Paths are worked out only when something is missing, and only for the entries listed.
      const { listed, count } = missingReferences(request.input, (key) => !values.has(key), MISSING_LISTED);
      throw new MissingReferences(listed, count);
    }
    const output = substitute(request.input, values);
    return request.masks ? { output, references, masks: [...new Set(values.values())] } : { output, references };
  }

  /**
   * Decrypts once per cached view document: the plaintext lives as long as the view cache keeps
   * that document (a new version or a deletion replaces the document, and its plaintext goes
   * with it). Decryption was the largest cost of a resolution.
   */
  private async open(scope: 'workspace' | 'personal', secret: SecretDoc): Promise<string> {
    const known = this.plaintexts.get(secret);
    if (known !== undefined) return known;
    const plaintext = await this.cipher.open({ scope, ownerId: secret.ownerId, key: secret.key, version: secret.version }, secret.value);
    this.plaintexts.set(secret, plaintext);
    return plaintext;
  }
}
