import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personalSecretsDecider } from '../../src/commands/personalSecrets.decider';
import { foldSecrets, initialSecretsState, nextVersion, type SecretsState } from '../../src/commands/secrets.state';
import { workspaceSecretsDecider } from '../../src/commands/workspaceSecrets.decider';
import { ProblemError, RuleViolation } from '../../src/errors';
import type { PersonalSecretsEvent, WorkspaceSecretsEvent } from '../../src/events/secrets.events';
import { MAX_SECRETS_PER_SCOPE } from '../../src/events/values';
import { filled, savePersonal, save, type Batch, type PreparedValue } from './secrets.fixtures';

type SecretsBatch = Readonly<{ set: readonly PreparedValue[]; delete: readonly string[] }>;

type Decide = (batch: Batch, state: SecretsState) => Array<WorkspaceSecretsEvent | PersonalSecretsEvent>;

const scopes: { name: string; decide: Decide }[] = [
  { name: 'Workspace secrets', decide: (batch, state) => workspaceSecretsDecider.decide(save('alice', 'admin', batch)(state), state) },
  { name: 'Personal secrets', decide: (batch, state) => personalSecretsDecider.decide(savePersonal('alice', batch)(state), state) },
];

/** One row of a batch: set the key to one of a few values (so repeats happen), or delete it. */
type Edit = Readonly<{ key: string; value: number | 'delete' }>;

const editsOver = (keys: readonly string[]) =>
  fc.array(fc.record({ key: fc.constantFrom(...keys), value: fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constant('delete' as const)) }), {
    minLength: 1,
    maxLength: 8,
  });

/** Seals as the handler does: for the next version, under the live secret's data key or a fresh one. */
function prepare(state: SecretsState, key: string, value: number, versionOverride?: number): PreparedValue {
  const version = nextVersion(state, key);
  const dataKeyId = state.secrets.get(key)?.dataKeyId ?? `dk_${key}_from_v${version}`;
  return { key, version: versionOverride ?? version, value: { dataKeyId, nonce: 'bm9uY2U=', ciphertext: 'Y2lwaGVy' }, fingerprint: `fp_${value}` };
}

/** Turns random edits into a valid batch: one edit per key, deletes of live keys only. */
function batchFrom(state: SecretsState, edits: readonly Edit[]): SecretsBatch | null {
  const seen = new Set<string>();
  const set: PreparedValue[] = [];
  const del: string[] = [];
  for (const { key, value } of edits) {
    if (seen.has(key)) continue;
    seen.add(key);
    if (value !== 'delete') set.push(prepare(state, key, value));
    else if (state.secrets.has(key)) del.push(key);
  }
  return set.length + del.length === 0 ? null : { set, delete: del };
}

const fold = foldSecrets;
/** A state's maps as lists of entries, so that comparing them compares their order too (toEqual does not, for maps); its counts as they are. */
const inOrder = (state: SecretsState) =>
  Object.fromEntries(Object.entries(state).map(([name, field]) => [name, field instanceof Map ? [...(field as ReadonlyMap<string, unknown>).entries()] : field]));

const KEYS = ['A', 'B', 'C', 'D'];

/** 995 secrets, so that random batches of new keys run into the limit. */
const nearlyFull = fold(initialSecretsState, filled(995));
const NEAR_LIMIT_KEYS = ['K0990', 'K0991', 'K0992', 'K0993', 'K0994', 'N0', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7'];

describe.each(scopes)('$name', ({ decide }) => {
  describe('when any sequence of valid batches is saved', () => {
    it('numbers the versions of each key 1, 2, 3, … across deletes, and records exactly the changed values', () =>
      fc.assert(
        fc.property(fc.array(editsOver(KEYS), { minLength: 1, maxLength: 15 }), (steps) => {
          let state = initialSecretsState;
          const versions = new Map<string, number[]>();
          for (const edits of steps) {
            const batch = batchFrom(state, edits);
            if (!batch) continue;
            const events = decide(batch, state);
            const sets = events.flatMap((e) => (e.type === 'SecretSet' ? [e.data] : []));
            const changed = batch.set.filter((p) => state.secrets.get(p.key)?.fingerprint !== p.fingerprint);
            expect(sets.map((s) => s.key)).toEqual(changed.map((p) => p.key));
            for (const set of sets) {
              expect(set.version).toBe(nextVersion(state, set.key));
              versions.set(set.key, [...(versions.get(set.key) ?? []), set.version]);
            }
            expect(events.filter((e) => e.type === 'SecretDeleted').map((e) => e.data.key)).toEqual(batch.delete);
            // Folded at once (each map copied once) as one at a time, and the state it started from untouched.
            const untouched = structuredClone(state);
            const oneByOne = events.reduce((s, e) => fold(s, [e]), state);
            const folded = fold(state, events);
            expect(inOrder(folded)).toEqual(inOrder(oneByOne));
            expect(inOrder(state)).toEqual(inOrder(untouched));
            expect(folded.keptLifetimes).toBe([...folded.lifetimes.values()].reduce((sum, list) => sum + list.length, 0));
            state = folded;
          }
          for (const list of versions.values()) expect(list).toEqual(list.map((_, i) => i + 1));
        }),
      ));
  });

  describe('when batches run into the limit', () => {
    it(`never holds more than ${MAX_SECRETS_PER_SCOPE} secrets, and refuses exactly the batches that would`, () =>
      fc.assert(
        fc.property(fc.array(editsOver(NEAR_LIMIT_KEYS), { minLength: 1, maxLength: 10 }), (steps) => {
          let state = nearlyFull;
          for (const edits of steps) {
            const batch = batchFrom(state, edits);
            if (!batch) continue;
            const created = batch.set.filter((p) => !state.secrets.has(p.key)).length;
            const expectedSize = state.secrets.size + created - batch.delete.length;
            if (expectedSize > MAX_SECRETS_PER_SCOPE) {
              expect(() => decide(batch, state)).toThrow(RuleViolation);
              continue;
            }
            state = fold(state, decide(batch, state));
            expect(state.secrets.size).toBe(expectedSize);
            expect(state.secrets.size).toBeLessThanOrEqual(MAX_SECRETS_PER_SCOPE);
          }
        }),
      ));
  });

  describe('when a value was sealed for an arbitrary version', () => {
    it('never records a SecretSet whose version is not the next one', () =>
      fc.assert(
        fc.property(fc.array(editsOver(KEYS), { maxLength: 10 }), fc.constantFrom(...KEYS), fc.integer({ min: 1, max: 8 }), (steps, key, version) => {
          const state = steps.reduce((s, edits) => {
            const batch = batchFrom(s, edits);
            return batch ? fold(s, decide(batch, s)) : s;
          }, initialSecretsState);
          const batch = { set: [prepare(state, key, 99, version)], delete: [] };
          let events: Array<WorkspaceSecretsEvent | PersonalSecretsEvent> = [];
          let thrown: unknown = null;
          try {
            events = decide(batch, state);
          } catch (error) {
            thrown = error;
          }
          const sets = events.filter((e) => e.type === 'SecretSet');
          expect(sets.every((e) => e.data.version === nextVersion(state, key))).toBe(true);
          if (version === nextVersion(state, key)) expect(sets).toHaveLength(1);
          else expect(thrown instanceof Error && !(thrown instanceof ProblemError)).toBe(true);
        }),
      ));
  });
});
