import { expect } from 'vitest';
import type { CollectionSpec, HistorySpec, ListSpec, ReadStore, ViewWrite } from '../../src/stores/readStore.port';

/** The contract's documents: any JSON object, which an adapter must give back as it was. */
type ContractDoc = Readonly<Record<string, unknown>>;

/**
 * The collections the contract uses: `items` with three indexed fields (`tags` holds lists),
 * `notes` with none, and `versioned`, which keeps its history, by `scope`, its versions numbered by `v`.
 */
export type ContractDocs = { items: ContractDoc; notes: ContractDoc; versioned: ContractDoc };
export const contractCollections: CollectionSpec<ContractDocs> = { items: ['group', 'color', 'tags'], notes: [], versioned: ['scope'] };
export const contractHistory: HistorySpec<ContractDocs> = { versioned: { scope: 'scope', version: 'v', byInstant: true } };
export const contractLists: ListSpec<ContractDocs> = { items: ['tags'] };

export type ContractStore = ReadStore<ContractDocs>;
export type MakeReadStore = (spec: CollectionSpec<ContractDocs>, history: HistorySpec<ContractDocs>, lists: ListSpec<ContractDocs>) => Promise<ContractStore>;

export const item = (id: string, position: string, doc: ContractDoc | null): ViewWrite<ContractDocs> => ({ collection: 'items', id, doc, position });

/** Commits at `position` under the store's current generation, and expects it to be accepted. */
export async function commitAt(store: ContractStore, writes: readonly ViewWrite<ContractDocs>[], position: string): Promise<void> {
  const { generation } = await store.checkpoint();
  expect(await store.commit(writes, position, generation)).toBe(true);
}
