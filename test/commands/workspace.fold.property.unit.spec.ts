import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWorkspace, initialWorkspaceState, type WorkspaceState } from '../../src/commands/workspace.state';
import type { WorkspaceEvent } from '../../src/events/workspace.events';
import { accepted, created, invited, meta, permissionChanged, removed, revoked } from './workspace.fixtures';

const USERS = ['bob', 'carol', 'dave'];
const INVITATIONS = ['inv_1', 'inv_2', 'inv_3'];

/** Any workspace event over a few users and invitations, valid or not: a fold takes what the log holds. */
const anyEvent: fc.Arbitrary<WorkspaceEvent> = fc.oneof(
  fc.constantFrom('alice', 'bob').map((creator) => created(creator, `${creator}@example.com`)),
  fc.tuple(fc.constantFrom(...INVITATIONS), fc.constantFrom(...USERS)).map(([id, user]) => invited(id, `${user}@example.com`)),
  fc.constantFrom(...INVITATIONS).map((id) => revoked(id)),
  fc.tuple(fc.constantFrom(...INVITATIONS), fc.constantFrom(...USERS)).map(([id, user]) => accepted(id, user, `${user}@example.com`)),
  fc.tuple(fc.constantFrom(...USERS), fc.constantFrom('read', 'write', 'admin') as fc.Arbitrary<'read' | 'write' | 'admin'>).map(([user, p]) => permissionChanged(user, p)),
  fc.constantFrom(...USERS).map((user) => removed(user)),
  fc.constantFrom(...USERS).map((user): WorkspaceEvent => ({ type: 'MemberLeft', data: { userId: user }, metadata: meta(user) })),
  fc
    .tuple(fc.constantFrom('alice', 'bob'), fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z'))
    .map(([actor, at]): WorkspaceEvent => ({ type: 'WorkspaceDeleted', data: {}, metadata: { ...meta(actor), at } })),
  fc.constant<WorkspaceEvent>({ type: 'WorkspaceUndeleted', data: {}, metadata: meta('alice') } as WorkspaceEvent),
);

/** A state with its maps as lists of entries, so that comparing them compares their order too (toEqual does not, for maps). */
const inOrder = (state: WorkspaceState) =>
  Object.fromEntries(Object.entries(state).map(([name, value]) => [name, value instanceof Map ? [...value.entries()] : value]));

describe('A workspace stream folded', () => {
  it('at once, in any pieces, is the same as one event at a time, and leaves the state it started from as it was', () =>
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 12 }), fc.array(anyEvent, { maxLength: 30 }), (before, events) => {
        const start = foldWorkspace(initialWorkspaceState, before);
        // Every state along the way, as a cache would hold it and fold it further.
        const along = events.reduce((states, event) => [...states, foldWorkspace(states[states.length - 1]!, [event])], [start]);
        const kept = along.map((state) => structuredClone(state));
        const oneByOne = along[along.length - 1]!;
        const half = Math.floor(events.length / 2);
        expect(inOrder(foldWorkspace(start, events))).toEqual(inOrder(oneByOne));
        expect(inOrder(foldWorkspace(foldWorkspace(start, events.slice(0, half)), events.slice(half)))).toEqual(inOrder(oneByOne));
        along.forEach((state, i) => foldWorkspace(state, events.slice(i)));
        along.forEach((state, i) => expect(inOrder(state)).toEqual(inOrder(kept[i]!)));
      }),
      { numRuns: 500 },
    ));
});
