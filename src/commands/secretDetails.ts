import { NotFound } from '../errors';
import type { EventMetadata } from '../events/event';
import type { SecretDetailsChanged } from '../events/secrets.events';
import type { SecretState, SecretsState } from './secrets.state';

/** A change of a secret's details: a field left out stays, null clears it. */
export type DetailsChange = Readonly<{ displayName?: string | null; description?: string | null }>;

export function requireSecret(state: SecretsState, key: string): SecretState {
  const secret = state.secrets.get(key);
  if (!secret) throw new NotFound(`Secret ${key} not found`, 'secret_not_found');
  return secret;
}

/** Records only the fields that change; nothing when none does. */
export function detailsEvents(secret: SecretState, key: string, change: DetailsChange, metadata: EventMetadata): SecretDetailsChanged[] {
  const data: { key: string; displayName?: string | null; description?: string | null } = { key };
  if (change.displayName !== undefined && change.displayName !== secret.displayName) data.displayName = change.displayName;
  if (change.description !== undefined && change.description !== secret.description) data.description = change.description;
  if (data.displayName === undefined && data.description === undefined) return [];
  return [{ type: 'SecretDetailsChanged', data, metadata }];
}
