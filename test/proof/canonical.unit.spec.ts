import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jcs } from '../../src/proof/canonical';

/** `canonicalize` is the reference implementation of RFC 8785 the service hashed with before. */
describe('jcs', () => {
  it('writes what the reference implementation writes, for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => jcs(value) === canonicalize(value)), { numRuns: 5000 });
  });

  it('writes what the reference implementation writes for keys and strings of any UTF-16, paired surrogates included', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 12 });
    fc.assert(fc.property(fc.dictionary(text, fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }))), (value) => jcs(value) === canonicalize(value)), { numRuns: 3000 });
  });

  it('refuses a lone surrogate, high or low, in a value or a key', () => {
    for (const value of ['\ud800', 'a\udfffb', { ['k\udbff']: 1 }, ['x', '\udc00']]) expect(() => jcs(value)).toThrow(/lone surrogate/);
  });

  it('takes text that only looks like a surrogate escape once written: a backslash, then "ud800"', () => {
    expect(jcs('\\ud800')).toBe('"\\\\ud800"');
    expect(jcs({ a: '\\\\ud800', b: '😀' })).toBe('{"a":"\\\\\\\\ud800","b":"😀"}');
  });

  it('refuses what JSON cannot hold instead of writing null', () => {
    for (const value of [Number.NaN, Infinity, { a: -Infinity }, [10n]]) expect(() => jcs(value)).toThrow();
    expect(() => jcs(undefined)).toThrow(/Only JSON values/);
  });
});
