import { expect } from 'vitest';
import type { CollectionSpec, ReadStore, ViewWrite } from '../../src/stores/readStore.port';

/** The collections the contract uses: `items` with two indexed fields, `notes` with none. */
export const contractCollections = { items: ['group', 'color'], notes: [] } as const satisfies CollectionSpec;

export type MakeReadStore = (spec: CollectionSpec) => Promise<ReadStore>;

export const item = (id: string, position: string, doc: object | null): ViewWrite => ({ collection: 'items', id, doc, position });

/** Commits at `position` under the store's current generation, and expects it to be accepted. */
export async function commitAt(store: ReadStore, writes: readonly ViewWrite[], position: string): Promise<void> {
  const { generation } = await store.checkpoint();
  expect(await store.commit(writes, position, generation)).toBe(true);
}

