import { describe, expect, it } from 'vitest';
import type { Positioned, ViewWrite } from '../../src/stores/readStore.port';
import type { CollectionName, ViewDocs } from '../../src/projections/views';
import { heldCollections, HeldDocuments } from '../../src/projections/heldDocuments';

/** A rebuild's documents held back, in front of a store that counts what it is asked. */
describe('HeldDocuments', () => {
  const doc = (revision: number) => ({ revision }) as unknown as ViewDocs['scopes'];
  const at = '2026-03-01T10:00:00.000Z';
  const write = (collection: CollectionName, id: string, revision: number | null, position: string): ViewWrite<ViewDocs> =>
    ({ collection, id, doc: revision === null ? null : doc(revision), position, at }) as ViewWrite<ViewDocs>;

  function setup(limit = 10) {
    const stored = new Map<string, Positioned<unknown>>();
    const asked: string[] = [];
    const store = {
      getMany: async (collection: string, ids: readonly string[]) => {
        asked.push(...ids.map((id) => `${collection}/${id}`));
        return new Map(ids.flatMap((id) => (stored.has(`${collection}/${id}`) ? [[id, stored.get(`${collection}/${id}`)!]] : [])));
      },
    };
    // workspaceSecrets keeps history, deletedSecrets does not; audit rows are made from their event alone.
    const held = new HeldDocuments(store as never, heldCollections(['workspaceSecrets', 'deletedSecrets']), limit);
    /** What a batch's writes commit (the store keeps each document written whole or alone), as (collection/id, position, part) for short. */
    const take = (writes: ViewWrite<ViewDocs>[]) =>
      held.take(writes).map((w) => {
        if (w.only !== 'version') stored.set(`${w.collection}/${w.id}`, { doc: w.doc, position: w.position });
        return `${w.collection}/${w.id}@${w.position}${w.only ? `:${w.only}` : ''}`;
      });
    return { held, asked, take };
  }

  it('holds every document it reads, or that keeps history, and its collection gets every version as it comes', () => {
    expect([...heldCollections(['deletedSecrets'])].sort()).toEqual(['deletedSecrets', 'invitations', 'members', 'personalSecrets', 'scopes', 'workspaceSecrets']);
    const { take } = setup();
    expect(take([write('workspaceSecrets', 'a', 1, '1'), write('deletedSecrets', 'd', 1, '1'), write('audit', 'x', 1, '1'), write('workspaceSecrets', 'a', 2, '2')])).toEqual([
      'workspaceSecrets/a@1:version',
      'audit/x@1',
      'workspaceSecrets/a@2:version',
    ]);
  });

  it('answers a held document, or its tombstone, from memory as the last write left it, and asks the store for the rest', async () => {
    const { held, asked, take } = setup();
    take([write('workspaceSecrets', 'a', 1, '1'), write('deletedSecrets', 'd', 1, '2')]);
    take([write('workspaceSecrets', 'a', 3, '3'), write('deletedSecrets', 'd', null, '4')]);
    expect(await held.getMany('workspaceSecrets', ['a', 'b'])).toEqual(new Map([['a', { doc: doc(3), position: '3' }]]));
    expect(await held.getMany('deletedSecrets', ['d'])).toEqual(new Map([['d', { doc: null, position: '4' }]]));
    expect(asked).toEqual(['workspaceSecrets/b']);
  });

  it('writes each held document once, at the end, as the last write left it: the document only for a collection with history', () => {
    const { held, take } = setup();
    take([write('workspaceSecrets', 'a', 1, '1'), write('deletedSecrets', 'd', 1, '2'), write('workspaceSecrets', 'a', 3, '3')]);
    expect(held.release()).toEqual([
      { collection: 'workspaceSecrets', id: 'a', doc: doc(3), position: '3', at, only: 'document' },
      { collection: 'deletedSecrets', id: 'd', doc: doc(1), position: '2', at },
    ]);
    expect(held.release()).toEqual([]);
  });

  it('holds at most its limit, writing out what the fullest collection has held longest, which the store answers from then on', async () => {
    const { held, asked, take } = setup(2);
    expect(take([write('deletedSecrets', 'a', 1, '1'), write('deletedSecrets', 'b', 1, '1'), write('deletedSecrets', 'c', 1, '1')])).toEqual(['deletedSecrets/a@1']);
    // b, held before c, leaves first though written since; deletedSecrets holds two, workspaceSecrets one.
    expect(take([write('deletedSecrets', 'b', 2, '2'), write('workspaceSecrets', 'e', 1, '2')])).toEqual(['workspaceSecrets/e@2:version', 'deletedSecrets/b@2']);
    const found = await held.getMany('deletedSecrets', ['a', 'b', 'c']);
    expect([found.get('a')?.position, found.get('b')?.position, found.get('c')?.position]).toEqual(['1', '2', '1']);
    expect(asked).toEqual(['deletedSecrets/a', 'deletedSecrets/b']);
    expect(held.release().map((w) => w.id)).toEqual(['c', 'e']);
  });

  it('holds at most its limit of text in all, however few the documents: large ones leave first from the collection holding the most text', () => {
    const held = new HeldDocuments({ getMany: async () => new Map() } as never, heldCollections(['workspaceSecrets', 'deletedSecrets']), 1000, 300_000);
    const large = (collection: CollectionName, id: string, position: string) =>
      ({ collection, id, doc: { value: 'x'.repeat(100_000) }, position, at }) as unknown as ViewWrite<ViewDocs>;
    const ids = (writes: ViewWrite<ViewDocs>[]) => writes.filter((w) => w.only !== 'version').map((w) => `${w.collection}/${w.id}`);
    expect(ids(held.take([large('workspaceSecrets', 'a', '1'), large('workspaceSecrets', 'b', '1'), write('deletedSecrets', 'd', 1, '1')]))).toEqual([]);
    // A third large one passes the 300,000 characters: the first of the collection with the most text leaves.
    expect(ids(held.take([large('workspaceSecrets', 'c', '2')]))).toEqual(['workspaceSecrets/a']);
    // Written again smaller, a document weighs what it holds now.
    expect(ids(held.take([write('workspaceSecrets', 'b', 2, '3'), large('workspaceSecrets', 'e', '3')]))).toEqual([]);
    expect(held.release().map((w) => w.id)).toEqual(['b', 'c', 'e', 'd']);
  });

  it('over its text, writes out from the collection holding the most text, not the most documents, each document weighed as last written', () => {
    const held = new HeldDocuments({ getMany: async () => new Map() } as never, heldCollections(['workspaceSecrets', 'deletedSecrets']), 1000, 250_000);
    const sized = (collection: CollectionName, id: string, characters: number, position: string) =>
      ({ collection, id, doc: { value: 'x'.repeat(characters) }, position, at }) as unknown as ViewWrite<ViewDocs>;
    const ids = (writes: ViewWrite<ViewDocs>[]) => writes.filter((w) => w.only !== 'version').map((w) => `${w.collection}/${w.id}`);
    // Many small documents in one collection, one large in the other.
    const small = Array.from({ length: 20 }, (_, i) => write('deletedSecrets', `s${i}`, 1, '1'));
    expect(ids(held.take([...small, sized('workspaceSecrets', 'big', 200_000, '1')]))).toEqual([]);
    // Written again smaller, a document weighs what it holds now: room for another large one.
    expect(ids(held.take([sized('workspaceSecrets', 'big', 10, '2'), sized('workspaceSecrets', 'other', 200_000, '2')]))).toEqual([]);
    // Over the text: the collection with the most text (not the most documents) writes out what it has held longest.
    expect(ids(held.take([sized('workspaceSecrets', 'third', 100_000, '3')]))).toEqual(['workspaceSecrets/big', 'workspaceSecrets/other']);
    // What left took its text with it: now the many small ones and the new large one are the most.
    const smallIds = small.map((w) => `deletedSecrets/${w.id}`);
    expect(ids(held.take([sized('deletedSecrets', 'fourth', 150_000, '4')]))).toEqual([...smallIds, 'deletedSecrets/fourth']);
    expect(ids(held.take([sized('deletedSecrets', 'fifth', 100_000, '5')]))).toEqual([]);
    // fifth written again smaller: its collection's text is what it holds now, so the other one has the most.
    expect(ids(held.take([sized('deletedSecrets', 'fifth', 10, '6'), sized('workspaceSecrets', 'sixth', 60_000, '6')]))).toEqual([]);
    expect(ids(held.take([sized('deletedSecrets', 'seventh', 90_000, '7')]))).toEqual(['workspaceSecrets/third']);
    expect(held.release().map((w) => w.id)).toEqual(['fifth', 'seventh', 'sixth']);
  });

  it('holds nothing with a limit of 0: each batch writes its versions and documents at once', () => {
    const { held, take } = setup(0);
    expect(take([write('workspaceSecrets', 'a', 1, '1'), write('deletedSecrets', 'd', 1, '1')])).toEqual([
      'workspaceSecrets/a@1:version',
      'workspaceSecrets/a@1:document',
      'deletedSecrets/d@1',
    ]);
    expect(held.release()).toEqual([]);
  });
});
