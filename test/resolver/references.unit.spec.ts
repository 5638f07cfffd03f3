import { describe, expect, it } from 'vitest';
import { jsonPointer, missingReferences, referencesIn, substitute } from '../../src/resolver/references';

const collectReferences = (value: unknown) => missingReferences(value, () => true, Infinity).listed;

const values = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('References', () => {
  describe('referencesIn', () => {
    it.each([
      ['{{KEY}}', ['KEY']],
      ['{{ KEY }}', ['KEY']],
      ['{{\tKEY\n}}', ['KEY']],
      ['{{\u00a0KEY\u2003}}', ['KEY']],
      ['{{  a_1  }}', ['a_1']],
      ['x {{A}} y {{B}} z {{A}}', ['A', 'B', 'A']],
      ['{{{A}}}', ['A']],
      ['{{A}}{{B}}', ['A', 'B']],
    ])('finds the references in %j', (text, keys) => {
      expect(referencesIn(text)).toEqual(keys);
    });

    it.each([
      '{{ a-b }}',
      '{{}}',
      '{{ }}',
      '{{ x y }}',
      '{{A.B}}',
      '{{ $A }}',
      '{ {A} }',
      '{{A}',
      '{A}}',
      '{{A} }',
      '{{ é }}',
      `{{${'k'.repeat(257)}}}`,
      `{{ ${'k'.repeat(257)} }}`,
      'no braces at all',
    ])('finds nothing in %j', (text) => {
      expect(referencesIn(text)).toEqual([]);
    });

    it('accepts a key of exactly 256 characters', () => {
      const key = 'K'.repeat(256);
      expect(referencesIn(`{{ ${key} }}`)).toEqual([key]);
    });

    it('keeps keys case-sensitive', () => {
      expect(referencesIn('{{key}} {{KEY}}')).toEqual(['key', 'KEY']);
    });
  });

  describe('jsonPointer', () => {
    it('is empty for the whole document', () => {
      expect(jsonPointer([])).toBe('');
    });

    it('escapes ~ as ~0 and / as ~1 (RFC 6901), ~ first', () => {
      expect(jsonPointer(['a/b', 'm~n', '~1', 0, ''])).toBe('/a~1b/m~0n/~01/0/');
    });
  });

  describe('collectReferences', () => {
    it('names each key referenced by the JSON pointer of its string, once per string', () => {
      const input = {
        url: 'https://x/{{HOST}}',
        headers: [{ auth: 'Bearer {{ TOKEN }}' }, 'plain', 3, null, true],
        'a/b': { 'c~d': '{{X}}{{X}}' },
      };
      expect(collectReferences(input)).toEqual([
        { key: 'HOST', path: '/url' },
        { key: 'TOKEN', path: '/headers/0/auth' },
        { key: 'X', path: '/a~1b/c~0d' },
      ]);
    });

    it('gives a top-level string the empty pointer', () => {
      expect(collectReferences('{{A}}')).toEqual([{ key: 'A', path: '' }]);
    });

    it('never scans object keys', () => {
      expect(collectReferences({ '{{KEY}}': 'value', nested: { '{{OTHER}}': 1 } })).toEqual([]);
    });

    it('ignores numbers, booleans and null', () => {
      expect(collectReferences([1, false, null, { n: 2 }])).toEqual([]);
    });
  });

  describe('substitute', () => {
    it('replaces known references and leaves unknown ones as written', () => {
      expect(substitute('a={{ A }}, b={{B}}, c={{  C }}', values({ A: '1', C: '3' }))).toBe('a=1, b={{B}}, c=3');
    });

    it('is a single pass: a value holding a reference is not resolved again', () => {
      const out = substitute('{{A}}', values({ A: '{{B}}', B: 'secret-b' }));
      expect(out).toBe('{{B}}');
    });

    it('inserts values literally, with no $ replacement patterns', () => {
      expect(substitute('<{{A}}>', values({ A: "$& $1 $$ $` $'" }))).toBe("<$& $1 $$ $` $'>");
    });

    it('leaves text that is not a reference untouched', () => {
      const text = '{{ a-b }} {{}} {{ x y }} {A}';
      expect(substitute(text, values({ a: 'no', x: 'no', A: 'no' }))).toBe(text);
    });

    it('returns a string without references identical', () => {
      const text = 'plain {single} braces';
      expect(substitute(text, values({ single: 'no' }))).toBe(text);
    });

    it('keeps the shape of arrays and nested objects, and never touches keys', () => {
      const input = { '{{A}}': ['{{A}}', { deep: ['x{{A}}y', 7, null, false] }], empty: [], obj: {} };
      expect(substitute(input, values({ A: 'v' }))).toEqual({
        '{{A}}': ['v', { deep: ['xvy', 7, null, false] }],
        empty: [],
        obj: {},
      });
    });

    it('does not change its input', () => {
      const input = { list: ['{{A}}'], text: '{{A}}' };
      substitute(input, values({ A: 'v' }));
      expect(input).toEqual({ list: ['{{A}}'], text: '{{A}}' });
    });

    it('keeps a "__proto__" key as a plain own key, without touching prototypes', () => {
      const input = JSON.parse('{"__proto__": {"polluted": "{{A}}"}, "b": "{{A}}"}') as unknown;
      const out = substitute(input, values({ A: 'v' })) as Record<string, unknown>;
      expect(Object.hasOwn(out, '__proto__')).toBe(true);
      expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
      expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":"v"},"b":"v"}');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('resolves keys named like Object.prototype members only when they are given', () => {
      expect(substitute('{{constructor}} {{__proto__}} {{toString}}', values({ toString: 't' }))).toBe(
        '{{constructor}} {{__proto__}} t',
      );
    });

    it('reports "__proto__" keys with their path', () => {
      const input = JSON.parse('{"__proto__": {"x": "{{A}}"}}') as unknown;
      expect(collectReferences(input)).toEqual([{ key: 'A', path: '/__proto__/x' }]);
    });
  });
});

describe('The escape \\{{ (DESIGN §10)', () => {
  const values = new Map([
    ['A', 'one'],
    ['B', 'two'],
  ]);

  it('is a literal {{: never a reference, and {{ in the output', () => {
    expect(referencesIn('\\{{A}} and {{B}}')).toEqual(['B']);
    expect(substitute('\\{{A}} and {{B}}', values)).toBe('{{A}} and two');
  });

  it('lets Mustache-like text through untouched but for the backslash', () => {
    expect(substitute({ template: 'Hello \\{{ name }}, your key is {{A}}' }, values)).toEqual({ template: 'Hello {{ name }}, your key is one' });
  });

  it('escapes only the braces right after it', () => {
    expect(substitute('\\ {{A}}', values)).toBe('\\ one');
    expect(substitute('\\{{A}}{{A}}', values)).toBe('{{A}}one');
  });

  it('is no missing reference', () => {
    expect(missingReferences('\\{{NOPE}}', () => true, 10)).toEqual({ listed: [], count: 0 });
  });
});
