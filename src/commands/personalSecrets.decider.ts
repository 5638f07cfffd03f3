import { metadataOf } from '../events/event';
import type { PersonalSecretsEvent } from '../events/secrets.events';
import type { SealedValue } from '../events/values';
import { unhandled, type Command, type Decider } from './command';
import { destroyEvents, expireEvents, purgeEvents, restoreEvents, rollbackEvents } from './secretLifecycle';
import { foldSecrets, initialSecretsState, SECRETS_STATE_FORMAT, type SecretsState } from './secrets.state';
import { batchEvents, type BatchPlan, type SealedVersion } from './secrets.batch';
import { detailsEvents, requireSecret, type CurrentDetails, type DetailsChange } from './secretDetails';

/**
 * Personal secrets belong to one user; the handler only ever loads the actor's own stream, so
 * the owner is the only one who reaches this decider and there are no rights to check.
 */
export type SavePersonalSecrets = Command<'SavePersonalSecrets', { plan: BatchPlan; sealed: ReadonlyMap<string, SealedVersion> }>;

export type ChangePersonalSecretDetails = Command<'ChangePersonalSecretDetails', { key: string; change: DetailsChange; current: CurrentDetails }>;

export type RollbackPersonalSecret = Command<'RollbackPersonalSecret', { key: string; version: number; sealed: { value: SealedValue; fingerprint: string } }>;
export type RestorePersonalSecret = Command<'RestorePersonalSecret', { key: string; lastValue: (version: number) => SealedValue | undefined }>;
export type DestroyPersonalSecret = Command<'DestroyPersonalSecret', { key: string; all: boolean }>;
export type ExpirePersonalLifetimes = Command<'ExpirePersonalLifetimes', { key: string; dataKeyIds: readonly string[] }>;
/** The owner's erasure (DESIGN §9): every personal secret destroyed, then their subject keys named for destruction. */
export type DestroyAllPersonalSecrets = Command<'DestroyAllPersonalSecrets', Record<string, never>>;
export type ErasePersonalData = Command<'ErasePersonalData', { dataKeyIds: readonly string[] }>;

export type PersonalSecretsCommand = SavePersonalSecrets | ChangePersonalSecretDetails | RollbackPersonalSecret | RestorePersonalSecret | DestroyPersonalSecret | ExpirePersonalLifetimes | DestroyAllPersonalSecrets | ErasePersonalData;

function decide(command: PersonalSecretsCommand, state: SecretsState): PersonalSecretsEvent[] {
  const metadata = metadataOf(command.context);
  switch (command.type) {
    case 'SavePersonalSecrets':
      return batchEvents(state, command.data.plan, command.data.sealed, metadata);
    case 'ChangePersonalSecretDetails': {
      const { key, change, current } = command.data;
      requireSecret(state, key);
      return detailsEvents(key, change, current, metadata);
    }
    // The owner may do all of it: no access to check (null).
    case 'RollbackPersonalSecret':
      return rollbackEvents(state, command.data.key, command.data.version, command.context.actor, null, command.data.sealed, metadata);
    case 'RestorePersonalSecret':
      return restoreEvents(state, command.data.key, command.context.actor, null, command.data.lastValue, metadata).filter((e) => e.type === 'SecretRestored');
    case 'DestroyPersonalSecret':
      return destroyEvents(state, command.data.key, command.data.all, command.context.actor, null, metadata);
    case 'ExpirePersonalLifetimes':
      return expireEvents(state, command.data.key, command.data.dataKeyIds, metadata);
    case 'DestroyAllPersonalSecrets':
      return purgeEvents(state, metadata);
    case 'ErasePersonalData':
      return [{ type: 'PersonalDataErased', data: { dataKeyIds: [...command.data.dataKeyIds] }, metadata }];
    default:
      return unhandled(command);
  }
}

export const personalSecretsDecider: Decider<SecretsState, PersonalSecretsCommand, PersonalSecretsEvent> = {
  initialState: initialSecretsState,
  fold: foldSecrets,
  stateFormat: SECRETS_STATE_FORMAT,
  decide,
};
