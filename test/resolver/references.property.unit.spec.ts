import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPointer, missingReferences, referencesIn, substitute } from '../../src/resolver/references';

/**
 * An independent model of the reference grammar (DESIGN §1, §10): `\{{` is an escape (a literal
 * `{{`, key null); at each other `{{`, optional whitespace (any \s), a key by the one key rule,
 * optional whitespace, `}}`; leftmost first, scanning continues after a match. Returns each
 * match's key, start and end.
 */
function model(text: string): { key: string | null; start: number; end: number }[] {
  const found: { key: string | null; start: number; end: number }[] = [];
  const space = (c: string | undefined) => c !== undefined && /\s/.test(c);
  const keyChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('\\{{', i)) {
      found.push({ key: null, start: i, end: i + 3 });
      i += 3;
      continue;
    }
    if (text.startsWith('{{', i)) {
      let j = i + 2;
      while (space(text[j])) j += 1;
      const keyStart = j;
      while (keyChar(text[j])) j += 1;
      const key = text.slice(keyStart, j);
      while (space(text[j])) j += 1;
      if (key.length >= 1 && key.length <= 256 && text.startsWith('}}', j)) {
        found.push({ key, start: i, end: j + 2 });
        i = j + 2;
        continue;
      }
    }
    i += 1;
  }
  return found;
}

/** Text rich in braces, whitespace of several kinds, key characters and near misses. */
const tricky = fc
  .array(fc.constantFrom('{', '{{', '}', '}}', '\\', ' ', '\t', '\n', '\u00a0', 'a', 'B', '_', '7', '-', '.', 'é', 'x y'), {
    maxLength: 40,
  })
  .map((parts) => parts.join(''));
const text = fc.oneof(tricky, fc.string({ maxLength: 30 }));
const keyArb = fc.oneof(fc.constantFrom('A', 'B', 'key_1', 'Z9'), fc.stringMatching(/^[A-Za-z0-9_]{1,12}$/));
const spaces = fc.constantFrom('', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\ufeff');
/** Text with no braces and no backslash at all, so it can neither start, end nor escape a reference. */
const plain = fc.string({ maxLength: 10 }).map((s) => s.replace(/[{}\\]/g, ''));
const piece = fc.oneof(
  plain.map((t) => ({ text: t })),
  fc.record({ key: keyArb, before: spaces, after: spaces }),
);

function pointerGet(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, segment) => (node as Record<string, unknown>)[segment], root);
}

describe('References (properties)', () => {
  it('finds exactly the references the grammar defines', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(referencesIn(t)).toEqual(model(t).flatMap((m) => (m.key === null ? [] : [m.key])));
      }),
      { numRuns: 2000 },
    );
  });

  it('replaces exactly those references, once, and leaves every other character as written', () => {
    fc.assert(
      fc.property(text, fc.dictionary(keyArb, fc.string({ maxLength: 8 })), (t, entries) => {
        const values = new Map(Object.entries(entries));
        let expected = '';
        let from = 0;
        for (const m of model(t)) {
          expected += t.slice(from, m.start) + (m.key === null ? '{{' : (values.get(m.key) ?? t.slice(m.start, m.end)));
          from = m.end;
        }
        expect(substitute(t, values)).toBe(expected + t.slice(from));
      }),
      { numRuns: 1000 },
    );
  });

  it('builds the output from the pieces, single pass, whatever the values hold', () => {
    // Values often reference keys that are known too: a second pass would change the output.
    const value = fc.oneof(fc.string({ maxLength: 8 }), keyArb.map((k) => `x{{ ${k} }}`), fc.constantFrom('$&', '$1', '$$'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.dictionary(keyArb, value), (pieces, entries) => {
        const values = new Map(Object.entries(entries));
        const input = pieces.map((p) => ('text' in p ? p.text : `{{${p.before}${p.key}${p.after}}}`)).join('');
        const refs = pieces.filter((p) => !('text' in p)) as { key: string; before: string; after: string }[];
        expect(referencesIn(input)).toEqual(refs.map((r) => r.key));
        const expected = pieces
          .map((p) => ('text' in p ? p.text : (values.get(p.key) ?? `{{${p.before}${p.key}${p.after}}}`)))
          .join('');
        expect(substitute(input, values)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('returns a string without references identical', () => {
    fc.assert(
      fc.property(text, fc.dictionary(keyArb, fc.string()), (t, entries) => {
        fc.pre(model(t).length === 0);
        expect(substitute(t, new Map(Object.entries(entries)))).toBe(t);
      }),
    );
  });

  it('leaves any JSON value unchanged when no key is known', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        expect(JSON.stringify(substitute(json, new Map()))).toBe(JSON.stringify(json));
      }),
    );
  });

  it('keeps every object key and array length, and substitutes only inside strings', () => {
    const withRefs = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.oneof(text, keyArb.map((k) => `{{ ${k} }}`)),
        fc.integer(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), keyArb.map((k) => `{{${k}}}`)), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(withRefs, fc.dictionary(keyArb, fc.string({ maxLength: 5 })), (json, entries) => {
        const values = new Map(Object.entries(entries));
        const same = (a: unknown, b: unknown): void => {
          if (typeof a === 'string') return expect(b).toBe(substitute(a, values));
          if (Array.isArray(a)) {
            expect(Array.isArray(b) && b.length === a.length).toBe(true);
            return a.forEach((item, i) => same(item, (b as unknown[])[i]));
          }
          if (a !== null && typeof a === 'object') {
            expect(Object.keys(b as object)).toEqual(Object.keys(a));
            return Object.entries(a).forEach(([k, v]) => same(v, (b as Record<string, unknown>)[k]));
          }
          expect(b).toBe(a);
        };
        same(json, substitute(json, values));
      }),
    );
  });

  it('points each listed reference at a string that holds it, once per key and string', () => {
    fc.assert(
      fc.property(fc.jsonValue(), keyArb, fc.array(fc.string({ maxLength: 4 }), { maxLength: 4 }), (json, key, path) => {
        // Plant a reference under a path that may hold "~" and "/".
        const planted = path.reduceRight<unknown>((inner, segment) => ({ [segment]: inner }), `x{{${key}}}`);
        const doc = [json, planted];
        const refs = missingReferences(doc, () => true, Infinity).listed;
        for (const ref of refs) {
          const target = pointerGet(doc, ref.path);
          expect(typeof target).toBe('string');
          expect(referencesIn(target as string)).toContain(ref.key);
        }
        expect(refs.length).toBe(countIn(doc));
        expect(refs.some((r) => r.key === key && r.path === jsonPointer([1, ...path]))).toBe(true);
      }),
    );
  });
});

/** How many distinct keys per string the model finds in the string values of a JSON value. */
function countIn(node: unknown): number {
  if (typeof node === 'string') return new Set(model(node).map((m) => m.key)).size;
  if (Array.isArray(node)) return node.reduce<number>((n, item) => n + countIn(item), 0);
  if (node !== null && typeof node === 'object') return Object.values(node).reduce<number>((n, v) => n + countIn(v), 0);
  return 0;
}
