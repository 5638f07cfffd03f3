import { describe, expect, it } from 'vitest';
import type { EventType, RecordedOf } from '../../src/events/streams';
import { erase, type Projection } from '../../src/projections/projection';
import {
  personalSecretsProjection,
  scopesProjection,
  workspaceSecretsProjection,
} from '../../src/projections/secrets.projections';
import type { CollectionName, ViewDocs } from '../../src/projections/views';
import { at, sealed, setData, stream } from './recorded.fixture';

const fold = <C extends CollectionName, T extends EventType>(p: Projection<C, T>, events: readonly RecordedOf<T>[], from: ViewDocs[C] | null = null) =>
  events.reduce<ViewDocs[C] | null>((doc, r) => p.evolve(doc, r, p.documentIds(r)[0] ?? ''), from);

describe('Secrets projections', () => {
  describe('workspace secrets', () => {
    const p = workspaceSecretsProjection;

    it('creates a document with empty details and members on the first SecretSet', () => {
      const e = stream('workspaceSecrets', 'ws1');
      expect(fold(p, [e('SecretSet', setData('API', 1), 'bob')])).toEqual({
        ownerId: 'ws1',
        key: 'API',
        version: 1,
        value: sealed('API1'),
        fingerprint: 'fp_API1',
        displayName: null,
        description: null,
        createdAt: at(1),
        createdBy: 'bob',
        updatedAt: at(1),
        updatedBy: 'bob',
        members: [],
        rollbackOf: null,
      });
    });

    it('names the version a rollback set again, until the next version (the history reads it from there)', () => {
      const e = stream('workspaceSecrets', 'ws1');
      const rolledBack = fold(p, [e('SecretSet', setData('API', 1)), e('SecretSet', setData('API', 2)), e('SecretSet', { ...setData('API', 3, 'API1'), rollbackOf: 1 })]);
      expect(rolledBack).toMatchObject({ version: 3, rollbackOf: 1 });
      expect(fold(p, [e('SecretDetailsChanged', { key: 'API', displayName: 'Api' })], rolledBack)).toMatchObject({ version: 3, rollbackOf: 1 });
      expect(fold(p, [e('SecretSet', setData('API', 4))], rolledBack)).toMatchObject({ version: 4, rollbackOf: null });
    });

    it('keys documents by owner and key', () => {
      const e = stream('workspaceSecrets', 'ws1');
      expect(p.documentIds(e('SecretDetailsChanged', { key: 'API', displayName: 'x' }))).toEqual(['ws1/API']);
    });

    it('changes details, leaving out what an event omits and clearing what it nulls', () => {
      const e = stream('workspaceSecrets', 'ws1');
      const doc = fold(p, [
        e('SecretSet', setData('API', 1)),
        e('SecretDetailsChanged', { key: 'API', displayName: 'Api', description: 'the key' }, 'carol'),
        e('SecretDetailsChanged', { key: 'API', description: null }, 'dave'),
      ]);
      expect(doc).toMatchObject({ displayName: 'Api', description: null, updatedAt: at(3), updatedBy: 'dave', createdBy: 'alice' });
    });

    it('keeps details, members and creation when the value changes', () => {
      const e = stream('workspaceSecrets', 'ws1');
      const doc = fold(p, [
        e('SecretSet', setData('API', 1)),
        e('SecretMemberAdded', { key: 'API', userId: 'alice', role: 'admin' }),
        e('SecretDetailsChanged', { key: 'API', displayName: 'Api', description: 'd' }),
        e('SecretSet', setData('API', 2), 'bob'),
      ]);
      expect(doc).toMatchObject({
        version: 2,
        value: sealed('API2'),
        fingerprint: 'fp_API2',
        displayName: 'Api',
        description: 'd',
        members: [{ userId: 'alice', role: 'admin' }],
        createdAt: at(1),
        createdBy: 'alice',
        updatedAt: at(4),
        updatedBy: 'bob',
      });
    });

    it('adds, re-roles (without duplicating) and removes members', () => {
      const e = stream('workspaceSecrets', 'ws1');
      const members = (events: Parameters<typeof p.evolve>[1][]) => fold(p, events)?.members;
      const base = [
        e('SecretSet', setData('API', 1)),
        e('SecretMemberAdded', { key: 'API', userId: 'alice', role: 'admin' }),
        e('SecretMemberAdded', { key: 'API', userId: 'bob', role: 'member' }),
      ];
      expect(members(base)).toEqual([
        { userId: 'alice', role: 'admin' },
        { userId: 'bob', role: 'member' },
      ]);
      const changed = [...base, e('SecretMemberRoleChanged', { key: 'API', userId: 'bob', role: 'admin' })];
      expect(members(changed)).toEqual([
        { userId: 'alice', role: 'admin' },
        { userId: 'bob', role: 'admin' },
      ]);
      expect(members([...changed, e('SecretMemberRemoved', { key: 'API', userId: 'alice' })])).toEqual([
        { userId: 'bob', role: 'admin' },
      ]);
    });

    it('deletes the document on SecretDeleted', () => {
      const e = stream('workspaceSecrets', 'ws1');
      expect(fold(p, [e('SecretSet', setData('API', 1)), e('SecretDeleted', { key: 'API' })])).toBeNull();
    });

    it('starts fresh details and members when a deleted key is set again, continuing its version', () => {
      const e = stream('workspaceSecrets', 'ws1');
      const doc = fold(p, [
        e('SecretSet', setData('API', 1)),
        e('SecretMemberAdded', { key: 'API', userId: 'alice', role: 'admin' }),
        e('SecretDetailsChanged', { key: 'API', displayName: 'Old', description: 'old' }),
        e('SecretDeleted', { key: 'API' }),
        e('SecretSet', setData('API', 2), 'bob'),
        e('SecretMemberAdded', { key: 'API', userId: 'bob', role: 'admin' }, 'bob'),
      ]);
      expect(doc).toMatchObject({
        version: 2,
        displayName: null,
        description: null,
        members: [{ userId: 'bob', role: 'admin' }],
        createdAt: at(5),
        createdBy: 'bob',
      });
    });

    it.each([
      ['SecretDetailsChanged', { key: 'API', displayName: 'x' }],
      ['SecretMemberAdded', { key: 'API', userId: 'bob', role: 'admin' }],
      ['SecretMemberRoleChanged', { key: 'API', userId: 'bob', role: 'member' }],
      ['SecretMemberRemoved', { key: 'API', userId: 'bob' }],
    ] as const)('does not bring a deleted secret back on %s', (type, data) => {
      const e = stream('workspaceSecrets', 'ws1');
      expect(fold(p, [e(type, data)])).toBeNull();
    });

    it('ignores the events of other streams', () => {
      const personal = stream('personalSecrets', 'ws1')('SecretSet', setData('API', 1));
      const workspace = stream('workspace', 'ws1')('MemberRemoved', { userId: 'bob' });
      // As the projector calls it: with any event, of the types it handles or not.
      const projected = erase(p);
      const doc = fold(p, [stream('workspaceSecrets', 'ws1')('SecretSet', setData('API', 1))]);
      expect(doc).not.toBeNull();
      for (const r of [personal, workspace]) {
        expect(projected.documentIds(r)).toEqual([]);
        expect(projected.evolve(doc, r, 'id')).toBe(doc);
      }
    });
  });

  describe('personal secrets', () => {
    const p = personalSecretsProjection;

    it('follows set, details, value change, delete and re-set of a personal key', () => {
      const e = stream('personalSecrets', 'bob');
      const first = [
        e('SecretSet', setData('TOKEN', 1), 'bob'),
        e('SecretDetailsChanged', { key: 'TOKEN', displayName: 'Token' }, 'bob'),
        e('SecretSet', setData('TOKEN', 2), 'bob'),
      ];
      expect(p.documentIds(first[0]!)).toEqual(['bob/TOKEN']);
      expect(fold(p, first)).toMatchObject({ ownerId: 'bob', version: 2, displayName: 'Token', createdAt: at(1), updatedAt: at(3) });
      const deleted = [...first, e('SecretDeleted', { key: 'TOKEN' }, 'bob')];
      expect(fold(p, deleted)).toBeNull();
      expect(fold(p, [...deleted, e('SecretSet', setData('TOKEN', 3), 'bob')])).toMatchObject({
        version: 3,
        displayName: null,
        createdAt: at(5),
      });
    });

    it('ignores workspace secrets', () => {
      expect(p.documentIds(stream('workspaceSecrets', 'bob')('SecretSet', setData('TOKEN', 1)))).toEqual([]);
    });
  });

  describe('scopes', () => {
    it("records each secrets stream's revision under its stream id", () => {
      const ws = stream('workspaceSecrets', 'ws1', 10);
      ws('SecretSet', setData('A', 1));
      const second = ws('SecretDeleted', { key: 'A' });
      expect(scopesProjection.documentIds(second)).toEqual(['workspaceSecrets-ws1']);
      expect(scopesProjection.evolve({ revision: 1 }, second, 'workspaceSecrets-ws1')).toEqual({ revision: 2 });
      const personal = stream('personalSecrets', 'bob')('SecretSet', setData('A', 1));
      expect(scopesProjection.documentIds(personal)).toEqual(['personalSecrets-bob']);
      expect(scopesProjection.evolve(null, personal, 'personalSecrets-bob')).toEqual({ revision: 1 });
    });

    it("follows a workspace's own stream apart from its secrets, and is not moved by records", () => {
      const projected = erase(scopesProjection);
      expect(projected.documentIds(stream('workspace', 'ws1')('MemberRemoved', { userId: 'b' }))).toEqual(['workspace-ws1']);
      expect(projected.documentIds(stream('secretAccess', 'ws1')('SecretRevealed', { key: 'A', version: 1 }))).toEqual([]);
    });
  });
});
