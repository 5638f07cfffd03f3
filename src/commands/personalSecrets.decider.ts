import { metadataOf } from '../events/event';
import type { PersonalSecretsEvent } from '../events/secrets.events';
import { unhandled, type Command, type Decider } from './command';
import { evolveSecrets, initialSecretsState, type SecretsState } from './secrets.state';
import { batchEvents, type BatchPlan, type SealedVersion } from './secrets.batch';
import { detailsEvents, requireSecret, type CurrentDetails, type DetailsChange } from './secretDetails';

/**
 * Personal secrets belong to one user; the handler only ever loads the actor's own stream, so
 * the owner is the only one who reaches this decider and there are no rights to check.
 */
export type SavePersonalSecrets = Command<'SavePersonalSecrets', { plan: BatchPlan; sealed: ReadonlyMap<string, SealedVersion> }>;

export type ChangePersonalSecretDetails = Command<'ChangePersonalSecretDetails', { key: string; change: DetailsChange; current: CurrentDetails }>;

export type PersonalSecretsCommand = SavePersonalSecrets | ChangePersonalSecretDetails;

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
    default:
      return unhandled(command);
  }
}

export const personalSecretsDecider: Decider<SecretsState, PersonalSecretsCommand, PersonalSecretsEvent> = {
  initialState: initialSecretsState,
  evolve: evolveSecrets,
  decide,
};
