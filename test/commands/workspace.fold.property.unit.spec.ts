import fc from 'fast-check';
import { describe, it } from 'vitest';
import { foldWorkspace, initialWorkspaceState } from '../../src/commands/workspace.state';
import type { WorkspaceEvent } from '../../src/events/workspace.events';
import { foldsAgree, snapshotsAgree } from './foldProperty';
import { accepted, created, invited, meta, permissionChanged, removed, revoked } from './workspace.fixtures';

const USERS = ['bob', 'carol', 'dave'];
const INVITATIONS = ['inv_1', 'inv_2', 'inv_3'];
/** Times an event may carry: when a membership began is kept from the event that began it. */
const AT = fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z');
const at = (event: WorkspaceEvent, time: string): WorkspaceEvent => ({ ...event, metadata: { ...event.metadata, at: time } });

/** Any workspace event over a few users and invitations, valid or not: a fold takes what the log holds. */
const anyEvent: fc.Arbitrary<WorkspaceEvent> = fc.oneof(
  fc.tuple(fc.constantFrom('alice', 'bob'), AT).map(([creator, time]) => at(created(creator, `${creator}@example.com`), time)),
  fc.tuple(fc.constantFrom(...INVITATIONS), fc.constantFrom(...USERS)).map(([id, user]) => invited(id, `${user}@example.com`)),
  fc.constantFrom(...INVITATIONS).map((id) => revoked(id)),
  fc.tuple(fc.constantFrom(...INVITATIONS), fc.constantFrom(...USERS), AT).map(([id, user, time]) => at(accepted(id, user, `${user}@example.com`), time)),
  fc.tuple(fc.constantFrom(...USERS), fc.constantFrom('read', 'write', 'admin') as fc.Arbitrary<'read' | 'write' | 'admin'>).map(([user, p]) => permissionChanged(user, p)),
  fc.constantFrom(...USERS).map((user) => removed(user)),
  fc.constantFrom(...USERS).map((user): WorkspaceEvent => ({ type: 'MemberLeft', data: { userId: user }, metadata: meta(user) })),
  fc
    .tuple(fc.constantFrom('alice', 'bob'), fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z'))
    .map(([actor, at]): WorkspaceEvent => ({ type: 'WorkspaceDeleted', data: {}, metadata: { ...meta(actor), at } })),
  fc.constant<WorkspaceEvent>({ type: 'WorkspaceUndeleted', data: {}, metadata: meta('alice') } as WorkspaceEvent),
);

describe('A workspace stream folded', () => {
  it('at once, in any pieces, is the same as one event at a time, and leaves every state it started from as it was', () => foldsAgree(foldWorkspace, initialWorkspaceState, anyEvent));

  it('as a snapshot written and read back, is the same state, and folds on to the same', () => snapshotsAgree(foldWorkspace, initialWorkspaceState, anyEvent));
});
