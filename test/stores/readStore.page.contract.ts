import { expect, it } from 'vitest';
import { commitAt, item, type ContractStore } from './readStoreSupport';

/** `page`: equality filters, an inclusive range, keyset paging by id; never tombstones. */
export function readStorePageContract(open: () => Promise<ContractStore>): void {
  const seed = async () => {
    const store = await open();
    await commitAt(
      store,
      [
        item('01', '1', { group: 'g', color: 'red', at: '2026-01-01T00:00:00.000Z' }),
        item('02', '2', { group: 'g', color: 'blue', at: '2026-01-02T00:00:00.000Z' }),
        item('03', '3', { group: 'h', color: 'red', at: '2026-01-03T00:00:00.000Z' }),
        item('04', '4', { group: 'g', color: 'red', at: '2026-01-04T00:00:00.000Z' }),
        item('05', '5', { group: 'g', color: 'red', at: '2026-01-05T00:00:00.000Z' }),
      ],
      '5',
    );
    await commitAt(store, [item('05', '6', null)], '6');
    return store;
  };
  const ids = (found: { id: string }[]) => found.map((f) => f.id);

  it('pages live documents matching every equality, in id order, up to the limit', async () => {
    const store = await seed();
    expect(ids(await store.page('items', { where: { group: 'g' }, limit: 10 }))).toEqual(['01', '02', '04']);
    expect(ids(await store.page('items', { where: { group: 'g', color: 'red' }, limit: 10 }))).toEqual(['01', '04']);
    expect(ids(await store.page('items', { where: { group: 'g' }, limit: 2 }))).toEqual(['01', '02']);
    expect(ids(await store.page('items', { where: { group: 'none' }, limit: 10 }))).toEqual([]);
  });

  it('continues after an id (keyset paging)', async () => {
    const store = await seed();
    expect(ids(await store.page('items', { where: { group: 'g' }, afterId: '02', limit: 10 }))).toEqual(['04']);
    expect(ids(await store.page('items', { where: { group: 'g' }, afterId: '04', limit: 10 }))).toEqual([]);
  });

  it('keeps an inclusive range on one field', async () => {
    const store = await seed();
    const range = { field: 'at', min: '2026-01-02T00:00:00.000Z', max: '2026-01-04T00:00:00.000Z' };
    expect(ids(await store.page('items', { where: {}, range, limit: 10 }))).toEqual(['02', '03', '04']);
    expect(ids(await store.page('items', { where: {}, range: { field: 'at', min: range.max }, limit: 10 }))).toEqual(['04']);
    expect(ids(await store.page('items', { where: {}, range: { field: 'at', max: range.min }, limit: 10 }))).toEqual(['01', '02']);
  });

  it('matches any of a list of values, on indexed and other fields alike', async () => {
    const store = await seed();
    expect(ids(await store.page('items', { where: { group: ['g', 'h'], color: 'red' }, limit: 10 }))).toEqual(['01', '03', '04']);
    expect(ids(await store.page('items', { where: { color: ['blue', 'green'] }, limit: 10 }))).toEqual(['02']);
    expect(ids(await store.page('items', { where: { group: [] }, limit: 10 }))).toEqual([]);
  });

  it('pages newest first when asked, continuing before an id', async () => {
    const store = await seed();
    expect(ids(await store.page('items', { where: { group: 'g' }, order: 'desc', limit: 2 }))).toEqual(['04', '02']);
    expect(ids(await store.page('items', { where: { group: 'g' }, order: 'desc', afterId: '02', limit: 10 }))).toEqual(['01']);
  });

  it('returns documents with their positions', async () => {
    const store = await seed();
    const [first] = await store.page('items', { where: { color: 'blue' }, limit: 1 });
    expect(first).toEqual({ id: '02', position: '2', doc: { group: 'g', color: 'blue', at: '2026-01-02T00:00:00.000Z' } });
  });
}
