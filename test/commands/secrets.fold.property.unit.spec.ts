import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldSecrets, initialSecretsState, type SecretsState } from '../../src/commands/secrets.state';
import type { WorkspaceSecretsEvent } from '../../src/events/secrets.events';
import { meta } from './workspace.fixtures';
import { detailsChanged, memberAdded, memberRemoved, prepared, roleChanged, secretDeleted, secretSet } from './secrets.fixtures';

const KEYS = ['A', 'B'];
/** A few data keys, so that sets, restores and destroys name the same lifetimes. */
const DATA_KEYS = ['dk_1', 'dk_2', 'dk_3'];
const USERS = ['bob', 'carol', 'dave'];

/** Any secrets event over a few keys, valid or not: a fold takes what the log holds. */
const anyEvent: fc.Arbitrary<WorkspaceSecretsEvent> = fc.oneof(
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
  fc.constantFrom(...DATA_KEYS).map((dataKeyId): WorkspaceSecretsEvent => ({ type: 'PersonalDataErased', data: { dataKeyIds: [dataKeyId] }, metadata: meta('system') })),
);

/** A state's maps as lists of entries, so that comparing them compares their order too (toEqual does not, for maps). */
const inOrder = (state: SecretsState) => Object.fromEntries(Object.entries(state).map(([name, map]) => [name, [...(map as ReadonlyMap<string, unknown>).entries()]]));

describe('A secrets stream folded', () => {
  it('at once, in any pieces, is the same as one event at a time, and leaves the state it started from as it was', () =>
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 12 }), fc.array(anyEvent, { maxLength: 30 }), (before, events) => {
        const start = foldSecrets(initialSecretsState, before);
        const untouched = structuredClone(start);
        // Every state along the way, as a cache would hold it and fold it further.
        const along = events.reduce((states, event) => [...states, foldSecrets(states[states.length - 1]!, [event])], [start]);
        const kept = along.map((state) => structuredClone(state));
        const oneByOne = along[along.length - 1]!;
        const half = Math.floor(events.length / 2);
        expect(inOrder(foldSecrets(start, events))).toEqual(inOrder(oneByOne));
        expect(inOrder(foldSecrets(foldSecrets(start, events.slice(0, half)), events.slice(half)))).toEqual(inOrder(oneByOne));
        along.forEach((state, i) => foldSecrets(state, events.slice(i)));
        expect(inOrder(start)).toEqual(inOrder(untouched));
        along.forEach((state, i) => expect(inOrder(state)).toEqual(inOrder(kept[i]!)));
      }),
      { numRuns: 500 },
    ));
});
