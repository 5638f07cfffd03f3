import { MongoBulkWriteError, MongoServerError } from 'mongodb';
import { positionOfStored, sortablePosition } from '../position';

/**
 * The pure half of the MongoDB adapters: how positions are stored (`sortablePosition` strings,
 * which MongoDB compares as it compares the integers) and which write errors mean "already newer".
 */
export const DUPLICATE_KEY = 11000;

export const storedPosition = sortablePosition;

export const loadedPosition = positionOfStored;

/** A guarded upsert that lost to a newer document fails on the unique _id: not an error here. */
export function onlyDuplicateKeys(error: unknown): boolean {
  if (error instanceof MongoBulkWriteError) {
    const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    return writeErrors.length > 0 && writeErrors.every((e) => e.code === DUPLICATE_KEY);
  }
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

/** The positions, in a bulk write, of the operations that failed on a duplicate key. */
export function duplicateIndexes(error: unknown): number[] {
  if (!(error instanceof MongoBulkWriteError)) return [];
  const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  return writeErrors.filter((e) => e.code === DUPLICATE_KEY).map((e) => e.index);
}

/** IndexNotFound, and NamespaceNotFound (no such collection): an index to drop that is not there. */
const NOTHING_TO_DROP = new Set([26, 27]);

/** Whether dropping an index failed only because it was not there. */
export function nothingToDrop(error: unknown): boolean {
  return error instanceof MongoServerError && typeof error.code === 'number' && NOTHING_TO_DROP.has(error.code);
}

/** The name MongoDB gives an index of `field` ascending, then `_id` ascending, by default. */
export function fieldIndexName(field: string): string {
  return `doc.${field}_1__id_1`;
}

/** Collection names carry the views' generation, so a rebuild swaps them by one document write. */
export function collectionName(generation: string, collection: string): string {
  return `views_${generation}_${collection}`;
}

export function generationOf(name: string): string | null {
  const match = /^views_([a-f0-9]+)_/.exec(name);
  return match ? match[1]! : null;
}
