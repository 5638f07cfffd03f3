import { describe, expect, it } from 'vitest';
import { canCreateSecrets, canEditSecret, canRevealSecret, effectiveSecretRole } from '../../src/commands/secretRights';
import { workspaceSecretsDecider } from '../../src/commands/workspaceSecrets.decider';
import { Forbidden, NotFound } from '../../src/errors';
import type { WorkspaceSecretsEvent } from '../../src/events/secrets.events';
import { given } from './deciderSpec';
import { createdBy, memberAdded, memberRemoved, prepared, save, secretDeleted, secretSet } from './secrets.fixtures';

const givenSecrets = (...history: WorkspaceSecretsEvent[][]) => given(workspaceSecretsDecider, history.flat());

/** ALICE_KEY: alice's; BOB_KEY: bob's; SHARED: alice's, with bob a Member and carol an Admin. */
const history = [
  ...createdBy('ALICE_KEY', 'alice'),
  ...createdBy('BOB_KEY', 'bob'),
  ...createdBy('SHARED', 'alice'),
  memberAdded('SHARED', 'bob', 'member', 'alice'),
  memberAdded('SHARED', 'carol', 'admin', 'alice'),
];

describe('Workspace secrets', () => {
  describe('when a workspace admin saves', () => {
    it('edits and deletes keys it holds no role on', () =>
      givenSecrets(history, createdBy('OTHER', 'bob'))
        .when(save('dora', 'admin', { set: [prepared('BOB_KEY', 2)], delete: ['OTHER'] }))
        .then([secretSet('BOB_KEY', 2, { actor: 'dora', continues: true }), secretDeleted('OTHER', 'dora', 1)]));
  });

  describe('when a write member saves', () => {
    it('creates a key and becomes its Admin', () =>
      givenSecrets(history)
        .when(save('bob', 'write', { set: [prepared('NEW', 1)] }))
        .then([secretSet('NEW', 1, { actor: 'bob' }), memberAdded('NEW', 'bob')]));

    it('edits and deletes the keys it admins', () =>
      givenSecrets(history, createdBy('BOB_2', 'bob'))
        .when(save('bob', 'write', { set: [prepared('BOB_KEY', 2)], delete: ['BOB_2'] }))
        .then([secretSet('BOB_KEY', 2, { actor: 'bob', continues: true }), secretDeleted('BOB_2', 'bob', 1)]));

    it('is refused editing a key it does not admin', () =>
      givenSecrets(history).when(save('bob', 'write', { set: [prepared('ALICE_KEY', 2)] })).thenThrows(Forbidden));

    it('is refused deleting a key it does not admin', () =>
      givenSecrets(history).when(save('bob', 'write', { delete: ['ALICE_KEY'] })).thenThrows(Forbidden));

    it('is refused editing a key where it is only a Member', () =>
      givenSecrets(history).when(save('bob', 'write', { set: [prepared('SHARED', 2)] })).thenThrows(Forbidden));

    it('is refused setting even the current value of a key it does not admin', () =>
      givenSecrets(history)
        .when(save('bob', 'write', { set: [prepared('ALICE_KEY', 2, { fingerprint: 'fp_ALICE_KEY_v1' })] }))
        .thenThrows(Forbidden));

    it('is refused a whole batch that touches one key it does not admin', () =>
      givenSecrets(history)
        .when(save('bob', 'write', { set: [prepared('NEW', 1), prepared('BOB_KEY', 2), prepared('ALICE_KEY', 2)] }))
        .thenThrows(Forbidden));

    it('is refused a key whose Admin role it lost', () =>
      givenSecrets(history, [memberRemoved('BOB_KEY', 'bob')]).when(save('bob', 'write', { delete: ['BOB_KEY'] })).thenThrows(Forbidden));
  });

  describe('when a read member saves', () => {
    it('is refused creating a key', () =>
      givenSecrets(history).when(save('carol', 'read', { set: [prepared('NEW', 1)] })).thenThrows(Forbidden));

    it('edits and deletes a secret it is an Admin of', () => {
      givenSecrets(history).when(save('carol', 'read', { set: [prepared('SHARED', 2)] })).then([secretSet('SHARED', 2, { actor: 'carol', continues: true })]);
      givenSecrets(history).when(save('carol', 'read', { delete: ['SHARED'] })).then([secretDeleted('SHARED', 'carol', 1)]);
    });

    it('is refused a secret it is not an Admin of', () =>
      givenSecrets(history).when(save('carol', 'read', { set: [prepared('ALICE_KEY', 2)] })).thenThrows(Forbidden));

    it('is refused a batch that edits its secret and creates another', () =>
      givenSecrets(history).when(save('carol', 'read', { set: [prepared('SHARED', 2), prepared('NEW', 1)] })).thenThrows(Forbidden));
  });

  describe('when someone who is not a member saves', () => {
    it('is told the workspace does not exist', () =>
      givenSecrets(history).when(save('mallory', null, { set: [prepared('NEW', 1)] })).thenThrows(NotFound, { code: 'workspace_not_found' }));

    it('is told so before the batch is even checked', () =>
      givenSecrets(history).when(save('mallory', null, {})).thenThrows(NotFound, { code: 'workspace_not_found' }));

    it('has no rights from a role it held as a member', () =>
      givenSecrets(history).when(save('bob', null, { set: [prepared('BOB_KEY', 2)] })).thenThrows(NotFound));
  });

  describe('when rights are read from the table of DESIGN §1', () => {
    // [workspace permission, explicit secret role, effective role, may edit, may reveal]
    it.each([
      ['admin', undefined, 'admin', true, true],
      ['admin', 'member', 'admin', true, true],
      ['write', 'admin', 'admin', true, true],
      ['write', 'member', 'member', false, true],
      ['write', undefined, null, false, false],
      ['read', 'admin', 'admin', true, true],
      ['read', 'member', 'member', false, true],
      ['read', undefined, null, false, false],
      [null, 'admin', null, false, false],
      [null, 'member', null, false, false],
    ] as const)('a %s member with role %s is %s (edit %s, reveal %s)', (permission, role, effective, edit, reveal) => {
      expect(effectiveSecretRole(permission, role)).toBe(effective);
      expect(canEditSecret(permission, role)).toBe(edit);
      expect(canRevealSecret(permission, role)).toBe(reveal);
    });

    it('lets only admin and write members create', () =>
      expect((['admin', 'write', 'read', null] as const).map(canCreateSecrets)).toEqual([true, true, false, false]));
  });
});
