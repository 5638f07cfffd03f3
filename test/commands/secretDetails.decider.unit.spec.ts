import { describe, expect, it } from 'vitest';
import { personalSecretsDecider } from '../../src/commands/personalSecrets.decider';
import { workspaceSecretsDecider } from '../../src/commands/workspaceSecrets.decider';
import { Forbidden, NotFound } from '../../src/errors';
import type { PersonalSecretsEvent, WorkspaceSecretsEvent } from '../../src/events/secrets.events';
import { given } from './deciderSpec';
import {
  changeDetails,
  changePersonalDetails,
  createdBy,
  detailsChanged,
  memberAdded,
  memberRemoved,
  plainDetailsChanged,
  secretDeleted,
  secretSet,
  sealedText,
} from './secrets.fixtures';

const givenSecrets = (...history: WorkspaceSecretsEvent[][]) => given(workspaceSecretsDecider, history.flat());
const givenPersonal = (...history: PersonalSecretsEvent[][]) => given(personalSecretsDecider, history.flat());

/**
 * In a workspace where alice is admin, bob and erin write, carol read:
 * KEY was created by bob (its Admin), carol is its Member; CAROLS was created by alice, carol is its Admin.
 */
const history = [
  ...createdBy('KEY', 'bob'),
  memberAdded('KEY', 'carol', 'member', 'bob'),
  ...createdBy('CAROLS', 'alice'),
  memberAdded('CAROLS', 'carol', 'admin', 'alice'),
];
const described = [detailsChanged('KEY', { displayName: 'Stripe key', description: 'Used by billing' }, 'bob')];

