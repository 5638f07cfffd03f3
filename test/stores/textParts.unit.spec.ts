import { describe, expect, it } from 'vitest';
import { linesOfParts, piecesOfLines, storedParts } from '../../src/stores/textParts';

describe('The parts a saved state is kept in', () => {
  it('pack small pieces together and cut a long one, keeping the text', () => {
    const pieces = ['ab', 'cd', 'efghij', '', 'k'];
    const parts = [...storedParts(pieces, 4)];
    expect(parts).toEqual(['abcd', 'efgh', 'ijk']);
    expect([...storedParts(['x'.repeat(1_000)], 256)].map((part) => part.length)).toEqual([256, 256, 256, 232]);
    expect([...storedParts([], 4)]).toEqual(['']);
    expect([...storedParts([''], 4)]).toEqual(['']);
  });

  it('never cut a surrogate pair, within a piece or split between two', () => {
    const pair = '𝔘';
    for (const pieces of [[`abc${pair}d`], ['abc\ud835', '\udd18d'], [`ab${pair}${pair}${pair}`]]) {
      const parts = [...storedParts(pieces, 4)];
      expect(parts.join('')).toBe(pieces.join(''));
      for (const part of parts) expect(part.isWellFormed()).toBe(true);
    }
  });

  it('are made as they are taken: the pieces of later parts are not touched before', () => {
    const pieces = Array.from({ length: 100 }, (_, i) => `${String(i).padStart(9, '0')}\n`);
    const read = new Set<number>();
    const watched = new Proxy(pieces, {
      get(target, property, receiver) {
        if (typeof property === 'string' && /^\d+$/.test(property)) read.add(Number(property));
        return Reflect.get(target, property, receiver);
      },
    });
    const parts = storedParts(watched, 100);
    expect(parts.next().value).toBe(pieces.slice(0, 10).join(''));
    expect(Math.max(...read)).toBeLessThan(11);
  });

  it('give back the lines they were made of, whatever their boundaries', async () => {
    const lines = ['{"a":1}', '', 'x'.repeat(700), 'last'];
    const text = piecesOfLines(lines).join('');
    for (const size of [2, 3, 7, 100, 10_000]) expect(await linesOfParts([...storedParts([text], size)])).toEqual(lines);
    expect(await linesOfParts([''])).toEqual(['']);
  });
});
