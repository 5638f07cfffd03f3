import { describe, expect, it } from 'vitest';
import { permissionOf, requireMember, workspaceDecider, type WorkspaceState } from '../../src/commands/workspace.decider';
import { NotFound } from '../../src/errors';
import type { WorkspaceEvent } from '../../src/events/workspace.events';
import { given } from './deciderSpec';
import { accepted, AT, created, deleted, invited, knownAs, legacy, permissionChanged, removed, revoked, team, undeleted, WS } from './workspace.fixtures';

const stateAfter = (...history: WorkspaceEvent[][]): WorkspaceState => given(workspaceDecider, history.flat()).state;

const alice = { userId: 'alice', email: knownAs('alice@example.com'), permission: 'admin', external: false, joinedAt: AT } as const;

describe('Workspace', () => {
  describe('when its events are folded', () => {
    it('starts with no workspace', () => expect(stateAfter()).toEqual({ status: 'none' }));

    it('ignores membership events before the workspace is created', () =>
      expect(stateAfter([invited('inv_x', 'x@example.com'), accepted('inv_x', 'x', 'x@example.com')])).toEqual({ status: 'none' }));

    it('WorkspaceCreated makes the creator its only member, an admin', () =>
      expect(stateAfter([created()])).toEqual({
        status: 'active',
        workspaceId: WS,
        name: 'Acme',
        members: new Map([['alice', alice]]),
        invitations: new Map(),
        invitationsEver: 0,
      }));

    it('MemberInvited adds a pending invitation', () => {
      const state = stateAfter([created(), invited('inv_e', 'erin@example.com', 'read', true)]);
      expect(state.status === 'active' && [...state.invitations.values()]).toEqual([
        { invitationId: 'inv_e', email: knownAs('erin@example.com'), permission: 'read', external: true },
      ]);
    });

    it('InvitationRevoked drops the invitation, which still counts among those ever made', () => {
      const state = stateAfter([created(), invited('inv_e', 'erin@example.com'), revoked('inv_e')]);
      expect(state.status === 'active' && [state.invitations.size, state.invitationsEver]).toEqual([0, 1]);
    });

    it('counts the invitations ever made across a deletion and an undelete', () => {
      const state = stateAfter([created(), invited('inv_e', 'erin@example.com'), deleted(), undeleted(), invited('inv_f', 'fay@example.com')]);
      expect(state.status === 'active' && state.invitationsEver).toBe(2);
    });

    it('InvitationAccepted turns the invitation into a member', () => {
      const state = stateAfter([created(), invited('inv_e', 'erin@example.com', 'read', true), accepted('inv_e', 'erin', 'erin@example.com', 'read', true)]);
      expect(state.status === 'active' && state.invitations.size).toBe(0);
      expect(state.status === 'active' && state.members.get('erin')).toEqual({
        userId: 'erin',
        email: knownAs('erin@example.com'),
        permission: 'read',
        external: true,
        joinedAt: AT,
      });
    });

    it('a member removed and invited again is a member since they joined again', () => {
      const later = '2025-03-15T00:00:00.000Z';
      const again = (event: WorkspaceEvent): WorkspaceEvent => ({ ...event, metadata: { ...event.metadata, at: later } });
      const first = [created(), invited('inv_e', 'erin@example.com', 'read'), accepted('inv_e', 'erin', 'erin@example.com', 'read')];
      const joinedAt = (state: WorkspaceState) => (state.status === 'active' ? state.members.get('erin')?.joinedAt : undefined);
      expect(joinedAt(stateAfter(first))).toBe(AT);
      expect(joinedAt(stateAfter(first, [removed('erin'), again(invited('inv_f', 'erin@example.com', 'read')), again(accepted('inv_f', 'erin', 'erin@example.com', 'read'))]))).toBe(later);
    });

    it("MemberPermissionChanged changes only the member's permission", () => {
      const state = stateAfter(team, [permissionChanged('carol', 'admin')]);
      expect(state.status === 'active' && state.members.get('carol')).toEqual({
        userId: 'carol',
        email: knownAs('carol@example.com'),
        permission: 'admin',
        external: false,
        joinedAt: AT,
      });
    });

    it('MemberPermissionChanged for someone who is not a member changes nothing', () =>
      expect(stateAfter(team, [permissionChanged('mallory', 'admin')])).toEqual(stateAfter(team)));

    it('MemberRemoved drops the member', () => {
      const state = stateAfter(team, [removed('bob')]);
      expect(state.status === 'active' && [...state.members.keys()]).toEqual(['alice', 'carol']);
    });

    it('knows emails recorded before they were sealed by the lower-cased email itself, and sealed ones by their index', () => {
      const state = stateAfter([legacy.created('alice', 'Alice@Example.com'), legacy.invited('inv_b', 'bob@example.com'), invited('inv_e', 'erin@example.com')]);
      expect(state.status === 'active' && state.members.get('alice')?.email).toEqual({ legacy: 'alice@example.com' });
      expect(state.status === 'active' && [...state.invitations.values()].map((i) => i.email)).toEqual([{ legacy: 'bob@example.com' }, knownAs('erin@example.com')]);
    });

    it('never changes the state it folds from: cached states are shared', () => {
      const before = stateAfter(team);
      const copy = structuredClone(before);
      for (const event of [invited('inv_e', 'e@example.com'), revoked('inv_dave'), accepted('inv_dave', 'dave', 'dave@example.com'), permissionChanged('bob', 'read'), removed('carol')]) {
        workspaceDecider.fold(before, [event]);
      }
      expect(before).toEqual(copy);
    });
  });

  describe("when a user's standing is read", () => {
    it('gives the permission of an active member', () => {
      const state = stateAfter(team);
      expect(['alice', 'bob', 'carol'].map((u) => permissionOf(state, u))).toEqual(['admin', 'write', 'read']);
    });

    it.each([
      ['an unknown user', 'mallory', []],
      ['an invitee who has not accepted', 'dave', []],
      ['a removed member', 'bob', [removed('bob')]],
    ])('gives no permission to %s, and requireMember hides the workspace', (_who, userId, more) => {
      const state = stateAfter(team, more);
      expect(permissionOf(state, userId)).toBeNull();
      expect(() => requireMember(state, userId)).toThrow(NotFound);
    });

    it('hides a workspace that does not exist', () => expect(() => requireMember(stateAfter(), 'alice')).toThrow(NotFound));

    it('requireMember returns the workspace with the permission', () =>
      expect(requireMember(stateAfter(team), 'carol')).toMatchObject({ status: 'active', workspaceId: WS, permission: 'read' }));
  });
});
