import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePositions, positionOfSortable, sortablePosition } from '../../src/stores/position';

const position = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map(String);
const padded = (p: string) => p.padStart(40, '0');

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
        expect(positionOfSortable(sortablePosition(a))).toBe(a);
      }),
    );
  });

  it("read the 40-digit zero-padded form of earlier versions, which sorts before any of this form (a checkpoint saved again moves forward)", () => {
    expect(positionOfSortable(padded('99'))).toBe('99');
    expect(positionOfSortable(padded('0'))).toBe('0');
    // Every position below 10^38 (EventStoreDB's commit would have to pass 5 × 10^18 bytes).
    const earlier = fc.bigInt({ min: 0n, max: 10n ** 38n - 1n }).map(String);
    fc.assert(
      fc.property(earlier, position, (old, now) => {
        expect(positionOfSortable(padded(old))).toBe(old);
        expect(padded(old) < sortablePosition(now)).toBe(true);
      }),
    );
  });

  it('refuse text of neither form', () => {
    for (const stored of ['', '5', '12', '05500', 'ab', `0${'1'.repeat(38)}x`, '0'.repeat(39)]) {
      expect(() => positionOfSortable(stored), stored).toThrow();
    }
  });
});
