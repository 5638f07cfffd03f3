import { describe, expect, it } from 'vitest';
import { permissionOf, recordedPermissionOf, requireMember, workspaceDecider } from '../../src/commands/workspace.decider';
import { Forbidden, NotFound, RuleViolation, ValidationFailed } from '../../src/errors';
import type { WorkspaceEvent } from '../../src/events/workspace.events';
import { given } from './deciderSpec';
import {
  accept,
  AT,
  changePermission,
  daysAfter,
  deleted,
  deleteWorkspace,
  invite,
  invited,
  joined,
  leave,
  left,
  permissionChanged,
  remove,
  removed,
  revoke,
  team,
  undeleted,
  undeleteWorkspace,
} from './workspace.fixtures';

/** The workspace after these groups of events (flattened, in order). */
const givenWorkspace = (...history: WorkspaceEvent[][]) => given(workspaceDecider, history.flat());

/** alice (admin), bob (write), carol (read), erin (external read), dave invited; then alice deleted it. */
const deletedTeam = [...team, ...joined('erin', 'read', true), deleted('alice')];

describe('Workspace lifecycle (DESIGN §9 "Workspaces and people")', () => {
  describe('when an admin deletes the workspace, confirming its name', () => {
    it('records the deletion', () => givenWorkspace(team).when(deleteWorkspace('alice', 'Acme')).then([deleted('alice')]));

    it('records the deletion by any admin, not only the creator', () =>
      givenWorkspace(team, [permissionChanged('bob', 'admin')]).when(deleteWorkspace('bob')).then([deleted('bob')]));

    it('refuses a confirmation that is not the name, exactly (case included), naming the field', () => {
      givenWorkspace(team).when(deleteWorkspace('alice', 'Acme Inc')).thenThrows(ValidationFailed, { errors: [{ field: 'confirm' }] });
      givenWorkspace(team).when(deleteWorkspace('alice', 'acme')).thenThrows(ValidationFailed);
    });

    it.each(['bob', 'carol'])('refuses %s, a write or read member, before looking at the confirmation', (member) => {
      givenWorkspace(team).when(deleteWorkspace(member)).thenThrows(Forbidden);
      givenWorkspace(team).when(deleteWorkspace(member, 'wrong')).thenThrows(Forbidden);
    });

    it('hides the workspace from a non-member, a removed admin and anyone once it is deleted', () => {
      givenWorkspace(team).when(deleteWorkspace('mallory')).thenThrows(NotFound, { code: 'workspace_not_found' });
      givenWorkspace(team, joined('erin', 'admin'), [removed('erin')]).when(deleteWorkspace('erin')).thenThrows(NotFound, { code: 'workspace_not_found' });
      givenWorkspace(deletedTeam).when(deleteWorkspace('alice')).thenThrows(NotFound, { code: 'workspace_not_found' });
    });

    it('refuses a workspace that does not exist', () =>
      givenWorkspace().when(deleteWorkspace('alice')).thenThrows(NotFound, { code: 'workspace_not_found' }));
  });

  describe('while it is deleted', () => {
    it('answers every member as for a workspace that does not exist', () => {
      const { state } = givenWorkspace(deletedTeam);
      for (const userId of ['alice', 'bob', 'carol', 'erin']) {
        expect(permissionOf(state, userId)).toBeNull();
        expect(() => requireMember(state, userId)).toThrow(NotFound);
      }
    });

    it('still records who its members were, and with which permission (for undelete, and the secret roles)', () => {
      const { state } = givenWorkspace(deletedTeam);
      expect(['alice', 'bob', 'carol', 'erin', 'mallory'].map((userId) => recordedPermissionOf(state, userId))).toEqual(['admin', 'write', 'read', 'read', null]);
      expect(state).toMatchObject({ status: 'deleted', deletedAt: AT, deletedBy: 'alice' });
    });

    it('refuses every membership command as for a workspace that does not exist', () => {
      const refused = [invite('alice', 'frank@example.com'), revoke('alice', 'inv_dave'), changePermission('alice', 'bob', 'read'), remove('alice', 'bob')];
      for (const command of refused) givenWorkspace(deletedTeam).when(command).thenThrows(NotFound, { code: 'workspace_not_found' });
      givenWorkspace(deletedTeam).when(accept('dave', 'inv_dave', 'dave@example.com')).thenThrows(NotFound, { code: 'invitation_not_found' });
    });
  });

  describe('when a former admin undeletes it', () => {
    it('records the undeletion within the retention', () =>
      givenWorkspace(deletedTeam).when(undeleteWorkspace('alice', 30, daysAfter(29.9))).then([undeleted('alice', daysAfter(29.9))]));

    it('lets any admin at the time of deletion undelete, not only the one who deleted', () =>
      givenWorkspace(team, [permissionChanged('bob', 'admin'), deleted('alice')]).when(undeleteWorkspace('bob')).then([undeleted('bob')]));

    it('puts everything back as it was: members, permissions, pending invitations', () => {
      const before = givenWorkspace(team, joined('erin', 'read', true)).state;
      expect(givenWorkspace(deletedTeam, [undeleted('alice')]).state).toEqual(before);
    });

    it('refuses once the retention is over, counted from the deletion (409 retention_expired)', () => {
      givenWorkspace(deletedTeam).when(undeleteWorkspace('alice', 30, daysAfter(30))).thenThrows(RuleViolation, { code: 'retention_expired' });
      givenWorkspace(deletedTeam).when(undeleteWorkspace('alice', 1, daysAfter(400))).thenThrows(RuleViolation, { code: 'retention_expired' });
    });

    it('counts the retention from the latest deletion', () =>
      givenWorkspace(team, [deleted('alice', AT), undeleted('alice', daysAfter(20)), deleted('alice', daysAfter(25))])
        .when(undeleteWorkspace('alice', 30, daysAfter(50)))
        .then([undeleted('alice', daysAfter(50))]));

    it('keeps a deleted workspace undeletable for ever with a retention of 0', () =>
      givenWorkspace(deletedTeam).when(undeleteWorkspace('alice', 0, daysAfter(3650))).then([undeleted('alice', daysAfter(3650))]));

    it.each(['bob', 'carol', 'erin'])('hides it from %s, a former member who was no admin', (member) =>
      givenWorkspace(deletedTeam).when(undeleteWorkspace(member)).thenThrows(NotFound, { code: 'workspace_not_found' }));

    it('hides it from a non-member, and from an admin removed before the deletion', () => {
      givenWorkspace(deletedTeam).when(undeleteWorkspace('mallory')).thenThrows(NotFound, { code: 'workspace_not_found' });
      givenWorkspace(team, joined('erin', 'admin'), [removed('erin'), deleted('alice')]).when(undeleteWorkspace('erin')).thenThrows(NotFound);
    });

    it('refuses a workspace that does not exist', () =>
      givenWorkspace().when(undeleteWorkspace('alice')).thenThrows(NotFound, { code: 'workspace_not_found' }));

    it('refuses a workspace that is not deleted: 409 to its admins, as any admin-only command to others', () => {
      givenWorkspace(team).when(undeleteWorkspace('alice')).thenThrows(RuleViolation, { code: 'workspace_not_deleted' });
      givenWorkspace(team).when(undeleteWorkspace('bob')).thenThrows(Forbidden);
      givenWorkspace(team).when(undeleteWorkspace('mallory')).thenThrows(NotFound, { code: 'workspace_not_found' });
      givenWorkspace(deletedTeam, [undeleted('alice')]).when(undeleteWorkspace('alice')).thenThrows(RuleViolation, { code: 'workspace_not_deleted' });
    });
  });

  describe('when a member leaves', () => {
    it.each([
      ['bob', 'a write member'],
      ['carol', 'a read member'],
    ])('records that %s (%s) left, as the actor', (member) => givenWorkspace(team).when(leave(member)).then([left(member)]));

    it('lets an external member leave', () => givenWorkspace(team, joined('erin', 'read', true)).when(leave('erin')).then([left('erin')]));

    it('lets an admin leave while another admin remains', () =>
      givenWorkspace(team, [permissionChanged('carol', 'admin')]).when(leave('alice')).then([left('alice')]));

    it('refuses the last admin (409 last_admin)', () => givenWorkspace(team).when(leave('alice')).thenThrows(RuleViolation, { code: 'last_admin' }));

    it('refuses someone who is not a member: never one, removed, or already gone', () => {
      givenWorkspace(team).when(leave('mallory')).thenThrows(NotFound, { code: 'workspace_not_found' });
      givenWorkspace(team).when(leave('dave')).thenThrows(NotFound, { code: 'workspace_not_found' });
      givenWorkspace(team, [removed('bob')]).when(leave('bob')).thenThrows(NotFound, { code: 'workspace_not_found' });
      givenWorkspace(team, [left('bob')]).when(leave('bob')).thenThrows(NotFound, { code: 'workspace_not_found' });
    });

    it('refuses a deleted workspace, and one that does not exist', () => {
      givenWorkspace(deletedTeam).when(leave('bob')).thenThrows(NotFound, { code: 'workspace_not_found' });
      givenWorkspace().when(leave('bob')).thenThrows(NotFound, { code: 'workspace_not_found' });
    });

    it('drops the member from the state, so re-inviting them works', () => {
      const spec = givenWorkspace(team, [left('bob')]);
      expect(permissionOf(spec.state, 'bob')).toBeNull();
      spec.when(invite('alice', 'bob@example.com', 'read', 'inv_2')).then([invited('inv_2', 'bob@example.com', 'read')]);
    });
  });

  describe('when a member leaves because they are being erased (DESIGN §9 erasure)', () => {
    it('leaves an active workspace like anyone, the last admin rule included', () => {
      givenWorkspace(team).when(leave('bob', true)).then([left('bob')]);
      givenWorkspace(team).when(leave('alice', true)).thenThrows(RuleViolation, { code: 'last_admin' });
    });

    it('leaves a deleted workspace too, so an undelete cannot bring the erased person back', () =>
      givenWorkspace(deletedTeam).when(leave('bob', true)).then([left('bob')]));

    it("leaves a deleted workspace even as its last admin: nobody can undelete it then, and the retention's destruction follows", () =>
      givenWorkspace(deletedTeam).when(leave('alice', true)).then([left('alice')]));

    it('refuses someone who was no member of the deleted workspace', () =>
      givenWorkspace(deletedTeam).when(leave('mallory', true)).thenThrows(NotFound, { code: 'workspace_not_found' }));
  });
});
