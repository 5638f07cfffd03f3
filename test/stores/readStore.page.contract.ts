import { expect, it, vi } from 'vitest';
import { boundedPage, type ScanBound } from '../../src/stores/readStore.port';
import { commitAt, item, type ContractStore } from './readStoreSupport';

/** `page`: equality filters, an inclusive range, keyset paging by id; never tombstones. */
/** A scan of `rows` in one statement: no further step, so nothing is awaited between steps. */
const inOneStep = (rows: number): [ScanBound, () => Promise<boolean>] => [
  { rows, step: rows },
  async () => {
    throw new Error('a scan in one step has no further step');
  },
];

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

  it('leaves the fields a page omits out of each document, nested ones too, and refuses a path that is not plain names', async () => {
    const store = await open();
    const detail = { big: 'x'.repeat(100_000), keep: 1 };
    await commitAt(store, [item('01', '1', { group: 'g', color: 'red', detail }), item('02', '2', { group: 'g', color: 'blue', detail })], '2');
    const page = await store.page('items', { where: { group: 'g' }, limit: 10, omit: ['detail.big', 'color'] });
    expect(page).toEqual([
      { id: '01', position: '1', doc: { group: 'g', detail: { keep: 1 } } },
      { id: '02', position: '2', doc: { group: 'g', detail: { keep: 1 } } },
    ]);
    // What is stored keeps every field.
    expect((await store.page('items', { where: { group: 'g' }, limit: 1 }))[0]!.doc).toEqual({ group: 'g', color: 'red', detail });
    for (const path of ["color') --", 'detail..big', '$.color']) {
      await expect(store.page('items', { where: { group: 'g' }, limit: 1, omit: [path] })).rejects.toThrow(/field path/);
    }
    await expect(store.page('items', { where: { group: 'g' }, limit: 1, omit: ['detail.big', 'detail'] })).rejects.toThrow(/field path/);
  });

  it('stops at an id, inclusive, in either order', async () => {
    const store = await seed();
    expect(ids(await store.page('items', { where: { group: 'g' }, throughId: '02', limit: 10 }))).toEqual(['01', '02']);
    expect(ids(await store.page('items', { where: { group: 'g' }, afterId: '01', throughId: '03', limit: 10 }))).toEqual(['02']);
    expect(ids(await store.page('items', { where: { group: 'g' }, order: 'desc', throughId: '02', limit: 10 }))).toEqual(['04', '02']);
  });

  it("says where a scan of a number of documents ends: along the first field's index when it is matched against one value, else along the ids", async () => {
    const store = await seed();
    expect(await store.scanEnd('items', { where: { group: 'g' } }, 2)).toBe('02');
    expect(await store.scanEnd('items', { where: { group: 'g' } }, 3)).toBe('04');
    expect(await store.scanEnd('items', { where: { group: 'g' } }, 4)).toBeNull();
    expect(await store.scanEnd('items', { where: { group: 'g' }, afterId: '01' }, 2)).toBe('04');
    expect(await store.scanEnd('items', { where: { group: 'g' }, order: 'desc' }, 2)).toBe('02');
    expect(await store.scanEnd('items', { where: { group: 'g', color: 'red' } }, 2)).toBe('02');
    // Several values: each its share of the count (two here), ending where the first of them does.
    expect(await store.scanEnd('items', { where: { group: ['g', 'h'] } }, 3)).toBe('02');
    expect(await store.scanEnd('items', { where: { group: ['g', 'h'] } }, 2)).toBe('01');
    expect(await store.scanEnd('items', { where: { group: ['g', 'h'] }, order: 'desc' }, 4)).toBe('02');
    expect(await store.scanEnd('items', { where: { group: ['h', 'x'] } }, 4)).toBeNull();
    expect(await store.scanEnd('items', { where: { group: [] } }, 4)).toBeNull();
    expect(await store.scanEnd('items', { where: { shade: 'x' } }, 2)).toBe('02');
    expect(await store.scanEnd('items', { where: {} }, 4)).toBe('04');
    await expect(store.scanEnd('items', { where: {} }, 0)).rejects.toThrow('at least one');
  });

  it('pages through a bounded scan: a page stops where its scan ends, and says where to go on', async () => {
    const store = await open();
    // Twelve documents of one group; only 03 and 10 are red.
    const docs = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
    await commitAt(store, docs.map((id) => item(id, '1', { group: 'g', color: id === '03' || id === '10' ? 'red' : 'blue' })), '1');
    const query = { where: { group: 'g', color: 'red' }, limit: 5 };
    expect(await boundedPage(store, 'items', query, ...inOneStep(4))).toMatchObject({ found: [{ id: '03' }], nextAfterId: '04' });
    expect(await boundedPage(store, 'items', { ...query, afterId: '04' }, ...inOneStep(4))).toEqual({ found: [], nextAfterId: '08' });
    expect(await boundedPage(store, 'items', { ...query, afterId: '08' }, ...inOneStep(4))).toMatchObject({ found: [{ id: '10' }], nextAfterId: '12' });
    expect(await boundedPage(store, 'items', { ...query, afterId: '12' }, ...inOneStep(4))).toEqual({ found: [], nextAfterId: null });
    // Fewer than the scan left: the page reads to the end, and nothing follows.
    expect(await boundedPage(store, 'items', { ...query, afterId: '08' }, ...inOneStep(10))).toMatchObject({ found: [{ id: '10' }], nextAfterId: null });
    // A full page goes on after its last document, as any page does.
    expect(await boundedPage(store, 'items', { where: { group: 'g' }, limit: 2 }, ...inOneStep(4))).toMatchObject({ found: [{ id: '01' }, { id: '02' }], nextAfterId: '02' });
    expect(await boundedPage(store, 'items', { ...query, order: 'desc' }, ...inOneStep(4))).toMatchObject({ found: [{ id: '10' }], nextAfterId: '09' });
  });

  it('bounds a scan shared among several values, and matches a list field after the first row by row', async () => {
    const store = await open();
    const docs = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
    await commitAt(store, docs.map((id, i) => item(id, '1', { group: i % 2 === 0 ? 'g' : 'h', tags: id === '05' || id === '12' ? ['x', 'y'] : ['y'] })), '1');
    expect(await boundedPage(store, 'items', { where: { group: 'g', tags: 'y' }, limit: 3 }, ...inOneStep(4))).toMatchObject({ found: [{ id: '01' }, { id: '03' }, { id: '05' }], nextAfterId: '05' });
    // Nothing but the first field: every document along its index matches, so no scan bound is needed.
    expect(await boundedPage(store, 'items', { where: { group: 'h' }, afterId: '08', order: 'asc', limit: 3 }, ...inOneStep(1))).toMatchObject({ found: [{ id: '10' }, { id: '12' }], nextAfterId: null });
    await expect(boundedPage(store, 'items', { where: { group: 'g' }, limit: 0 }, ...inOneStep(1))).rejects.toThrow('at least one');
    expect(await boundedPage(store, 'items', { where: { group: 'g', tags: 'x' }, limit: 3 }, ...inOneStep(3))).toMatchObject({ found: [{ id: '05' }], nextAfterId: '05' });
    expect(await boundedPage(store, 'items', { where: { group: 'g', tags: 'x' }, afterId: '05', limit: 3 }, ...inOneStep(3))).toEqual({ found: [], nextAfterId: '11' });
    // Two values, a share of two each: g's second is 03, h's second 04; the scan ends at 03.
    expect(await boundedPage(store, 'items', { where: { group: ['g', 'h'], tags: 'x' }, limit: 3 }, ...inOneStep(4))).toEqual({ found: [], nextAfterId: '03' });
    expect(await boundedPage(store, 'items', { where: { group: ['h', 'g'] }, order: 'desc', limit: 5 }, ...inOneStep(4))).toMatchObject({ found: [{ id: '12' }, { id: '11' }, { id: '10' }], nextAfterId: '10' });
  });
  it('scans in steps, awaiting the hook before each step after the first, and pages as one scan of the same rows would', async () => {
    const store = await open();
    // Twelve documents of one group; only 03 and 10 are red.
    const docs = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
    await commitAt(store, docs.map((id) => item(id, '1', { group: 'g', color: id === '03' || id === '10' ? 'red' : 'blue' })), '1');
    const query = { where: { group: 'g', color: 'red' }, limit: 5 };
    const stepped = async (q: typeof query & { afterId?: string; order?: 'asc' | 'desc' }, scan: ScanBound) => {
      let steps = 0;
      const page = await boundedPage(store, 'items', q, scan, async () => {
        steps += 1;
        return true;
      });
      return { ...page, steps };
    };
    // Eight rows two at a time: four steps, three of them further ones, as a scan of eight in one.
    expect(await stepped(query, { rows: 8, step: 2 })).toMatchObject({ found: [{ id: '03' }], nextAfterId: '08', steps: 3 });
    expect(await stepped({ ...query, afterId: '08' }, { rows: 8, step: 3 })).toMatchObject({ found: [{ id: '10' }], nextAfterId: null, steps: 1 });
    // Rows that are no multiple of the step: the last step is shorter.
    expect(await stepped(query, { rows: 5, step: 2 })).toMatchObject({ found: [{ id: '03' }], nextAfterId: '05', steps: 2 });
    expect(await stepped({ ...query, order: 'desc' }, { rows: 4, step: 1 })).toMatchObject({ found: [{ id: '10' }], nextAfterId: '09', steps: 3 });
    // Full after its first step: no further step is taken, or paid for.
    expect(await stepped({ ...query, limit: 1 }, { rows: 12, step: 4 })).toMatchObject({ found: [{ id: '03' }], nextAfterId: '03', steps: 0 });
    // Full in a later step: it stops there, going on after its last document.
    expect(await stepped({ ...query, limit: 2 }, { rows: 12, step: 2 })).toMatchObject({ found: [{ id: '03' }, { id: '10' }], nextAfterId: '10', steps: 4 });
  });

  it('takes from a later step only what the page has room for', async () => {
    const store = await open();
    // 02 in the first step of four, 05, 06 and 07 in the second: a page of two takes 05 alone.
    const docs = Array.from({ length: 8 }, (_, i) => String(i + 1).padStart(2, '0'));
    await commitAt(store, docs.map((id) => item(id, '1', { group: 'g', color: ['02', '05', '06', '07'].includes(id) ? 'red' : 'blue' })), '1');
    const page = await boundedPage(store, 'items', { where: { group: 'g', color: 'red' }, limit: 2 }, { rows: 8, step: 4 }, async () => true);
    expect(page).toMatchObject({ found: [{ id: '02' }, { id: '05' }], nextAfterId: '05' });
    expect(page.found).toHaveLength(2);
  });

  it('ends a page where its last step ended when the hook declines a further one', async () => {
    const store = await open();
    const docs = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
    await commitAt(store, docs.map((id) => item(id, '1', { group: 'g', color: id === '03' || id === '10' ? 'red' : 'blue' })), '1');
    let offered = 0;
    // Two steps taken of three: what they found, going on after the second's end.
    const page = await boundedPage(store, 'items', { where: { group: 'g', color: 'red' }, limit: 5 }, { rows: 12, step: 4 }, async () => (offered += 1) < 2);
    expect(page).toMatchObject({ found: [{ id: '03' }], nextAfterId: '08' });
    expect(offered).toBe(2);
  });

  it('reads nothing further when the hook before a step refuses it', async () => {
    const store = await open();
    const docs = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
    await commitAt(store, docs.map((id) => item(id, '1', { group: 'g', color: id === '10' ? 'red' : 'blue' })), '1');
    const page = vi.spyOn(store, 'page');
    const scanEnd = vi.spyOn(store, 'scanEnd');
    const refused = boundedPage(store, 'items', { where: { group: 'g', color: 'red' }, limit: 5 }, { rows: 12, step: 3 }, async () => {
      throw new Error('over budget');
    });
    await expect(refused).rejects.toThrow('over budget');
    // The first step's end and page, nothing after.
    expect([scanEnd.mock.calls.length, page.mock.calls.length]).toEqual([1, 1]);
  });
}
