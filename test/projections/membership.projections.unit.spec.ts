import { describe, expect, it } from 'vitest';
import type { EventType, RecordedOf } from '../../src/events/streams';
import type { WorkspacePermission } from '../../src/events/values';
import {
  invitationsProjection,
  membersProjection,
  workspacesProjection,
} from '../../src/projections/membership.projections';
import { erase, type Projection } from '../../src/projections/projection';
import type { CollectionName, ViewDocs } from '../../src/projections/views';
import { at, setData, stream } from './recorded.fixture';

const fold = <C extends CollectionName, T extends EventType>(p: Projection<C, T>, events: readonly RecordedOf<T>[]) =>
  events.reduce<ViewDocs[C] | null>((doc, r) => p.evolve(doc, r, p.documentIds(r)[0] ?? ''), null);

type WorkspaceStream = ReturnType<typeof stream<'workspace'>>;

const created = (e: WorkspaceStream, email: string | null = 'alice@example.com') =>
  e('WorkspaceCreated', { workspaceId: 'ws1', name: 'Acme', creator: { userId: 'alice', email } });
const invited = (e: WorkspaceStream, invitationId = 'inv1', permission: WorkspacePermission = 'write') =>
  e('MemberInvited', { invitationId, email: 'bob@example.com', permission, external: true });
const accepted = (e: WorkspaceStream, invitationId = 'inv1', permission: WorkspacePermission = 'write') =>
  e('InvitationAccepted', { invitationId, userId: 'bob', email: 'bob@example.com', permission, external: true }, 'bob');

