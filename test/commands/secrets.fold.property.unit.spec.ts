import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldSecrets, initialSecretsState, type SecretsState } from '../../src/commands/secrets.state';
import type { WorkspaceSecretsEvent } from '../../src/events/secrets.events';
import { meta } from './workspace.fixtures';
import { memberAdded, memberRemoved, prepared, secretDeleted, secretSet } from './secrets.fixtures';

const KEYS = ['A', 'B'];
/** A few data keys, so that sets, restores and destroys name the same lifetimes. */
const DATA_KEYS = ['dk_1', 'dk_2', 'dk_3'];

/** Any secrets event over a few keys, valid or not: a fold takes what the log holds. */
const anyEvent: fc.Arbitrary<WorkspaceSecretsEvent> = fc.oneof(
  fc.tuple(fc.constantFrom(...KEYS), fc.integer({ min: 1, max: 9 }), fc.constantFrom(...DATA_KEYS), fc.boolean()).map(([key, version, dataKeyId, continues]) =>
    secretSet(key, version, { dataKeyId, ...(continues ? { continues: true as const } : {}) }),
  ),
  fc.tuple(fc.constantFrom(...KEYS), fc.integer({ min: 1, max: 9 })).map(([key, version]) => secretDeleted(key, 'alice', version)),
  fc.tuple(fc.constantFrom(...KEYS), fc.integer({ min: 1, max: 9 }), fc.constantFrom(...DATA_KEYS)).map(([key, version, dataKeyId]): WorkspaceSecretsEvent => {
    const { value, fingerprint } = prepared(key, version, { dataKeyId });
    return { type: 'SecretRestored', data: { key, version, value, fingerprint, displayName: null, description: null, members: [{ userId: 'bob', role: 'admin' }] }, metadata: meta('alice') };
  }),
  fc.tuple(fc.constantFrom(...KEYS), fc.subarray(DATA_KEYS, { minLength: 1 })).map(([key, dataKeyIds]): WorkspaceSecretsEvent => ({
    type: 'SecretDestroyed',
    data: { key, lifetimes: dataKeyIds.map((dataKeyId) => ({ dataKeyId, firstVersion: 1, lastVersion: 1 })), dataKeyIds },
    metadata: meta('alice'),
  })),
  fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom('carol', 'dave')).map(([key, user]) => memberAdded(key, user, 'member', 'bob')),
  fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom('carol', 'dave')).map(([key, user]) => memberRemoved(key, user, 'bob')),
);

/** A state's maps as lists of entries, so that comparing them compares their order too (toEqual does not, for maps). */
const inOrder = (state: SecretsState) => Object.fromEntries(Object.entries(state).map(([name, map]) => [name, [...(map as ReadonlyMap<string, unknown>).entries()]]));

describe('A secrets stream folded', () => {
  it('at once, in any pieces, is the same as one event at a time, and leaves the state it started from as it was', () =>
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 12 }), fc.array(anyEvent, { maxLength: 30 }), (before, events) => {
        const start = foldSecrets(initialSecretsState, before);
        const untouched = structuredClone(start);
        const oneByOne = events.reduce((state, event) => foldSecrets(state, [event]), start);
        const half = Math.floor(events.length / 2);
        expect(inOrder(foldSecrets(start, events))).toEqual(inOrder(oneByOne));
        expect(inOrder(foldSecrets(foldSecrets(start, events.slice(0, half)), events.slice(half)))).toEqual(inOrder(oneByOne));
        expect(inOrder(start)).toEqual(inOrder(untouched));
      }),
      { numRuns: 500 },
    ));
});
