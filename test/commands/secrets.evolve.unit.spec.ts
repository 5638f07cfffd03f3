import { describe, expect, it } from 'vitest';
import { nextVersion, type SecretsState } from '../../src/commands/secrets.state';
import { workspaceSecretsDecider } from '../../src/commands/workspaceSecrets.decider';
import type { WorkspaceSecretsEvent } from '../../src/events/secrets.events';
import { given } from './deciderSpec';
import { createdBy, detailsChanged, memberAdded, memberRemoved, roleChanged, sealedText, secretDeleted, secretSet } from './secrets.fixtures';

const stateAfter = (...history: WorkspaceSecretsEvent[][]): SecretsState => given(workspaceSecretsDecider, history.flat()).state;

describe('Workspace secrets', () => {
  describe('when its events are folded', () => {
    it('starts empty, every key at version 1 next', () => {
      const state = stateAfter();
      expect(state.secrets.size).toBe(0);
      expect(nextVersion(state, 'ANY')).toBe(1);
    });

    it('SecretSet records the version, data key and fingerprint', () =>
      expect(stateAfter([secretSet('A', 1, { dataKeyId: 'dk_1', fingerprint: 'fp_1' })]).secrets.get('A')).toEqual({
        version: 1,
        dataKeyId: 'dk_1',
        fingerprint: 'fp_1',
        displayName: null,
        description: null,
        members: new Map(),
      }));

    it('SecretSet of a new value keeps the details and members', () => {
      const state = stateAfter(createdBy('A', 'bob'), [detailsChanged('A', { displayName: 'A key', description: 'used by CI' })], [secretSet('A', 2)]);
      expect(state.secrets.get('A')).toMatchObject({ version: 2, displayName: sealedText('A key'), description: sealedText('used by CI'), members: new Map([['bob', 'admin']]) });
    });

    it('SecretDetailsChanged sets the fields given and keeps the others', () => {
      const state = stateAfter(
        [secretSet('A', 1)],
        [detailsChanged('A', { displayName: 'A key', description: 'old' }), detailsChanged('A', { description: 'new' })],
      );
      expect(state.secrets.get('A')).toMatchObject({ displayName: sealedText('A key'), description: sealedText('new') });
    });

    it('SecretDetailsChanged with null clears a field', () => {
      const state = stateAfter([secretSet('A', 1), detailsChanged('A', { displayName: 'A key', description: 'old' }), detailsChanged('A', { displayName: null })]);
      expect(state.secrets.get('A')).toMatchObject({ displayName: null, description: sealedText('old') });
    });

    it('SecretMemberAdded, SecretMemberRoleChanged and SecretMemberRemoved maintain the roles', () => {
      const base = [...createdBy('A', 'bob'), memberAdded('A', 'carol', 'member', 'bob')];
      expect(stateAfter(base).secrets.get('A')?.members).toEqual(new Map([['bob', 'admin'], ['carol', 'member']]));
      expect(stateAfter(base, [roleChanged('A', 'carol', 'admin')]).secrets.get('A')?.members.get('carol')).toBe('admin');
      expect(stateAfter(base, [memberRemoved('A', 'bob')]).secrets.get('A')?.members).toEqual(new Map([['carol', 'member']]));
    });

    it('SecretDeleted drops the secret but remembers its last version', () => {
      const state = stateAfter(createdBy('A', 'bob'), [secretSet('A', 2), secretDeleted('A')]);
      expect(state.secrets.has('A')).toBe(false);
      expect(nextVersion(state, 'A')).toBe(3);
    });

    it('ignores details and member events of a deleted key, but for a role removed', () => {
      const deleted = [...createdBy('A', 'bob'), secretDeleted('A')];
      const after = stateAfter(deleted, [detailsChanged('A', { displayName: 'x' }), memberAdded('A', 'carol'), roleChanged('A', 'bob', 'member'), memberRemoved('A', 'carol')]);
      expect(after).toEqual(stateAfter(deleted));
    });

    it("SecretMemberRemoved on a deleted key drops the role a restore would bring back (a membership's end), and counts it gone", () => {
      const deleted = [...createdBy('A', 'bob'), memberAdded('A', 'carol', 'member', 'bob'), secretDeleted('A')];
      expect(stateAfter(deleted).explicitRoles).toBe(2);
      const after = stateAfter(deleted, [memberRemoved('A', 'bob')]);
      expect(after.deleted.get('A')?.members).toEqual(new Map([['carol', 'member']]));
      expect(after.explicitRoles).toBe(1);
      expect(after.secrets.has('A')).toBe(false);
    });

    it('never changes the state it folds from: cached states are shared', () => {
      const before = stateAfter(createdBy('A', 'bob'), createdBy('D', 'bob'), [secretDeleted('D')]);
      const copy = structuredClone(before);
      const events = [secretSet('A', 2), detailsChanged('A', { displayName: 'x' }), memberAdded('A', 'carol'), memberRemoved('A', 'bob'), secretDeleted('A'), memberRemoved('D', 'bob')];
      for (const event of events) workspaceSecretsDecider.fold(before, [event]);
      workspaceSecretsDecider.fold(before, events);
      expect(before).toEqual(copy);
    });
  });
});