describe('Membership projections', () => {
  describe('workspaces', () => {
    it('records the workspace on WorkspaceCreated, by its id', () => {
      const r = created(stream('workspace', 'ws1'));
      expect(workspacesProjection.documentIds(r)).toEqual(['ws1']);
      expect(fold(workspacesProjection, [r])).toEqual({ workspaceId: 'ws1', name: 'Acme', createdAt: at(1), createdBy: 'alice', deletedAt: null, deletedBy: null });
    });

    it('records when and by whom it was deleted, and forgets it when it is undeleted (DESIGN §9)', () => {
      const e = stream('workspace', 'ws1');
      const r = created(e);
      const deletion = e('WorkspaceDeleted', {}, 'bob');
      expect(workspacesProjection.documentIds(deletion)).toEqual(['ws1']);
      expect(fold(workspacesProjection, [r, deletion])).toMatchObject({ name: 'Acme', deletedAt: at(2), deletedBy: 'bob' });
      expect(fold(workspacesProjection, [r, deletion, e('WorkspaceUndeleted', {})])).toEqual(fold(workspacesProjection, [r]));
    });

    it('is not touched by membership events', () => {
      const e = stream('workspace', 'ws1');
      created(e);
      // As the projector calls it: with any event, of the types it handles or not.
      const projected = erase(workspacesProjection);
      expect(projected.documentIds(invited(e))).toEqual([]);
      expect(projected.documentIds(e('MemberRemoved', { userId: 'bob' }))).toEqual([]);
    });
  });

  describe('members', () => {
    const p = membersProjection;
    const projected = erase(p);

    it('makes the creator an admin member', () => {
      const r = created(stream('workspace', 'ws1'), null);
      expect(p.documentIds(r)).toEqual(['ws1/alice']);
      expect(fold(p, [r])).toEqual({
        workspaceId: 'ws1',
        userId: 'alice',
        email: null,
        permission: 'admin',
        external: false,
        joinedAt: at(1),
      });
    });

    it('adds a member when an invitation is accepted, not when it is sent', () => {
      const e = stream('workspace', 'ws1');
      created(e);
      expect(projected.documentIds(invited(e))).toEqual([]);
      const r = accepted(e);
      expect(p.documentIds(r)).toEqual(['ws1/bob']);
      expect(fold(p, [r])).toEqual({
        workspaceId: 'ws1',
        userId: 'bob',
        email: 'bob@example.com',
        permission: 'write',
        external: true,
        joinedAt: at(3),
      });
    });

    it('changes only the permission on MemberPermissionChanged', () => {
      const e = stream('workspace', 'ws1');
      const joined = accepted(e);
      const changed = e('MemberPermissionChanged', { userId: 'bob', permission: 'read' });
      expect(p.documentIds(changed)).toEqual(['ws1/bob']);
      expect(fold(p, [joined, changed])).toEqual({ ...fold(p, [joined]), permission: 'read' });
      expect(p.evolve(null, changed, 'ws1/bob')).toBeNull();
    });

    it('deletes the member on MemberRemoved; re-joining starts a new membership', () => {
      const e = stream('workspace', 'ws1');
      const joined = accepted(e);
      const removed = e('MemberRemoved', { userId: 'bob' });
      expect(p.documentIds(removed)).toEqual(['ws1/bob']);
      expect(fold(p, [joined, removed])).toBeNull();
      const again = accepted(e, 'inv2', 'read');
      expect(fold(p, [joined, removed, again])).toMatchObject({ permission: 'read', joinedAt: at(3) });
    });

    it('deletes the member who left, like one removed', () => {
      const e = stream('workspace', 'ws1');
      const joined = accepted(e);
      const left = e('MemberLeft', { userId: 'bob' }, 'bob');
      expect(p.documentIds(left)).toEqual(['ws1/bob']);
      expect(fold(p, [joined, left])).toBeNull();
    });

    it("keeps the members of a deleted workspace as they were (an undelete gives their access back)", () => {
      const e = stream('workspace', 'ws1');
      expect(projected.documentIds(e('WorkspaceDeleted', {}))).toEqual([]);
      expect(projected.documentIds(e('WorkspaceUndeleted', {}))).toEqual([]);
    });

    it('ignores other streams', () => {
      expect(projected.documentIds(stream('workspaceSecrets', 'ws1')('SecretSet', setData('A', 1)))).toEqual([]);
    });
  });

  describe('invitations', () => {
    const p = invitationsProjection;
    const projected = erase(p);

    it('keeps a sealed email as the event has it, with its blind index to be found by', () => {
      const e = stream('workspace', 'ws1');
      const email = { dataKeyId: 'sk_x', nonce: 'bm9uY2U=', ciphertext: 'c2VhbGVk' };
      const r = e('MemberInvited', { invitationId: 'inv2', email, emailIndex: 'ix_bob', permission: 'read', external: false });
      expect(fold(p, [r])).toMatchObject({ invitationId: 'inv2', email, emailIndex: 'ix_bob' });
    });

    it('records a pending invitation by its id (here one written before emails were sealed: plain, no index)', () => {
      const e = stream('workspace', 'ws1');
      created(e);
      const r = invited(e);
      expect(p.documentIds(r)).toEqual(['inv1']);
      expect(fold(p, [r])).toEqual({
        invitationId: 'inv1',
        workspaceId: 'ws1',
        email: 'bob@example.com',
        emailIndex: null,
        permission: 'write',
        external: true,
        invitedAt: at(2),
        invitedBy: 'alice',
      });
    });

    it.each([
      ['accepted', (e: WorkspaceStream) => accepted(e)],
      ['revoked', (e: WorkspaceStream) => e('InvitationRevoked', { invitationId: 'inv1' })],
    ])('deletes the invitation once it is %s', (_name, close) => {
      const e = stream('workspace', 'ws1');
      const sent = invited(e);
      const closed = close(e);
      expect(p.documentIds(closed)).toEqual(['inv1']);
      expect(fold(p, [sent, closed])).toBeNull();
    });

    it('is not touched by permission changes or removals', () => {
      const e = stream('workspace', 'ws1');
      expect(projected.documentIds(e('MemberPermissionChanged', { userId: 'bob', permission: 'read' }))).toEqual([]);
      expect(projected.documentIds(e('MemberRemoved', { userId: 'bob' }))).toEqual([]);
    });
  });
});
