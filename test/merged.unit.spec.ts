import { describe, expect, it } from 'vitest';
import { merged } from '../src/merged';

describe('merged', () => {
  it('is a new object with the base properties, then the extra ones, the extra winning, neither input changed', () => {
    const base = { a: 1, b: 2 };
    const extra = { b: 3, c: 4 };
    const result = merged(base, extra);
    expect(result).toEqual({ a: 1, b: 3, c: 4 });
    expect(Object.keys(result)).toEqual(['a', 'b', 'c']);
    expect(result).not.toBe(base);
    expect(base).toEqual({ a: 1, b: 2 });
    expect(extra).toEqual({ b: 3, c: 4 });
  });
});
