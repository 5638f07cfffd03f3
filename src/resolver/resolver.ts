import { Forbidden, MissingReferences, NotFound } from '../errors';
import type { SecretCipher } from '../crypto/secretCipher';
import type { Views } from '../projections/queries';
import type { SecretDoc } from '../projections/views';
import { collectReferences, referencedKeys, substitute } from './references';

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
    if (!(await this.views.workspace(workspaceId))) throw new NotFound('Workspace not found', 'workspace_not_found');
    const personalOwner = request.trigger === 'manual' ? request.triggeredBy! : request.workflowOwnerId!;
    const ownerIsMember = (await this.views.member(workspaceId, personalOwner)) !== null;
    if (request.trigger === 'manual' && !ownerIsMember) {
      throw new Forbidden('triggeredBy is not an active member of the workspace', 'not_a_member');
    }

    const keys = referencedKeys(request.input);
    const values = new Map<string, string>();
    const references: ResolvedReference[] = [];
    for (const key of keys) {
      const workspaceSecret = await this.views.workspaceSecret(workspaceId, key);
      if (workspaceSecret) {
        values.set(key, await this.open('workspace', workspaceSecret));
        references.push({ key, scope: 'workspace', version: workspaceSecret.version });
        continue;
      }
      const personalSecret = ownerIsMember ? await this.views.personalSecret(personalOwner, key) : null;
      if (personalSecret) {
        values.set(key, await this.open('personal', personalSecret));
        references.push({ key, scope: 'personal', version: personalSecret.version });
      }
    }

    if (values.size < keys.size && request.onMissing === 'fail') {
      // Paths are worked out only when something is missing: the hot path never builds them.
      // One entry per distinct {key, path}: a string that names a missing key twice lists it once.
      const found = collectReferences(request.input).filter((r) => !values.has(r.key));
      throw new MissingReferences([...new Map(found.map((r) => [`${r.path}\u0000${r.key}`, r])).values()]);
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