describe('Workspace secret details', () => {
  describe('when an Admin changes them', () => {
    it('records the display name alone when only it is given', () =>
      givenSecrets(history)
        .when(changeDetails('bob', 'write', 'KEY', { displayName: 'Stripe key' }))
        .then([detailsChanged('KEY', { displayName: 'Stripe key' }, 'bob')]));

    it('records the description alone when only it is given', () =>
      givenSecrets(history)
        .when(changeDetails('bob', 'write', 'KEY', { description: 'Used by billing' }))
        .then([detailsChanged('KEY', { description: 'Used by billing' }, 'bob')]));

    it('records both fields in one event', () =>
      givenSecrets(history)
        .when(changeDetails('bob', 'write', 'KEY', { displayName: 'Stripe key', description: 'Used by billing' }))
        .then([detailsChanged('KEY', { displayName: 'Stripe key', description: 'Used by billing' }, 'bob')]));

    it('records only the field that changed when both are given', () =>
      givenSecrets(history, described)
        .when(changeDetails('bob', 'write', 'KEY', { displayName: 'Stripe key', description: 'Used by payouts' }))
        .then([detailsChanged('KEY', { description: 'Used by payouts' }, 'bob')]));

    it('records nothing when the values are the current ones', () =>
      givenSecrets(history, described)
        .when(changeDetails('bob', 'write', 'KEY', { displayName: 'Stripe key', description: 'Used by billing' }))
        .thenNothing());

    it('records nothing when no field is given', () => givenSecrets(history, described).when(changeDetails('bob', 'write', 'KEY', {})).thenNothing());

    it('clears a field given as null, and keeps the other', () =>
      givenSecrets(history, described)
        .when(changeDetails('bob', 'write', 'KEY', { displayName: null }))
        .then([detailsChanged('KEY', { displayName: null }, 'bob')]));

    it('records nothing when clearing a field that is already empty', () =>
      givenSecrets(history).when(changeDetails('bob', 'write', 'KEY', { displayName: null, description: null })).thenNothing());
  });

  describe('when they were recorded in plaintext, before details were sealed (legacy)', () => {
    const plain = [plainDetailsChanged('KEY', { displayName: 'Stripe key', description: 'Used by billing' }, 'bob')];

    it('records nothing when the values are the current ones', () =>
      givenSecrets(history, plain).when(changeDetails('bob', 'write', 'KEY', { displayName: 'Stripe key', description: 'Used by billing' })).thenNothing());

    it('records a change sealed', () =>
      givenSecrets(history, plain)
        .when(changeDetails('bob', 'write', 'KEY', { displayName: 'Stripe key', description: 'Used by payouts' }))
        .then([detailsChanged('KEY', { description: 'Used by payouts' }, 'bob')]));
  });

  describe('when the actor may change them', () => {
    it('accepts a workspace admin who holds no role on the secret', () =>
      givenSecrets(history)
        .when(changeDetails('alice', 'admin', 'KEY', { displayName: 'Stripe' }))
        .then([detailsChanged('KEY', { displayName: 'Stripe' }, 'alice')]));

    it("accepts a read member who is the secret's explicit Admin", () =>
      givenSecrets(history)
        .when(changeDetails('carol', 'read', 'CAROLS', { description: 'Mine to describe' }))
        .then([detailsChanged('CAROLS', { description: 'Mine to describe' }, 'carol')]));
  });

  describe('when the actor may not change them', () => {
    it('refuses a write member without a role on the secret', () =>
      givenSecrets(history).when(changeDetails('erin', 'write', 'KEY', { displayName: 'x' })).thenThrows(Forbidden, { code: 'forbidden' }));

    it("refuses the secret's Member", () =>
      givenSecrets(history).when(changeDetails('carol', 'read', 'KEY', { displayName: 'x' })).thenThrows(Forbidden));

    it("refuses a write member who is Admin of another key, not this one", () =>
      givenSecrets(history).when(changeDetails('bob', 'write', 'CAROLS', { displayName: 'x' })).thenThrows(Forbidden));

    it('refuses an Admin whose role was removed', () =>
      givenSecrets(history, [memberRemoved('KEY', 'bob')]).when(changeDetails('bob', 'write', 'KEY', { displayName: 'x' })).thenThrows(Forbidden));

    it('refuses even a change that would record nothing', () =>
      givenSecrets(history, described).when(changeDetails('erin', 'write', 'KEY', { displayName: 'Stripe key' })).thenThrows(Forbidden));

    it('tells a non-member the workspace does not exist, even for an explicit Admin who left', () => {
      givenSecrets(history).when(changeDetails('mallory', null, 'KEY', { displayName: 'x' })).thenThrows(NotFound, { code: 'workspace_not_found' });
      givenSecrets(history).when(changeDetails('bob', null, 'KEY', { displayName: 'x' })).thenThrows(NotFound, { code: 'workspace_not_found' });
    });
  });

  describe('when the key does not exist', () => {
    it('refuses a key never set', () =>
      givenSecrets(history).when(changeDetails('alice', 'admin', 'NOPE', { displayName: 'x' })).thenThrows(NotFound, { code: 'secret_not_found' }));

    it('refuses a deleted key', () =>
      givenSecrets(history, [secretDeleted('KEY', 'bob')])
        .when(changeDetails('alice', 'admin', 'KEY', { displayName: 'x' }))
        .thenThrows(NotFound, { code: 'secret_not_found' }));
  });

  describe('when the value changes', () => {
    it('keeps the details: the same ones record nothing afterwards', () => {
      const spec = givenSecrets(history, described, [secretSet('KEY', 2, { actor: 'bob' })]);
      expect(spec.state.secrets.get('KEY')).toMatchObject({ version: 2, displayName: sealedText('Stripe key'), description: sealedText('Used by billing') });
      spec.when(changeDetails('bob', 'write', 'KEY', { displayName: 'Stripe key', description: 'Used by billing' })).thenNothing();
    });
  });

  describe('when the key is deleted and set again', () => {
    /** alice sets it again: version 2, and she becomes its Admin. */
    const reset = [secretDeleted('KEY', 'bob'), secretSet('KEY', 2, { actor: 'alice' }), memberAdded('KEY', 'alice')];

    it('starts without details', () =>
      expect(givenSecrets(history, described, reset).state.secrets.get('KEY')).toMatchObject({ version: 2, displayName: null, description: null }));

    it('records the old details again as a change', () =>
      givenSecrets(history, described, reset)
        .when(changeDetails('alice', 'admin', 'KEY', { displayName: 'Stripe key', description: 'Used by billing' }))
        .then([detailsChanged('KEY', { displayName: 'Stripe key', description: 'Used by billing' }, 'alice')]));

    it('starts without the old Admin, who may no longer change them', () =>
      givenSecrets(history, described, reset).when(changeDetails('bob', 'write', 'KEY', { displayName: 'x' })).thenThrows(Forbidden));
  });
});

