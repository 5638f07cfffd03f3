import { describe, expect, it } from 'vitest';
import type { Positioned, ViewWrite } from '../../src/stores/readStore.port';
import type { CollectionName, ViewDocs } from '../../src/projections/views';
import { WrittenDocuments } from '../../src/projections/writtenDocuments';

/** A rebuild's memory of the documents it wrote, in front of a store that counts what it is asked. */
describe('WrittenDocuments', () => {
  const doc = (revision: number) => ({ revision }) as unknown as ViewDocs['scopes'];
  const write = (collection: CollectionName, id: string, revision: number | null, position: string): ViewWrite<ViewDocs> =>
    ({ collection, id, doc: revision === null ? null : doc(revision), position }) as ViewWrite<ViewDocs>;

  function setup(limit = 10) {
    const stored = new Map<string, Positioned<unknown>>();
    const asked: string[] = [];
    const store = {
      getMany: async (collection: string, ids: readonly string[]) => {
        asked.push(...ids.map((id) => `${collection}/${id}`));
        return new Map(ids.flatMap((id) => (stored.has(`${collection}/${id}`) ? [[id, stored.get(`${collection}/${id}`)!]] : [])));
      },
    };
    const memory = new WrittenDocuments(store as never, new Set<CollectionName>(['workspaceSecrets', 'deletedSecrets']), limit);
    /** Commits writes as the store would, then tells the memory. */
    const commit = (writes: ViewWrite<ViewDocs>[]) => {
      for (const w of writes) stored.set(`${w.collection}/${w.id}`, { doc: w.doc, position: w.position });
      memory.remember(writes);
    };
    return { memory, asked, commit };
  }

  it('answers a document written over an earlier one from memory, as the store holds it', async () => {
    const { memory, asked, commit } = setup();
    await memory.getMany('workspaceSecrets', ['a']);
    commit([write('workspaceSecrets', 'a', 1, '1')]);
    await memory.getMany('workspaceSecrets', ['a']);
    commit([write('workspaceSecrets', 'a', 2, '2'), write('workspaceSecrets', 'a', 3, '3')]);
    asked.length = 0;
    expect(await memory.getMany('workspaceSecrets', ['a', 'b'])).toEqual(new Map([['a', { doc: doc(3), position: '3' }]]));
    expect(asked).toEqual(['workspaceSecrets/b']);
  });

  it('remembers a deletion as the tombstone the store keeps', async () => {
    const { memory, asked, commit } = setup();
    commit([write('workspaceSecrets', 'a', 1, '1')]);
    await memory.getMany('workspaceSecrets', ['a']);
    commit([write('workspaceSecrets', 'a', null, '2')]);
    asked.length = 0;
    expect(await memory.getMany('workspaceSecrets', ['a'])).toEqual(new Map([['a', { doc: null, position: '2' }]]));
    expect(asked).toEqual([]);
  });

  it('does not remember a document written once, nor a collection never read', async () => {
    const { memory, asked, commit } = setup();
    commit([write('audit', 'x', 1, '1')]);
    await memory.getMany('deletedSecrets', ['v1']);
    await memory.getMany('audit', ['x']);
    commit([write('deletedSecrets', 'v1', 1, '1'), write('audit', 'x', 2, '2')]);
    asked.length = 0;
    expect((await memory.getMany('deletedSecrets', ['v1'])).get('v1')?.position).toBe('1');
    expect((await memory.getMany('audit', ['x'])).get('x')?.position).toBe('2');
    expect(asked).toEqual(['deletedSecrets/v1', 'audit/x']);
  });

  it('keeps at most its limit, forgetting the least recently written first', async () => {
    const { memory, asked, commit } = setup(2);
    const ids = ['a', 'b', 'c'];
    commit(ids.map((id) => write('workspaceSecrets', id, 1, '1')));
    await memory.getMany('workspaceSecrets', ids);
    commit(ids.map((id) => write('workspaceSecrets', id, 2, '2')));
    await memory.getMany('workspaceSecrets', ['a']);
    commit([write('workspaceSecrets', 'a', 3, '3')]);
    asked.length = 0;
    expect([...(await memory.getMany('workspaceSecrets', ids)).values()].map((found) => found.position)).toEqual(['3', '2', '2']);
    expect(asked).toEqual(['workspaceSecrets/b']);
  });
});
