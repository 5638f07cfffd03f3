import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jcs } from '../../src/proof/canonical';

/** `canonicalize` is the reference implementation of RFC 8785 the service hashed with before. */
describe('jcs', () => {
  it('writes what the reference implementation writes, for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => jcs(value) === canonicalize(value)), { numRuns: 5000 });
  });

  /** Outcomes compared: the same text, or both refuse (the reference refuses lone surrogates too). */
  const same = (value: unknown) => {
    const outcome = (write: (value: unknown) => string | undefined) => {
      try {
        return write(value);
      } catch {
        return 'refused';
      }
    };
    return outcome(jcs) === outcome(canonicalize);
  };

  it('writes or refuses what the reference does for text built of escapes, backslashes and surrogates, lone or paired', () => {
    const unit = fc.constantFrom('\\', 'u', 'd', '8', 'a', 'f', '"', '\ud800', '\udbff', '\udc00', '\udfff', '😀', '\u0001', '\u2028', 'é');
    const text = fc.string({ unit, maxLength: 16 });
    fc.assert(fc.property(fc.dictionary(text, fc.oneof(text, fc.array(text), fc.double({ noNaN: true, noDefaultInfinity: true }))), same), { numRuns: 5000 });
  });

  it('writes what the reference does past the sizes where the library changes its way: 200 keys, 5,000 characters', () => {
    const longText = fc.string({ unit: 'grapheme', minLength: 4990, maxLength: 5010 });
    fc.assert(fc.property(fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.integer(), { minKeys: 190, maxKeys: 320 }), same), { numRuns: 100 });
    fc.assert(fc.property(fc.record({ text: longText, key: longText }), (value) => same({ [value.key]: value.text })), { numRuns: 100 });
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
