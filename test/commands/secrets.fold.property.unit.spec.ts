import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldSecrets, initialSecretsState, type SecretsState } from '../../src/commands/secrets.state';
import type { PersonalSecretsEvent, WorkspaceSecretsEvent } from '../../src/events/secrets.events';
import { foldsAgree, snapshotsAgree } from './foldProperty';
import { meta } from './workspace.fixtures';
import { detailsChanged, memberAdded, memberRemoved, prepared, roleChanged, secretDeleted, secretSet } from './secrets.fixtures';

const KEYS = ['A', 'B'];
/** A few data keys, so that sets, restores and destroys name the same lifetimes. */
const DATA_KEYS = ['dk_1', 'dk_2', 'dk_3'];
const USERS = ['bob', 'carol', 'dave'];

/** Any secrets event over a few keys, valid or not: a fold takes what the log holds. */
const anyEvent: fc.Arbitrary<WorkspaceSecretsEvent | PersonalSecretsEvent> = fc.oneof<fc.Arbitrary<WorkspaceSecretsEvent | PersonalSecretsEvent>[]>(
  fc.tuple(fc.constantFrom(...KEYS), fc.integer({ min: 1, max: 9 }), fc.constantFrom(...DATA_KEYS), fc.boolean()).map(([key, version, dataKeyId, continues]) =>
    secretSet(key, version, { dataKeyId, ...(continues ? { continues: true as const } : {}) }),
  ),
  fc.tuple(fc.constantFrom(...KEYS), fc.integer({ min: 1, max: 9 })).map(([key, version]) => secretDeleted(key, 'alice', version)),
  fc
    .tuple(fc.constantFrom(...KEYS), fc.integer({ min: 1, max: 9 }), fc.constantFrom(...DATA_KEYS), fc.subarray(USERS), fc.constantFrom<'admin' | 'member'>('admin', 'member'))
    .map(([key, version, dataKeyId, users, role]): WorkspaceSecretsEvent => {
      const { value, fingerprint } = prepared(key, version, { dataKeyId });
      const members = users.map((userId) => ({ userId, role }));
      return { type: 'SecretRestored', data: { key, version, value, fingerprint, displayName: null, description: null, members }, metadata: meta('alice') };
    }),
  fc.tuple(fc.constantFrom(...KEYS), fc.subarray(DATA_KEYS, { minLength: 1 })).map(([key, dataKeyIds]): WorkspaceSecretsEvent => ({
    type: 'SecretDestroyed',
    data: { key, lifetimes: dataKeyIds.map((dataKeyId) => ({ dataKeyId, firstVersion: 1, lastVersion: 1 })), dataKeyIds },
    metadata: meta('alice'),
  })),
  fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...USERS)).map(([key, user]) => memberAdded(key, user, 'member', 'bob')),
  fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...USERS), fc.constantFrom<'admin' | 'member'>('admin', 'member')).map(([key, user, role]) => roleChanged(key, user, role, 'bob')),
  fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...USERS)).map(([key, user]) => memberRemoved(key, user, 'bob')),
  fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom('Stripe', 'GitHub')).map(([key, displayName]) => detailsChanged(key, { displayName })),
  fc.constantFrom(...DATA_KEYS).map((dataKeyId): PersonalSecretsEvent => ({ type: 'PersonalDataErased', data: { dataKeyIds: [dataKeyId] }, metadata: meta('system') })),
);

/** The counts a state keeps as it goes, which the command side's cache weighs and the bounds read, agree with what it holds. */
function countsAgree(state: SecretsState): void {
  const sum = (sizes: Iterable<number>) => [...sizes].reduce((total, size) => total + size, 0);
  expect(state.keptLifetimes).toBe(sum([...state.lifetimes.values()].map((list) => list.length)));
  expect(state.explicitRoles).toBe(sum([...state.secrets.values(), ...state.deleted.values()].map((secret) => secret.members.size)));
}

describe('A secrets stream folded', () => {
  it('at once, in any pieces, is the same as one event at a time, and leaves every state it started from as it was', () =>
    foldsAgree(foldSecrets, initialSecretsState, anyEvent, countsAgree));

  it('as a snapshot written and read back, is the same state, and folds on to the same', () => snapshotsAgree(foldSecrets, initialSecretsState, anyEvent));
});
