import { describe, expect, it } from 'vitest';
import { personalSecretsDecider } from '../../src/commands/personalSecrets.decider';
import { NotFound, RuleViolation, ValidationFailed } from '../../src/errors';
import type { PersonalSecretsEvent } from '../../src/events/secrets.events';
import { given } from './deciderSpec';
import { meta } from './workspace.fixtures';
import { detailsChanged, filled, prepared, savePersonal, sealedText, secretDeleted, secretSet, type Batch } from './secrets.fixtures';

const givenPersonal = (...history: PersonalSecretsEvent[][]) => given(personalSecretsDecider, history.flat());
const byOwner = (batch: Batch) => savePersonal('alice', batch);

describe('Personal secrets', () => {
  describe('when the batch is malformed', () => {
    it('refuses an empty batch', () => givenPersonal().when(byOwner({})).thenThrows(ValidationFailed));

    it('refuses a key that is both set and deleted', () =>
      givenPersonal([secretSet('A', 1)]).when(byOwner({ set: [prepared('A', 2)], delete: ['A'] })).thenThrows(ValidationFailed));

    it.each(['', 'A-B', 'K'.repeat(257)])('refuses the key %j', (key) =>
      givenPersonal().when(byOwner({ set: [prepared(key, 1)] })).thenThrows(ValidationFailed));
  });

  describe('when a key to delete does not exist', () => {
    it('refuses it', () => givenPersonal().when(byOwner({ delete: ['NOPE'] })).thenThrows(NotFound, { code: 'secret_not_found' }));

    it('refuses a key already deleted', () =>
      givenPersonal([secretSet('A', 1), secretDeleted('A')]).when(byOwner({ delete: ['A'] })).thenThrows(NotFound));
  });

  describe('when the scope holds 1,000 secrets', () => {
    it('refuses another one', () =>
      givenPersonal(filled(1000)).when(byOwner({ set: [prepared('NEW', 1)] })).thenThrows(RuleViolation, { code: 'too_many_secrets' }));

    it('accepts a new one in a batch that deletes another', () =>
      givenPersonal(filled(1000))
        .when(byOwner({ set: [prepared('NEW', 1)], delete: ['K0001'] }))
        .then([secretSet('NEW', 1), secretDeleted('K0001', 'alice', 1)]));
  });

  // A scope keeps every key it ever had (versions go on across deletes), and every command folds
  // and copies what it keeps: a scope whose keys came and went without end made each save cost more.
  describe('when the scope has had 10,000 keys', () => {
    const churned = Array.from({ length: 10 }, (_, round) => {
      const keys = Array.from({ length: 1000 }, (_, i) => `K${round}_${i}`);
      return [...keys.map((key) => secretSet(key, 1)), ...keys.map((key) => secretDeleted(key, 'alice', 1))];
    }).flat();

    it('refuses a key it never had, whatever else the batch does', () => {
      givenPersonal(churned).when(byOwner({ set: [prepared('NEW', 1)] })).thenThrows(RuleViolation, { code: 'too_many_keys_ever' });
      givenPersonal(churned, [secretSet('K0_0', 2)])
        .when(byOwner({ set: [prepared('NEW', 1)], delete: ['K0_0'] }))
        .thenThrows(RuleViolation, { code: 'too_many_keys_ever' });
    });

    it('sets again a key it had before, which goes on from its last version', () =>
      givenPersonal(churned).when(byOwner({ set: [prepared('K3_7', 2)] })).then([secretSet('K3_7', 2)]));

    // A scope that had more before the bound came keeps working on its keys: only a key it never had is refused.
    it('lets a scope already past the bound update, delete and set again the keys it had', () => {
      const past = [...churned, secretSet('EXTRA', 1), secretSet('LIVE', 1)];
      givenPersonal(past).when(byOwner({ set: [prepared('LIVE', 2)] })).then([secretSet('LIVE', 2, { continues: true })]);
      givenPersonal(past).when(byOwner({ delete: ['LIVE'] })).then([secretDeleted('LIVE', 'alice', 1)]);
      givenPersonal(past).when(byOwner({ set: [prepared('K3_7', 2)] })).then([secretSet('K3_7', 2)]);
      givenPersonal(past).when(byOwner({ set: [prepared('NEW', 1)] })).thenThrows(RuleViolation, { code: 'too_many_keys_ever' });
    });
  });

  /** The destruction of a key's first lifetime, version 1 under `dataKeyId`. */
  const firstDestroyed = (key: string, dataKeyId: string): PersonalSecretsEvent => ({
    type: 'SecretDestroyed',
    data: { key, lifetimes: [{ dataKeyId, firstVersion: 1, lastVersion: 1 }], dataKeyIds: [dataKeyId] },
    metadata: meta('alice'),
  });

  // Each lifetime not destroyed is listed in the key's deleted-secrets document, written again at
  // every deletion and re-creation: a key deleted and set again without end made each write larger.
  describe('when a key has 1,000 lifetimes not destroyed', () => {
    const lifetimes = Array.from({ length: 1000 }, (_, i) => [secretSet('K', i + 1, { dataKeyId: `dk_${i + 1}` }), secretDeleted('K', 'alice', i + 1)]).flat();
    const destroyedFirst = firstDestroyed('K', 'dk_1');

    it('refuses to start another, and starts one once one of them is destroyed', () => {
      givenPersonal(lifetimes).when(byOwner({ set: [prepared('K', 1001)] })).thenThrows(RuleViolation, { code: 'too_many_lifetimes' });
      givenPersonal(lifetimes, [destroyedFirst]).when(byOwner({ set: [prepared('K', 1001)] })).then([secretSet('K', 1001)]);
    });
  });

  // Each lifetime not destroyed is held in the scope's state (loaded, copied, cached) until it is:
  // 1,000 a key over 10,000 keys was 10,000,000 of them, made by ~20,000 batches of sets and deletes.
  describe('when the scope keeps 50,000 lifetimes not destroyed', () => {
    const keys = Array.from({ length: 50 }, (_, k) => `K${k}`);
    const lifetimes = Array.from({ length: 1000 }, (_, i) =>
      keys.flatMap((key) => [secretSet(key, i + 1, { dataKeyId: `dk_${key}_${i + 1}` }), secretDeleted(key, 'alice', i + 1)]),
    ).flat();
    const destroyedFirst = firstDestroyed('K0', 'dk_K0_1');

    it('refuses a key that would start another, and takes it once one of them is destroyed', () => {
      givenPersonal(lifetimes).when(byOwner({ set: [prepared('NEW', 1)] })).thenThrows(RuleViolation, { code: 'too_many_lifetimes' });
      givenPersonal(lifetimes, [destroyedFirst]).when(byOwner({ set: [prepared('NEW', 1)] })).then([secretSet('NEW', 1)]);
      // Each new key of a batch starts one: room for one is no room for two.
      givenPersonal(lifetimes, [destroyedFirst]).when(byOwner({ set: [prepared('NEW', 1), prepared('OTHER', 1)] })).thenThrows(RuleViolation, { code: 'too_many_lifetimes' });
    });
  });

  describe('when the key is new', () => {
    it('records version 1 and no member: personal secrets are not shared', () =>
      givenPersonal().when(byOwner({ set: [prepared('TOKEN', 1)] })).then([secretSet('TOKEN', 1)]));
  });

  describe('when the key exists', () => {
    it('records the next version', () =>
      givenPersonal([secretSet('TOKEN', 1), secretSet('TOKEN', 2)]).when(byOwner({ set: [prepared('TOKEN', 3)] })).then([secretSet('TOKEN', 3, { continues: true })]));

    it('records nothing for its current value', () =>
      givenPersonal([secretSet('TOKEN', 1)]).when(byOwner({ set: [prepared('TOKEN', 2, { fingerprint: 'fp_TOKEN_v1' })] })).thenNothing());

    it('records its deletion', () =>
      givenPersonal([secretSet('TOKEN', 1)]).when(byOwner({ delete: ['TOKEN'] })).then([secretDeleted('TOKEN', 'alice', 1)]));

    it('keeps its details when the value changes', () => {
      const { state } = givenPersonal([secretSet('TOKEN', 1), detailsChanged('TOKEN', { displayName: 'Token' }), secretSet('TOKEN', 2)]);
      expect(state.secrets.get('TOKEN')).toMatchObject({ version: 2, displayName: sealedText('Token') });
    });
  });

  describe('when a deleted key is set again', () => {
    const history = [secretSet('TOKEN', 1), secretSet('TOKEN', 2), detailsChanged('TOKEN', { displayName: 'Token' }), secretDeleted('TOKEN')];

    it('continues its version numbers, in a new lifetime', () => givenPersonal(history).when(byOwner({ set: [prepared('TOKEN', 3)] })).then([secretSet('TOKEN', 3)]));

    it('starts with fresh details', () =>
      expect(givenPersonal(history, [secretSet('TOKEN', 3)]).state.secrets.get('TOKEN')).toMatchObject({ version: 3, displayName: null }));
  });

  describe('when a value was sealed for another version than the next', () => {
    it('throws', () =>
      givenPersonal([secretSet('TOKEN', 1, { fingerprint: 'old' })])
        .when(byOwner({ set: [prepared('TOKEN', 1)] }))
        .thenThrows(Error, { message: 'Value for TOKEN was sealed for version 1, not 2' }));
  });
});
