import { namedKeys, NotFound, RuleViolation, ValidationFailed, type FieldError } from '../errors';
import type { EventMetadata } from '../events/event';
import type { SecretDeleted, SecretSet } from '../events/secrets.events';
import { KEY_PATTERN, MAX_SECRETS_PER_SCOPE, type SealedValue } from '../events/values';
import { nextVersion, type SecretsState } from './secrets.state';

/** A value the handler has already sealed for the version this batch will give the key. */
export type PreparedValue = Readonly<{ key: string; version: number; value: SealedValue; fingerprint: string }>;

/** "Edit many rows, then Save": keys to set and keys to delete, all or nothing. */
export type SecretsBatch = Readonly<{ set: readonly PreparedValue[]; delete: readonly string[] }>;

/** Only the key names of a batch: what planning and authorisation need, before any sealing. */
export type BatchKeys = Readonly<{ set: readonly string[]; delete: readonly string[] }>;

export type BatchPlan = Readonly<{ created: readonly string[]; updated: readonly string[]; deleted: readonly string[] }>;

export function keysOf(batch: SecretsBatch): BatchKeys {
  return { set: batch.set.map((p) => p.key), delete: batch.delete };
}

/**
 * The refusals every secrets batch shares: an empty batch, a key set and deleted at once, an
 * invalid or repeated key, deleting an unknown key, going over the scope's limit.
 */
export function planBatch(state: SecretsState, keys: BatchKeys): BatchPlan {
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

  const unknown = keys.delete.filter((key) => !state.secrets.has(key));
  if (unknown.length > 0) throw new NotFound(`Secret not found: ${namedKeys(unknown)}`, 'secret_not_found');
  const created = keys.set.filter((key) => !state.secrets.has(key));
  const updated = keys.set.filter((key) => state.secrets.has(key));
  if (state.secrets.size + created.length - keys.delete.length > MAX_SECRETS_PER_SCOPE) tooMany();
  return { created, updated, deleted: keys.delete };
}

function tooMany(): never {
  throw new RuleViolation('too_many_secrets', `A scope holds at most ${MAX_SECRETS_PER_SCOPE} secrets`);
}

/**
 * The events of a planned batch, in request order: a SecretSet per changed value (a value equal
 * to the current one, same fingerprint under the same data key, records nothing), then a
 * SecretDeleted per deleted key. `onCreated` adds what a new key brings with it.
 */
export function batchEvents<Extra>(
  state: SecretsState,
  batch: SecretsBatch,
  metadata: EventMetadata,
  onCreated: (key: string) => Extra[] = () => [],
): Array<SecretSet | SecretDeleted | Extra> {
  const events: Array<SecretSet | SecretDeleted | Extra> = [];
  for (const prepared of batch.set) {
    const current = state.secrets.get(prepared.key);
    if (current && current.fingerprint === prepared.fingerprint && current.dataKeyId === prepared.value.dataKeyId) continue;
    if (prepared.version !== nextVersion(state, prepared.key)) {
      // The handler seals for the state it read; a mismatch is a bug, never a user error.
      throw new Error(`Value for ${prepared.key} was sealed for version ${prepared.version}, not ${nextVersion(state, prepared.key)}`);
    }
    const { key, version, value, fingerprint } = prepared;
    events.push({ type: 'SecretSet', data: { key, version, value, fingerprint }, metadata });
    if (!current) events.push(...onCreated(key));
  }
  for (const key of batch.delete) events.push({ type: 'SecretDeleted', data: { key }, metadata });
  return events;
}
