import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '../../src/errors';
import { missingReferences, RESOLUTION_LIMITS, referencesIn, scanReferences } from '../../src/resolver/references';

/** `depth` arrays around a string: `nested(2, 'x')` is `[["x"]]`. */
function nested(depth: number, inner: unknown): unknown {
  let value = inner;
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailed);
    const { errors } = error as ValidationFailed;
    expect(errors.map((e) => e.field)).toEqual(['input']);
    return errors[0]!.message;
  }
  throw new Error('expected a refusal');
}

describe('Resolution limits (DESIGN §6)', () => {
  describe('depth', () => {
    it(`accepts input nested ${RESOLUTION_LIMITS.depth} deep and refuses one level more, naming the limit`, () => {
      expect([...scanReferences(nested(RESOLUTION_LIMITS.depth, '{{A}}')).keys()]).toEqual(['A']);
      expect(refusal(() => scanReferences(nested(RESOLUTION_LIMITS.depth + 1, '{{A}}')))).toBe('nested deeper than 64 levels');
    });

    it('counts objects and arrays alike', () => {
      let value: unknown = 'x';
      for (let i = 0; i < RESOLUTION_LIMITS.depth + 1; i += 1) value = i % 2 ? [value] : { k: value };
      expect(refusal(() => scanReferences(value))).toContain('nested deeper');
    });

    it('refuses 100,000 levels without overflowing the stack (no recursion)', () => {
      expect(refusal(() => scanReferences(nested(100_000, 'x')))).toContain('nested deeper');
      expect(missingReferences(nested(100_000, '{{A}}'), () => true, 1).count).toBe(1);
    });
  });

  describe('strings, references and keys', () => {
    it(`accepts ${RESOLUTION_LIMITS.strings} strings and refuses one more`, () => {
      expect(scanReferences(Array.from({ length: RESOLUTION_LIMITS.strings }, () => 'x')).size).toBe(0);
      expect(refusal(() => scanReferences(Array.from({ length: RESOLUTION_LIMITS.strings + 1 }, () => 'x')))).toBe(
        'more than 10000 strings',
      );
    });

    it(`accepts ${RESOLUTION_LIMITS.references} references and refuses one more, in one string or many`, () => {
      expect(scanReferences('{{A}}'.repeat(RESOLUTION_LIMITS.references)).get('A')).toBe(RESOLUTION_LIMITS.references);
      expect(refusal(() => scanReferences('{{A}}'.repeat(RESOLUTION_LIMITS.references + 1)))).toBe('more than 10000 references');
      const spread = Array.from({ length: 5_001 }, () => '{{A}} {{B}}');
      expect(refusal(() => scanReferences(spread))).toBe('more than 10000 references');
    });

    it(`accepts ${RESOLUTION_LIMITS.distinctKeys} distinct keys and refuses one more`, () => {
      const keys = (n: number) => Array.from({ length: n }, (_, i) => `{{K${i}}}`).join(' ');
      expect(scanReferences(keys(RESOLUTION_LIMITS.distinctKeys)).size).toBe(RESOLUTION_LIMITS.distinctKeys);
      expect(refusal(() => scanReferences(keys(RESOLUTION_LIMITS.distinctKeys + 1)))).toBe('more than 1000 distinct keys');
    });

    it('stops reading 100,000 distinct keys in one string at the first key over the limit', () => {
      const text = Array.from({ length: 100_000 }, (_, i) => `{{K${i}}}`).join('');
      expect(refusal(() => scanReferences(text))).toBe('more than 1000 distinct keys');
    });

    it('counts each key as often as it appears, in order of first appearance, never reading object keys', () => {
      const counts = scanReferences({ '{{X}}': ['{{B}} {{A}}', { b: '{{B}}' }], a: 7, c: null });
      expect([...counts]).toEqual([
        ['B', 2],
        ['A', 1],
      ]);
    });

    it('finds exactly the references of the model in any JSON value within the limits', () => {
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 6 }), fc.array(fc.constantFrom('A', 'B', 'C_1'), { maxLength: 5 }), (json, planted) => {
          const doc = [json, ...planted.map((key) => `x{{ ${key} }}y`)];
          const expected = new Map<string, number>();
          const visit = (node: unknown) => {
            if (typeof node === 'string') for (const key of referencesIn(node)) expected.set(key, (expected.get(key) ?? 0) + 1);
            else if (Array.isArray(node)) node.forEach(visit);
            else if (node !== null && typeof node === 'object') Object.values(node).forEach(visit);
          };
          visit(doc);
          expect(scanReferences(doc)).toEqual(expected);
        }),
      );
    });
  });

  describe('missing references', () => {
    it('lists at most the asked number of entries and counts every distinct {key, path}', () => {
      const input = Array.from({ length: 500 }, (_, i) => ({ a: `{{M${i % 7}}} {{M${i % 7}}} {{FOUND}}` }));
      const { listed, count } = missingReferences(input, (key) => key !== 'FOUND', 100);
      expect(count).toBe(500);
      expect(listed).toHaveLength(100);
      expect(listed[0]).toEqual({ key: 'M0', path: '/0/a' });
      expect(listed[99]).toEqual({ key: 'M1', path: '/99/a' });
    });

    it('bounds the text of the pointers it builds, however long the object keys are', () => {
      let input: unknown = '{{A}}';
      for (let i = 0; i < 60; i += 1) input = { ['k'.repeat(10_000)]: input };
      const many = Array.from({ length: 100 }, () => input);
      const { listed, count } = missingReferences(many, () => true, 100);
      expect(count).toBe(100);
      // Each pointer is 600 KB: none fits the budget, and none is built.
      expect(listed).toEqual([]);
      const short = Array.from({ length: 100 }, (_, i) => ({ ['k'.repeat(1_000)]: `{{A${i}}}` }));
      const some = missingReferences(short, () => true, 100);
      expect(some.count).toBe(100);
      expect(some.listed.length).toBe(Math.floor((64 * 1024) / 1_002));
    });
  });
});