describe('Personal secret details', () => {
  const token = [secretSet('TOKEN', 1)];
  const describedToken = [detailsChanged('TOKEN', { displayName: 'GitHub token', description: 'read:org only' })];

  describe('when the owner changes them', () => {
    it('records only the fields given', () =>
      givenPersonal(token).when(changePersonalDetails('alice', 'TOKEN', { displayName: 'GitHub token' })).then([detailsChanged('TOKEN', { displayName: 'GitHub token' })]));

    it('records only the field that changed when both are given', () =>
      givenPersonal(token, describedToken)
        .when(changePersonalDetails('alice', 'TOKEN', { displayName: 'GitHub token', description: 'repo scope' }))
        .then([detailsChanged('TOKEN', { description: 'repo scope' })]));

    it('records nothing when the values are the current ones', () =>
      givenPersonal(token, describedToken)
        .when(changePersonalDetails('alice', 'TOKEN', { displayName: 'GitHub token', description: 'read:org only' }))
        .thenNothing());

    it('records nothing when no field is given', () => givenPersonal(token, describedToken).when(changePersonalDetails('alice', 'TOKEN', {})).thenNothing());

    it('clears a field given as null', () =>
      givenPersonal(token, describedToken)
        .when(changePersonalDetails('alice', 'TOKEN', { description: null }))
        .then([detailsChanged('TOKEN', { description: null })]));

    it('records nothing when clearing a field that is already empty', () =>
      givenPersonal(token).when(changePersonalDetails('alice', 'TOKEN', { description: null })).thenNothing());
  });

  describe('when the key does not exist', () => {
    it('refuses a key never set', () =>
      givenPersonal(token).when(changePersonalDetails('alice', 'NOPE', { displayName: 'x' })).thenThrows(NotFound, { code: 'secret_not_found' }));

    it('refuses a deleted key', () =>
      givenPersonal(token, [secretDeleted('TOKEN')])
        .when(changePersonalDetails('alice', 'TOKEN', { displayName: 'x' }))
        .thenThrows(NotFound, { code: 'secret_not_found' }));
  });

  describe('when the value changes', () => {
    it('keeps the details', () => {
      const spec = givenPersonal(token, describedToken, [secretSet('TOKEN', 2)]);
      expect(spec.state.secrets.get('TOKEN')).toMatchObject({ version: 2, displayName: sealedText('GitHub token'), description: sealedText('read:org only') });
      spec.when(changePersonalDetails('alice', 'TOKEN', { displayName: 'GitHub token' })).thenNothing();
    });
  });

  describe('when the key is deleted and set again', () => {
    it('starts without details, so the old ones record again', () => {
      const spec = givenPersonal(token, describedToken, [secretDeleted('TOKEN'), secretSet('TOKEN', 2)]);
      expect(spec.state.secrets.get('TOKEN')).toMatchObject({ version: 2, displayName: null, description: null });
      spec.when(changePersonalDetails('alice', 'TOKEN', { displayName: 'GitHub token' })).then([detailsChanged('TOKEN', { displayName: 'GitHub token' })]);
    });
  });
});
