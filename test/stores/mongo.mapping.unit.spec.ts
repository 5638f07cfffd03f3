import fc from 'fast-check';
import { MongoBulkWriteError, MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { collectionName, duplicateIndexes, fieldIndexName, generationOf, loadedPosition, nothingToDrop, onlyDuplicateKeys, storedPosition } from '../../src/stores/mongodb/mongo.mapping';
import { comparePositions } from '../../src/stores/position';

const position = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map(String);

describe('MongoDB mapping', () => {
  it('stores positions as strings that sort as the integers do', () => {
    fc.assert(
      fc.property(position, position, (a, b) => {
        // MongoDB compares strings by their bytes, as JavaScript's < does for ASCII digits.
        const byBytes = storedPosition(a) < storedPosition(b) ? -1 : storedPosition(a) > storedPosition(b) ? 1 : 0;
        expect(byBytes).toBe(comparePositions(a, b));
      }),
    );
  });

  it('reads a stored position back as the same decimal', () => {
    fc.assert(
      fc.property(position, (p) => {
        expect(loadedPosition(storedPosition(p))).toBe(p);
      }),
    );
  });

  it('takes an index to drop that is not there, or whose collection is not, as dropped, and nothing else', () => {
    expect(nothingToDrop(new MongoServerError({ message: 'index not found with name [doc.tags_1__id_1]', code: 27 }))).toBe(true);
    expect(nothingToDrop(new MongoServerError({ message: 'ns not found', code: 26 }))).toBe(true);
    expect(nothingToDrop(new MongoServerError({ message: 'not authorized', code: 13 }))).toBe(false);
    expect(nothingToDrop(new Error('index not found'))).toBe(false);
  });

  it('names a field’s index as MongoDB does by default, so that an index made unnamed is found', () => {
    expect(fieldIndexName('tags')).toBe('doc.tags_1__id_1');
  });

  it('treats duplicate-key errors (a guarded upsert that lost) as expected, and nothing else', () => {
    expect(onlyDuplicateKeys(new MongoServerError({ message: 'E11000 duplicate key', code: 11000 }))).toBe(true);
    expect(onlyDuplicateKeys(new MongoServerError({ message: 'not primary', code: 10107 }))).toBe(false);
    expect(onlyDuplicateKeys(new Error('network'))).toBe(false);
  });

  it('finds which operations of a bulk write lost on a duplicate key, to apply them again as updates', () => {
    const bulk = new MongoBulkWriteError(
      { message: 'E11000', code: 11000, writeErrors: [{ index: 1, code: 11000 }, { index: 4, code: 11000 }] } as never,
      {} as never,
    );
    expect(duplicateIndexes(bulk)).toEqual([1, 4]);
    expect(onlyDuplicateKeys(bulk)).toBe(true);
    const mixed = new MongoBulkWriteError({ message: 'x', code: 1, writeErrors: [{ index: 0, code: 11000 }, { index: 2, code: 121 }] } as never, {} as never);
    expect(onlyDuplicateKeys(mixed)).toBe(false);
    expect(duplicateIndexes(new Error('other'))).toEqual([]);
  });

  it('names collections by generation and reads the generation back', () => {
    expect(collectionName('a1b2', 'members')).toBe('views_a1b2_members');
    expect(generationOf('views_a1b2_members')).toBe('a1b2');
    expect(generationOf('checkpoints')).toBeNull();
    expect(generationOf('dataKeys')).toBeNull();
  });
});
