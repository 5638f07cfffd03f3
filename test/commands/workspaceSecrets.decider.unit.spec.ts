import { describe, expect, it } from 'vitest';
import { workspaceSecretsDecider } from '../../src/commands/workspaceSecrets.decider';
import { NotFound, ProblemError, RuleViolation, ValidationFailed } from '../../src/errors';
import type { WorkspaceSecretsEvent } from '../../src/events/secrets.events';
import { given } from './deciderSpec';
import {
  createdBy,
  detailsChanged,
  filled,
  memberAdded,
  memberRemoved,
  prepared,
  removeRolesOf,
  save,
  secretDeleted,
  secretSet,
  type Batch,
} from './secrets.fixtures';

const givenSecrets = (...history: WorkspaceSecretsEvent[][]) => given(workspaceSecretsDecider, history.flat());
/** Alice is a workspace admin: these specs are about the batch, not about rights. */
const byAdmin = (batch: Batch) => save('alice', 'admin', batch);

describe('Workspace secrets', () => {
  describe('when the batch is malformed', () => {
    it('refuses an empty batch', () =>
      givenSecrets().when(byAdmin({})).thenThrows(ValidationFailed, { errors: [{ field: 'set' }] }));

    it('refuses a key that is both set and deleted', () =>
      givenSecrets(createdBy('API_KEY', 'alice'))
        .when(byAdmin({ set: [prepared('API_KEY', 2)], delete: ['API_KEY'] }))
        .thenThrows(ValidationFailed, { errors: [{ field: 'delete.0' }] }));

    it('refuses a key set twice', () =>
      givenSecrets().when(byAdmin({ set: [prepared('A', 1), prepared('A', 1)] })).thenThrows(ValidationFailed));

    it.each(['', 'HAS-DASH', 'with space', 'ÜMLAUT', '{{A}}', 'K'.repeat(257)])('refuses the key %j', (key) =>
      givenSecrets().when(byAdmin({ set: [prepared(key, 1)] })).thenThrows(ValidationFailed, { errors: [{ field: `set.${key}` }] }));

    it('refuses an invalid key to delete, naming its index', () =>
      givenSecrets(createdBy('A', 'alice'))
        .when(byAdmin({ delete: ['A', 'no.dots'] }))
        .thenThrows(ValidationFailed, { errors: [{ field: 'delete.1' }] }));

    it('names every invalid key', () =>
      givenSecrets()
        .when(byAdmin({ set: [prepared('a-b', 1), prepared('OK', 1), prepared('c d', 1)] }))
        .thenThrows(ValidationFailed, { errors: [{ field: 'set.a-b' }, { field: 'set.c d' }] }));

    it('accepts 256 letters, digits and underscores, case-sensitively', () => {
      const key = `aZ09_${'x'.repeat(251)}`;
      givenSecrets(createdBy('api_key', 'alice'))
        .when(byAdmin({ set: [prepared(key, 1), prepared('API_KEY', 1)] }))
        .then([secretSet(key, 1), memberAdded(key, 'alice'), secretSet('API_KEY', 1), memberAdded('API_KEY', 'alice')]);
    });
  });

  describe('when a key to delete does not exist', () => {
    it('refuses a key never set', () =>
      givenSecrets().when(byAdmin({ delete: ['NOPE'] })).thenThrows(NotFound, { code: 'secret_not_found' }));

    it('refuses a key already deleted', () =>
      givenSecrets(createdBy('A', 'alice'), [secretDeleted('A')]).when(byAdmin({ delete: ['A'] })).thenThrows(NotFound));

    it('refuses the whole batch', () =>
      givenSecrets(createdBy('A', 'alice'))
        .when(byAdmin({ set: [prepared('B', 1)], delete: ['A', 'NOPE'] }))
        .thenThrows(NotFound, { code: 'secret_not_found' }));
  });

  describe('when the scope is nearly full', () => {
    const full = filled(1000);
    const almostFull = filled(999);

    it('refuses a 1,001st secret', () =>
      givenSecrets(full).when(byAdmin({ set: [prepared('NEW', 1)] })).thenThrows(RuleViolation, { code: 'too_many_secrets' }));

    it('refuses two new secrets when only one fits', () =>
      givenSecrets(almostFull).when(byAdmin({ set: [prepared('N1', 1), prepared('N2', 1)] })).thenThrows(RuleViolation));

    it('accepts the 1,000th secret', () =>
      givenSecrets(almostFull).when(byAdmin({ set: [prepared('N1', 1)] })).then([secretSet('N1', 1), memberAdded('N1', 'alice')]));

    it('accepts a new secret in a batch that deletes another', () =>
      givenSecrets(full)
        .when(byAdmin({ set: [prepared('NEW', 1)], delete: ['K0000'] }))
        .then([secretSet('NEW', 1), memberAdded('NEW', 'alice'), secretDeleted('K0000', 'alice', 1)]));

    it('accepts a new value for an existing secret', () =>
      givenSecrets(full).when(byAdmin({ set: [prepared('K0999', 2)] })).then([secretSet('K0999', 2, { continues: true })]));
  });

  describe('when the key is new', () => {
    it('records version 1 and makes the creator its Admin', () =>
      givenSecrets().when(byAdmin({ set: [prepared('API_KEY', 1)] })).then([secretSet('API_KEY', 1), memberAdded('API_KEY', 'alice')]));
  });

  describe('when the key exists', () => {
    const history = [...createdBy('API_KEY', 'bob'), secretSet('API_KEY', 2)];

    it('records the next version, and no new member', () =>
      givenSecrets(history).when(byAdmin({ set: [prepared('API_KEY', 3)] })).then([secretSet('API_KEY', 3, { continues: true })]));

    it('records nothing for its current value: same fingerprint, same data key', () =>
      givenSecrets(history).when(byAdmin({ set: [prepared('API_KEY', 3, { fingerprint: 'fp_API_KEY_v2' })] })).thenNothing());

    it('records the same fingerprint under another data key', () => {
      const value = { dataKeyId: 'dk_other', fingerprint: 'fp_API_KEY_v2' };
      givenSecrets(history).when(byAdmin({ set: [prepared('API_KEY', 3, value)] })).then([secretSet('API_KEY', 3, value)]);
    });

    it('records only the keys of a batch whose value changed', () =>
      givenSecrets(history, createdBy('B', 'alice'))
        .when(byAdmin({ set: [prepared('API_KEY', 3, { fingerprint: 'fp_API_KEY_v2' }), prepared('B', 2)] }))
        .then([secretSet('B', 2, { continues: true })]));

    it('records a deletion after the values set', () =>
      givenSecrets(history)
        .when(byAdmin({ delete: ['API_KEY'], set: [prepared('NEW', 1)] }))
        .then([secretSet('NEW', 1), memberAdded('NEW', 'alice'), secretDeleted('API_KEY', 'alice', 2)]));
  });

  describe('when a deleted key is set again', () => {
    const history = [...createdBy('API_KEY', 'bob'), secretSet('API_KEY', 2), secretDeleted('API_KEY')];

    it('continues its version numbers and makes the new creator its Admin', () =>
      givenSecrets(history).when(byAdmin({ set: [prepared('API_KEY', 3)] })).then([secretSet('API_KEY', 3), memberAdded('API_KEY', 'alice')]));

    it('records even the value it had before it was deleted', () => {
      const before = { fingerprint: 'fp_API_KEY_v2' };
      givenSecrets(history).when(byAdmin({ set: [prepared('API_KEY', 3, before)] })).then([secretSet('API_KEY', 3, before), memberAdded('API_KEY', 'alice')]);
    });

    it('starts with fresh details and members', () => {
      const { state } = givenSecrets(
        createdBy('API_KEY', 'bob'),
        [memberAdded('API_KEY', 'carol', 'member', 'bob'), detailsChanged('API_KEY', { displayName: 'Api', description: 'old' })],
        [secretDeleted('API_KEY'), secretSet('API_KEY', 2), memberAdded('API_KEY', 'alice')],
      );
      expect(state.secrets.get('API_KEY')).toMatchObject({ version: 2, displayName: null, description: null, members: new Map([['alice', 'admin']]) });
    });
  });

  describe('when a value was sealed for another version than the next', () => {
    it('throws a plain error: a bug in the handler, never a user error', () => {
      const { state } = givenSecrets(createdBy('A', 'alice'), [secretSet('A', 2)]);
      for (const version of [1, 2, 4]) {
        const batch = { set: [prepared('A', version, { fingerprint: 'fp_changed' })] };
        const decide = () => workspaceSecretsDecider.decide(byAdmin(batch)(state), state);
        expect(decide).toThrow(`sealed for version ${version}, not 3`);
        expect(decide).not.toThrow(ProblemError);
      }
    });

    it('throws for a new key sealed for a version other than 1', () =>
      givenSecrets()
        .when(byAdmin({ set: [prepared('A', 2)] }))
        .thenThrows(Error, { message: 'Value for A was sealed for version 2, not 1' }));
  });

  describe("when a member's secret roles are removed", () => {
    const history = [...createdBy('A', 'bob'), ...createdBy('B', 'alice'), memberAdded('B', 'bob', 'member', 'alice'), ...createdBy('C', 'alice')];

    it('removes the user from every secret where they hold a role', () =>
      givenSecrets(history).when(removeRolesOf('bob')).then([memberRemoved('A', 'bob'), memberRemoved('B', 'bob')]));

    it('records nothing for a user without roles', () => givenSecrets(history).when(removeRolesOf('carol')).thenNothing());

    // A restore brings back the roles a deleted secret keeps: left there, they came back to a member who re-joined.
    it('removes them from deleted secrets too, live ones first', () =>
      givenSecrets(createdBy('A', 'bob'), createdBy('B', 'bob'), [secretDeleted('A')]).when(removeRolesOf('bob')).then([memberRemoved('B', 'bob'), memberRemoved('A', 'bob')]));

    it('records nothing for a user without roles on a deleted secret', () =>
      givenSecrets(createdBy('A', 'bob'), [secretDeleted('A')]).when(removeRolesOf('carol')).thenNothing());
  });
});
