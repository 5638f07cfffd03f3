import { describe, expect, it } from 'vitest';
import type { ViewWrite } from '../../src/stores/readStore.port';
import type { CollectionName, ViewDocs } from '../../src/projections/views';
import { ProjectedDocuments } from '../../src/projections/projectedDocuments';

/** The projector's memory of what it committed, in front of a store that counts what it is asked. */
describe('ProjectedDocuments', () => {
  const write = (collection: CollectionName, id: string, doc: object | null, position: string) => ({ collection, id, doc, position }) as ViewWrite<ViewDocs>;

  function setup(limit?: number, maxText?: number) {
    const asked: string[] = [];
    const store = { getMany: async (collection: string, ids: readonly string[]) => (asked.push(...ids.map((id) => `${collection}/${id}`)), new Map()) };
    return { asked, kept: new ProjectedDocuments(store as never, new Set<CollectionName>(['workspaceSecrets']), limit, maxText) };
  }

  it('answers what it was told was committed, the last write of each document, tombstones included, and asks the store for the rest', async () => {
    const { asked, kept } = setup();
    kept.remember([write('workspaceSecrets', 'a', { v: 1 }, '1'), write('workspaceSecrets', 'a', { v: 2 }, '2'), write('workspaceSecrets', 'b', null, '3'), write('audit', 'x', { v: 1 }, '3')]);
    const found = await kept.getMany('workspaceSecrets', ['a', 'b', 'c']);
    expect([...found]).toEqual([
      ['a', { doc: { v: 2 }, position: '2' }],
      ['b', { doc: null, position: '3' }],
    ]);
    await kept.getMany('audit', ['x']);
    expect(asked).toEqual(['workspaceSecrets/c', 'audit/x']);
  });

  it('keeps at most its limit of documents and of text, the least recently written leaving first', async () => {
    const { asked, kept } = setup(2, 10_000);
    kept.remember([write('workspaceSecrets', 'a', { v: 1 }, '1'), write('workspaceSecrets', 'b', { v: 1 }, '1'), write('workspaceSecrets', 'c', { v: 1 }, '2')]);
    await kept.getMany('workspaceSecrets', ['a', 'b', 'c']);
    expect(asked).toEqual(['workspaceSecrets/a']);
    asked.length = 0;
    kept.remember([write('workspaceSecrets', 'd', { value: 'x'.repeat(9_700) }, '3')]);
    await kept.getMany('workspaceSecrets', ['b', 'c', 'd']);
    expect(asked).toEqual(['workspaceSecrets/b', 'workspaceSecrets/c']);
  });
});
