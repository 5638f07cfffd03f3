import fc from 'fast-check';
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { parseJsonBody } from '../../src/api/jsonBody';
import { ProblemError } from '../../src/errors';

const post = { method: 'POST' } as FastifyRequest;
/** Pads a JSON text past the size from which bodies are measured before they are parsed. */
const padded = (json: string) => `{"pad":"${'p'.repeat(20_000)}","value":${json}}`;

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemError);
    return (error as ProblemError).code;
  }
  return 'accepted';
}

describe('The JSON body parser', () => {
  it('parses every JSON value as JSON.parse does, small or measured', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        const text = JSON.stringify(value);
        expect(parseJsonBody(post, Buffer.from(text))).toEqual(JSON.parse(text));
        expect(parseJsonBody(post, Buffer.from(padded(text)))).toEqual(JSON.parse(padded(text)));
      }),
    );
  });

  it('ignores brackets, commas and escaped quotes inside strings when it measures', () => {
    const tricky = JSON.stringify(['x\\"[[[[', '\\', '"{{{', `${'['.repeat(500)}`, '\\\\"', ',:,:'.repeat(60_000)]);
    expect(parseJsonBody(post, Buffer.from(padded(tricky)))).toEqual(JSON.parse(padded(tricky)));
  });

  it('refuses structure beyond the limits only in large bodies, where parsing it would be slow', () => {
    const deep = (depth: number) => `${'['.repeat(depth)}0${']'.repeat(depth)}`;
    expect(codeOf(() => parseJsonBody(post, Buffer.from(padded(deep(99)))))).toBe('accepted');
    expect(codeOf(() => parseJsonBody(post, Buffer.from(padded(deep(100)))))).toBe('body_too_deep');
    expect(codeOf(() => parseJsonBody(post, Buffer.from(deep(1_000))))).toBe('accepted');
    expect(codeOf(() => parseJsonBody(post, Buffer.from(padded(`[${'0,'.repeat(100_000)}0]`))))).toBe('body_too_complex');
  });

  it('refuses text that is not UTF-8 or holds a lone surrogate, and keeps surrogate pairs', () => {
    expect(codeOf(() => parseJsonBody(post, Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22])))).toBe('invalid_json');
    expect(codeOf(() => parseJsonBody(post, Buffer.from('{"k\\udc00":1}')))).toBe('invalid_unicode');
    expect(codeOf(() => parseJsonBody(post, Buffer.from('["\\\\ud800"]')))).toBe('accepted');
    expect(parseJsonBody(post, Buffer.from('"\\ud83d\\udd11"'))).toBe('\u{1F511}');
  });

  it('keeps __proto__ and constructor as own data keys', () => {
    const parsed = parseJsonBody(post, Buffer.from('{"__proto__":{"polluted":1},"constructor":2}')) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('takes an empty body only where a method has none', () => {
    expect(parseJsonBody({ method: 'DELETE' } as FastifyRequest, Buffer.alloc(0))).toBeUndefined();
    expect(codeOf(() => parseJsonBody(post, Buffer.alloc(0)))).toBe('invalid_json');
  });
});
