import { NotFound, RuleViolation, ValidationFailed, type FieldError } from '../errors';
import { BatchRefusals } from './batchRefusals';
import type { EventMetadata } from '../events/event';
import type { SecretDeleted, SecretSet } from '../events/secrets.events';
import type { SealedVersion, ValueToSeal } from '../crypto/batchSealer';
import { KEY_PATTERN, MAX_KEPT_LIFETIMES_PER_KEY, MAX_KEPT_LIFETIMES_PER_SCOPE, MAX_KEYS_EVER_PER_SCOPE, MAX_SECRETS_PER_SCOPE, type WorkspacePermission } from '../events/values';
import { canCreateSecrets, canEditSecret } from './secretRights';
import { nextVersion, type SecretsState } from './secrets.state';

/**
 * The rules of a save ("edit many rows, then Save"), shared by the workspace and personal
 * deciders: which keys a batch creates, updates and deletes, what it refuses, and the events it
 * makes once its values are sealed. Planning comes first and is pure, so a refused batch seals
 * nothing and makes no data key; the handler seals what the plan asks for, and the decider turns
 * plan and sealed values into events.
 */

/** Only the key names of a batch: what planning needs, before any value is sealed. */
export type BatchKeys = Readonly<{ set: readonly string[]; delete: readonly string[] }>;

export type { SealedVersion, ValueToSeal as ToSeal } from '../crypto/batchSealer';

export type BatchPlan = Readonly<{
  /** The state the plan was made on: the events are decided on that same state. */
  basis: SecretsState;
  created: readonly string[];
  updated: readonly string[];
  deleted: readonly string[];
  toSeal: readonly ValueToSeal[];
}>;

function tooMany(): never {
  throw new RuleViolation('too_many_secrets', `A scope holds at most ${MAX_SECRETS_PER_SCOPE} secrets`);
}

/**
 * The refusals every secrets batch shares: an empty batch, a key set and deleted at once, an
 * invalid or repeated key (400, before any key is read); deleting unknown keys (404, every such
 * key listed in `errors[]`); going over the scope's limit (409).
 */
export function planBatch(state: SecretsState, keys: BatchKeys): BatchPlan {
  validateBatch(keys);
  const refusals = new BatchRefusals();
  refuseUnknownDeletes(state, keys, refusals);
  refusals.throwIfAny();
  return planOf(state, keys);
}

/** Refusals before any key is read: an empty batch, too many keys, an invalid or repeated key (400). */
function validateBatch(keys: BatchKeys): void {
  if (keys.set.length === 0 && keys.delete.length === 0) {
    throw new ValidationFailed('The batch is empty', [{ field: 'set', message: 'set or delete at least one key' }]);
  }
  // Every key set is in the scope afterwards: more than it holds is refused before any key is read.
  if (keys.set.length > MAX_SECRETS_PER_SCOPE) tooMany();
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const check = (key: string, field: string) => {
    if (!KEY_PATTERN.test(key)) errors.push({ field, message: 'must be 1-256 letters, digits or underscores' });
    else if (seen.has(key)) errors.push({ field, message: `${key} is both set and deleted, or repeated` });
    seen.add(key);
  };
  keys.set.forEach((key) => check(key, `set.${key}`));
  keys.delete.forEach((key, i) => check(key, `delete.${i}`));
  if (errors.length > 0) throw new ValidationFailed('The batch is invalid', errors);
}

/** Deleting a key the scope does not hold: each such key is refused (404) on its `delete.KEY`. */
function refuseUnknownDeletes(state: SecretsState, keys: BatchKeys, refusals: BatchRefusals): void {
  const unknown = keys.delete.filter((key) => !state.secrets.has(key));
  refusals.add('notFound', 'secret_not_found', unknown.map((key) => `delete.${key}` as const), (key) => `Secret ${key} not found`, (named) => `Secret not found: ${named}`);
}

