import { describe, it } from 'vitest';
import { workspaceDecider } from '../../src/commands/workspace.decider';
import { Forbidden, NotFound, RuleViolation } from '../../src/errors';
import type { WorkspaceEvent } from '../../src/events/workspace.events';
import { given } from './deciderSpec';
import {
  accept,
  accepted,
  changePermission,
  created,
  createWorkspace,
  invite,
  invited,
  joined,
  legacy,
  permissionChanged,
  remove,
  removed,
  revoke,
  revoked,
  team,
} from './workspace.fixtures';

/** The workspace after these groups of events (flattened, in order). */
const givenWorkspace = (...history: WorkspaceEvent[][]) => given(workspaceDecider, history.flat());

describe('Workspace', () => {
  describe('when it is created', () => {
    it('records the creator with their email as the handler sealed it (lower-cased), and its blind index', () =>
      givenWorkspace().when(createWorkspace('alice', 'Alice@Example.COM')).then([created('alice', 'alice@example.com')]));

    it('records a creator without an email (a service)', () =>
      givenWorkspace().when(createWorkspace('svc', null)).then([created('svc', null)]));

    it('refuses to create it again', () =>
      givenWorkspace([created()]).when(createWorkspace('bob', 'bob@example.com')).thenThrows(RuleViolation, { code: 'workspace_exists' }));
  });

  describe('when an admin invites someone', () => {
    it('records the invitation with the email sealed (lower-cased), and its blind index', () =>
      givenWorkspace(team).when(invite('alice', 'Erin@Example.COM', 'read', 'inv_erin', true)).then([invited('inv_erin', 'erin@example.com', 'read', true)]));

    it('refuses the email of a member, whatever its case', () =>
      givenWorkspace(team).when(invite('alice', 'BOB@example.com')).thenThrows(RuleViolation, { code: 'already_member' }));

    it("refuses the creator's email, whatever its case", () =>
      givenWorkspace(team).when(invite('alice', 'Alice@EXAMPLE.com')).thenThrows(RuleViolation, { code: 'already_member' }));

    it('refuses an email that has a pending invitation, whatever its case', () =>
      givenWorkspace(team).when(invite('alice', 'DAVE@example.com', 'read')).thenThrows(RuleViolation, { code: 'already_invited' }));

    // Each invitation is kept, folded and listed until it is accepted or revoked: an admin inviting
    // without end would make every load of the workspace and every list of its members grow with it.
    it('refuses an invitation beyond 1,000 pending, and takes one again once one is revoked', () => {
      const pending = Array.from({ length: 1000 - 1 }, (_, i) => invited(`inv_${i}`, `user${i}@example.com`));
      givenWorkspace(team, pending).when(invite('alice', 'one-too-many@example.com')).thenThrows(RuleViolation, { code: 'too_many_invitations' });
      givenWorkspace(team, pending, [revoked('inv_0')]).when(invite('alice', 'erin@example.com', 'read', 'inv_erin')).then([invited('inv_erin', 'erin@example.com', 'read')]);
    });

    // Each member is folded into every load of the workspace and listed (email opened) in every
    // answer of its members: a workspace without a bound would make both grow without end.
    it('refuses an invitation, and its acceptance, once the workspace has 10,000 members, and takes them again once one is removed', () => {
      // The team's three members and 9,997 more.
      const members = Array.from({ length: 10_000 - 3 }, (_, i) => joined(`user${i}`, 'read')).flat();
      givenWorkspace(team, members).when(invite('alice', 'one-too-many@example.com')).thenThrows(RuleViolation, { code: 'too_many_members' });
      givenWorkspace(team, members).when(accept('dave', 'inv_dave', 'dave@example.com')).thenThrows(RuleViolation, { code: 'too_many_members' });
      givenWorkspace(team, members, [removed('user0')]).when(accept('dave', 'inv_dave', 'dave@example.com')).then([accepted('inv_dave', 'dave', 'dave@example.com', 'write')]);
    });

    // Time travel keeps every invitation ever made: `GET …/members?asOf=` seeks each one (~1.5 µs
    // here), so an admin inviting and revoking without end would make that answer grow without end.
    it('refuses an invitation once the workspace has made 50,000, revoked or accepted ones included', () => {
      const made = Array.from({ length: 50_000 - 3 }, (_, i) => [invited(`inv_${i}`, `user${i}@example.com`), revoked(`inv_${i}`)]).flat();
      // The team's history holds three invitations: bob's and carol's, accepted, and dave's, pending.
      givenWorkspace(team, made).when(invite('alice', 'one-too-many@example.com')).thenThrows(RuleViolation, { code: 'too_many_invitations_ever' });
      givenWorkspace(team, made.slice(0, -2)).when(invite('alice', 'erin@example.com', 'read', 'inv_erin')).then([invited('inv_erin', 'erin@example.com', 'read')]);
    });

    it('invites again an email whose invitation was revoked', () =>
      givenWorkspace(team, [revoked('inv_dave')]).when(invite('alice', 'dave@example.com', 'read', 'inv_2')).then([invited('inv_2', 'dave@example.com', 'read')]));

    it('invites again a member who was removed', () =>
      givenWorkspace(team, [removed('bob')]).when(invite('alice', 'bob@example.com', 'read', 'inv_2')).then([invited('inv_2', 'bob@example.com', 'read')]));
  });

  describe('when someone other than an admin invites', () => {
    it.each(['bob', 'carol'])('refuses %s, a write or read member', (member) =>
      givenWorkspace(team).when(invite(member, 'erin@example.com')).thenThrows(Forbidden));

    it('hides the workspace from a non-member', () =>
      givenWorkspace(team).when(invite('mallory', 'erin@example.com')).thenThrows(NotFound, { code: 'workspace_not_found' }));

    it('hides the workspace from a removed admin', () =>
      givenWorkspace(team, [permissionChanged('bob', 'admin'), removed('bob', 'alice')])
        .when(invite('bob', 'erin@example.com'))
        .thenThrows(NotFound, { code: 'workspace_not_found' }));

    it('refuses a workspace that does not exist', () =>
      givenWorkspace().when(invite('alice', 'erin@example.com')).thenThrows(NotFound, { code: 'workspace_not_found' }));
  });

  describe('when an invitation is revoked', () => {
    it('records the revocation', () => givenWorkspace(team).when(revoke('alice', 'inv_dave')).then([revoked('inv_dave')]));

    it('refuses an unknown invitation', () =>
      givenWorkspace(team).when(revoke('alice', 'inv_nope')).thenThrows(NotFound, { code: 'invitation_not_found' }));

    it('refuses an invitation that was already accepted', () =>
      givenWorkspace(team).when(revoke('alice', 'inv_bob')).thenThrows(NotFound, { code: 'invitation_not_found' }));

    it('refuses a member who is not an admin', () => givenWorkspace(team).when(revoke('bob', 'inv_dave')).thenThrows(Forbidden));
  });

  describe('when an invitation is accepted', () => {
    it('makes the invitee a member, matching the email case-insensitively', () =>
      givenWorkspace(team).when(accept('dave', 'inv_dave', 'Dave@Example.COM')).then([accepted('inv_dave', 'dave', 'dave@example.com', 'write')]));

    it("grants the invitation's permission and external flag", () =>
      givenWorkspace(team, [invited('inv_erin', 'erin@example.com', 'read', true)])
        .when(accept('erin', 'inv_erin', 'erin@example.com'))
        .then([accepted('inv_erin', 'erin', 'erin@example.com', 'read', true)]));

    it("refuses someone else's invitation as if it did not exist", () =>
      givenWorkspace(team).when(accept('erin', 'inv_dave', 'erin@example.com')).thenThrows(NotFound, { code: 'invitation_not_found' }));

    it('refuses a revoked invitation', () =>
      givenWorkspace(team, [revoked('inv_dave')]).when(accept('dave', 'inv_dave', 'dave@example.com')).thenThrows(NotFound));

    it('refuses a workspace that does not exist', () =>
      givenWorkspace().when(accept('dave', 'inv_dave', 'dave@example.com')).thenThrows(NotFound));

    it('refuses a user who is already a member', () =>
      givenWorkspace(team, [invited('inv_b2', 'bob.work@example.com')])
        .when(accept('bob', 'inv_b2', 'bob.work@example.com'))
        .thenThrows(RuleViolation, { code: 'already_member' }));
  });

  describe("when a member's permission is changed", () => {
    it('records the new permission', () =>
      givenWorkspace(team).when(changePermission('alice', 'carol', 'admin')).then([permissionChanged('carol', 'admin')]));

    it('records nothing when the permission is the same', () =>
      givenWorkspace(team).when(changePermission('alice', 'bob', 'write')).thenNothing());

    it.each(['mallory', 'dave'])('refuses %s, who is not a member', (userId) =>
      givenWorkspace(team).when(changePermission('alice', userId, 'read')).thenThrows(NotFound, { code: 'member_not_found' }));

    it('refuses to demote the last admin', () =>
      givenWorkspace(team).when(changePermission('alice', 'alice', 'write')).thenThrows(RuleViolation, { code: 'last_admin' }));

    it('demotes an admin while another admin remains', () =>
      givenWorkspace(team, [permissionChanged('bob', 'admin')])
        .when(changePermission('bob', 'alice', 'read'))
        .then([permissionChanged('alice', 'read', 'bob')]));

    it('refuses a member who is not an admin', () =>
      givenWorkspace(team).when(changePermission('bob', 'carol', 'write')).thenThrows(Forbidden));
  });

  describe('when a member is removed', () => {
    it('records the removal', () => givenWorkspace(team).when(remove('alice', 'carol')).then([removed('carol')]));

    it('refuses to remove the last admin', () =>
      givenWorkspace(team).when(remove('alice', 'alice')).thenThrows(RuleViolation, { code: 'last_admin' }));

    it('removes an admin while another admin remains', () =>
      givenWorkspace(team, joined('erin', 'admin')).when(remove('erin', 'alice')).then([removed('alice', 'erin')]));

    it('refuses a member who is already gone', () =>
      givenWorkspace(team, [removed('carol')]).when(remove('alice', 'carol')).thenThrows(NotFound, { code: 'member_not_found' }));

    it('refuses a member who is not an admin', () => givenWorkspace(team).when(remove('carol', 'bob')).thenThrows(Forbidden));
  });

  describe('when its history holds emails recorded before they were sealed (legacy plaintext)', () => {
    const legacyTeam = [
      legacy.created(),
      legacy.invited('inv_bob', 'bob@example.com'),
      legacy.accepted('inv_bob', 'bob', 'bob@example.com'),
      legacy.invited('inv_dave', 'dave@example.com'),
    ];

    it('refuses to invite a member by a plain email, whatever its case', () => {
      givenWorkspace(legacyTeam).when(invite('alice', 'Bob@Example.com')).thenThrows(RuleViolation, { code: 'already_member' });
      givenWorkspace(legacyTeam).when(invite('alice', 'ALICE@example.com')).thenThrows(RuleViolation, { code: 'already_member' });
    });

    it('refuses an email with a plain pending invitation, whatever its case', () =>
      givenWorkspace(legacyTeam).when(invite('alice', 'Dave@example.com')).thenThrows(RuleViolation, { code: 'already_invited' }));

    it('invites a new email, sealed', () =>
      givenWorkspace(legacyTeam).when(invite('alice', 'erin@example.com', 'read', 'inv_erin')).then([invited('inv_erin', 'erin@example.com', 'read')]));

    it('lets the invitee accept a plain invitation, and records the email sealed from then on', () =>
      givenWorkspace(legacyTeam).when(accept('dave', 'inv_dave', 'DAVE@example.com')).then([accepted('inv_dave', 'dave', 'dave@example.com')]));

    it("refuses someone else's plain invitation as if it did not exist", () =>
      givenWorkspace(legacyTeam).when(accept('erin', 'inv_dave', 'erin@example.com')).thenThrows(NotFound, { code: 'invitation_not_found' }));
  });
});
