import { NotFound } from '../errors';
import type { EventMetadata } from '../events/event';
import type { SecretDetailsChanged } from '../events/secrets.events';
import type { SealedValue } from '../events/values';
import type { SecretState, SecretsState } from './secrets.state';

/**
 * A detail as the handler brings it: sealed under the secret's data key (what is recorded), and
 * its text, only to compare with the current one — never recorded.
 */
export type DetailText = Readonly<{ text: string; sealed: SealedValue }>;

/** A change of a secret's details: a field left out stays, null clears it. */
export type DetailsChange = Readonly<{ displayName?: DetailText | null; description?: DetailText | null }>;

/** The secret's details in the clear, opened by the handler from the sealed ones the state holds. */
export type CurrentDetails = Readonly<{ displayName: string | null; description: string | null }>;

export function requireSecret(state: SecretsState, key: string): SecretState {
  const secret = state.secrets.get(key);
  if (!secret) throw new NotFound(`Secret ${key} not found`, 'secret_not_found');
  return secret;
}

/** Records only the fields that change (compared in the clear, recorded sealed); nothing when none does. */
export function detailsEvents(key: string, change: DetailsChange, current: CurrentDetails, metadata: EventMetadata): SecretDetailsChanged[] {
  const data: { key: string; displayName?: SealedValue | null; description?: SealedValue | null } = { key };
  for (const field of ['displayName', 'description'] as const) {
    const next = change[field];
    if (next !== undefined && (next?.text ?? null) !== current[field]) data[field] = next?.sealed ?? null;
  }
  if (data.displayName === undefined && data.description === undefined) return [];
  return [{ type: 'SecretDetailsChanged', data, metadata }];
}
