import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePositions, paddedPosition, positionOfStored, sortablePosition } from '../../src/stores/position';

const position = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map(String);

describe('Sortable positions', () => {
  it('are the number of digits, then the digits', () => {
    expect(sortablePosition('5002')).toBe('045002');
    expect(sortablePosition('0')).toBe('010');
    expect(sortablePosition('9'.repeat(40))).toBe(`40${'9'.repeat(40)}`);
    expect(() => sortablePosition('007')).toThrow();
    expect(() => sortablePosition('1'.repeat(41))).toThrow();
  });

  it('sort as text the way the integers do, and read back as the same decimal', () => {
    fc.assert(
      fc.property(position, position, (a, b) => {
        const byText = sortablePosition(a) < sortablePosition(b) ? -1 : sortablePosition(a) > sortablePosition(b) ? 1 : 0;
        expect(byText).toBe(comparePositions(a, b));
        expect(positionOfStored(sortablePosition(a))).toBe(a);
      }),
    );
  });

  it('read back the 40-digit zero-padded form too (views of earlier versions, which MongoDB may read until its rebuild is in)', () => {
    expect(positionOfStored(paddedPosition('99'))).toBe('99');
    expect(positionOfStored(paddedPosition('0'))).toBe('0');
    fc.assert(
      fc.property(position, (p) => {
        expect(paddedPosition(p)).toHaveLength(40);
        expect(positionOfStored(paddedPosition(p))).toBe(p);
      }),
    );
  });

  it('refuse text of neither form', () => {
    for (const stored of ['', '5', '12', '00', '-0', '02ab', '03007', ' 3abc', '05500', 'ab', `0${'1'.repeat(38)}x`, '0'.repeat(39)]) {
      expect(() => positionOfStored(stored), stored).toThrow();
    }
  });
});
