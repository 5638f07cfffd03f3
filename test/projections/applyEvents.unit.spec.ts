import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../src/events/stored';
import { viewChangesFor } from '../../src/projections/applyEvents';
import { allProjections } from '../../src/projections';
import { erase, projection } from '../../src/projections/projection';
import { viewIds } from '../../src/projections/views';
import { at, setData } from './recorded.fixture';

const stored = (revision: number, type: string, data: object): StoredEvent => ({
  streamId: 'workspaceSecrets-ws1',
  revision,
  position: String(revision),
  type,
  data,
  metadata: { actor: 'alice', at: at(revision), schemaVersion: 1 },
});
const removed = stored(3, 'SecretMemberRemoved', { key: 'API', userId: 'bob' });
const projections = allProjections.filter((p) => p.collection === 'workspaceSecrets' || p.collection === 'scopes');

describe('The writes a batch of events makes', () => {
  // A member's roles leave deleted secrets too (the secret-roles reactor): no document before, none after.
  it('leave alone a document that an event keeps absent, writing it no state of its history, but still move the scope', async () => {
    const deletedBefore = { getMany: async () => new Map([[viewIds.secret('ws1', 'API'), { doc: null, position: '2' }]]) };
    const neverThere = { getMany: async () => new Map() };
    for (const store of [deletedBefore, neverThere]) {
      const { writes } = await viewChangesFor(store, projections, [removed]);
      expect(writes.map((write) => write.collection)).toEqual(['scopes']);
    }
  });

  it('write the document an event in the same batch deleted, and its state', async () => {
    const { writes } = await viewChangesFor({ getMany: async () => new Map() }, projections, [
      stored(1, 'SecretSet', setData('API', 1)),
      stored(2, 'SecretDeleted', { key: 'API', version: 1 }),
      removed,
    ]);
    expect(writes.filter((write) => write.collection === 'workspaceSecrets').map((write) => [write.position, write.doc === null])).toEqual([
      ['1', false],
      ['2', true],
    ]);
  });

  it('write what a projection made from the event alone says, nothing included: what it would write over was never read', async () => {
    const deleting = erase(projection({ collection: 'workspaceSecrets', fromEventAlone: true, canHandle: ['SecretMemberRemoved'], documentIds: () => ['any'], evolve: () => null }));
    const { writes } = await viewChangesFor({ getMany: async () => new Map() }, [deleting], [removed]);

    expect(writes).toEqual([expect.objectContaining({ collection: 'workspaceSecrets', id: 'any', doc: null })]);
  });
});