/** The plan of a batch nothing refused, once the scope's limit is checked. */
function planOf(state: SecretsState, keys: BatchKeys): BatchPlan {
  const created = keys.set.filter((key) => !state.secrets.has(key));
  const updated = keys.set.filter((key) => state.secrets.has(key));
  if (state.secrets.size + created.length - keys.delete.length > MAX_SECRETS_PER_SCOPE) tooMany();
  const neverHad = created.filter((key) => !state.lastVersions.has(key)).length;
  // Only a key the scope never had is refused: one that had more before the bound came keeps working on its own.
  if (neverHad > 0 && state.lastVersions.size + neverHad > MAX_KEYS_EVER_PER_SCOPE) {
    throw new RuleViolation('too_many_keys_ever', `A scope keeps every key it ever had, at most ${MAX_KEYS_EVER_PER_SCOPE}: set again a key it had before`);
  }
  const crowded = created.find((key) => (state.lifetimes.get(key)?.length ?? 0) >= MAX_KEPT_LIFETIMES_PER_KEY);
  if (crowded !== undefined) {
    throw new RuleViolation('too_many_lifetimes', `${crowded} has ${MAX_KEPT_LIFETIMES_PER_KEY} lifetimes that are not destroyed, at most: destroy old ones before setting it again`);
  }
  // Each key set that is not live starts a lifetime.
  if (state.keptLifetimes + created.length > MAX_KEPT_LIFETIMES_PER_SCOPE) {
    throw new RuleViolation('too_many_lifetimes', `A scope keeps at most ${MAX_KEPT_LIFETIMES_PER_SCOPE} lifetimes that are not destroyed over all its keys: destroy old ones first`);
  }
  const toSeal = keys.set.map((key) => ({ key, version: nextVersion(state, key), dataKeyId: state.secrets.get(key)?.dataKeyId ?? null }));
  return { basis: state, created, updated, deleted: keys.delete, toSeal };
}

/**
 * A workspace batch also checks the actor's rights on every key it touches: creating needs
 * workspace `admin` or `write`; changing or deleting an existing key needs to be its Admin.
 * One key the actor may not touch refuses the whole batch, and every refused key is listed
 * (DESIGN §10): 403 if any is forbidden, else 404 for unknown deletes.
 */
export function planWorkspaceBatch(state: SecretsState, actor: string, permission: WorkspacePermission | null, keys: BatchKeys): BatchPlan {
  if (permission === null) throw new NotFound('Workspace not found', 'workspace_not_found');
  validateBatch(keys);
  const refusals = new BatchRefusals();
  const created = keys.set.filter((key) => !state.secrets.has(key));
  if (!canCreateSecrets(permission)) {
    const fields = created.map((key) => `set.${key}` as const);
    refusals.add('forbidden', 'forbidden', fields, () => 'Read members cannot create secrets', (named) => `Read members cannot create secrets: ${named}`);
  }
  const mayEdit = (key: string) => canEditSecret(permission, state.secrets.get(key)?.members.get(actor));
  const notAdmin = [
    ...keys.set.filter((key) => state.secrets.has(key) && !mayEdit(key)).map((key) => `set.${key}` as const),
    ...keys.delete.filter((key) => state.secrets.has(key) && !mayEdit(key)).map((key) => `delete.${key}` as const),
  ];
  refusals.add('forbidden', 'forbidden', notAdmin, (key) => `Only the secret's admins can change or delete ${key}`, (named) => `Only the secret's admins can change or delete: ${named}`);
  refuseUnknownDeletes(state, keys, refusals);
  refusals.throwIfAny();
  return planOf(state, keys);
}

/**
 * The events of a planned batch, in request order: a SecretSet per changed value (a value equal
 * to the current one, same fingerprint under the same data key, records nothing), then a
 * SecretDeleted per deleted key. `onCreated` adds what a new key brings with it.
 */
export function batchEvents<Extra>(
  state: SecretsState,
  plan: BatchPlan,
  sealed: ReadonlyMap<string, SealedVersion>,
  metadata: EventMetadata,
  onCreated: (key: string) => Extra[] = () => [],
): Array<SecretSet | SecretDeleted | Extra> {
  // The handler plans, seals and decides on one state; another one here is a bug, never a user error.
  if (plan.basis !== state) throw new Error('The batch was planned on another state than it is decided on');
  const events: Array<SecretSet | SecretDeleted | Extra> = [];
  for (const { key, version } of plan.toSeal) {
    const value = sealed.get(key);
    if (value?.version !== version) throw new Error(`Value for ${key} was sealed for version ${value?.version}, not ${version}`);
    const current = state.secrets.get(key);
    if (current && current.fingerprint === value.fingerprint && current.dataKeyId === value.value.dataKeyId) continue;
    // A live key's value stays under its lifetime's data key (the plan sealed it so).
    const continues = current !== undefined && current.dataKeyId === value.value.dataKeyId;
    const data = { key, version, value: value.value, fingerprint: value.fingerprint, ...(continues ? { continuesLifetime: true as const } : {}) };
    events.push({ type: 'SecretSet', data, metadata });
    if (!current) events.push(...onCreated(key));
  }
  // Only live keys are deleted (refuseUnknownDeletes).
  for (const key of plan.deleted) events.push({ type: 'SecretDeleted', data: { key, version: state.secrets.get(key)!.version }, metadata });
  return events;
}
