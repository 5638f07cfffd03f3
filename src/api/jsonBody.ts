import { isUtf8 } from 'node:buffer';
import type { FastifyRequest } from 'fastify';
import { ProblemError } from '../errors';

/**
 * Bodies larger than this are measured before JSON.parse runs: an 8 MiB body of `[{},{},…]`
 * or of `[[[[…` costs V8 most of a second to parse, long enough to stall every other request.
 * Smaller bodies parse in well under a millisecond whatever they hold.
 */
const MEASURED_FROM_BYTES = 16 * 1024;

/** What a measured body may hold. No route takes more than a few levels, or anything like this many values. */
export const BODY_STRUCTURE_LIMITS = { depth: 100, values: 100_000 } as const;

/** Methods whose requests may come with a JSON content type and no body (DESIGN §6: DELETE). */
const BODYLESS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS']);

const CURLY_OPEN = 0x7b;
const SQUARE_OPEN = 0x5b;
const CURLY_CLOSE = 0x7d;
const SQUARE_CLOSE = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;

function invalid(code: string, detail: string): ProblemError {
  return new ProblemError('validation', code, detail);
}

/**
 * Counts nesting and values in one pass over the bytes, outside strings, and refuses a body
 * beyond BODY_STRUCTURE_LIMITS before it is parsed. A value is counted at each `,` and `:` and
 * at each container, which over-counts a little and never under-counts.
 */
function measure(body: Buffer): void {
  let depth = 0;
  let values = 0;
  for (let i = 0; i < body.length; i += 1) {
    const byte = body[i]!;
    if (byte === QUOTE) {
      i = endOfString(body, i);
    } else if (byte === CURLY_OPEN || byte === SQUARE_OPEN) {
      if (++depth > BODY_STRUCTURE_LIMITS.depth) {
        throw invalid('body_too_deep', `The body is nested deeper than ${BODY_STRUCTURE_LIMITS.depth} levels`);
      }
      values += 1;
    } else if (byte === CURLY_CLOSE || byte === SQUARE_CLOSE) {
      depth -= 1;
    } else if (byte === COMMA || byte === COLON) {
      values += 1;
    }
    if (values > BODY_STRUCTURE_LIMITS.values) {
      throw invalid('body_too_complex', `The body holds more than ${BODY_STRUCTURE_LIMITS.values} values`);
    }
  }
}

/** Where the string opened at `open` closes (or the end): found by Buffer#indexOf, not byte by byte. */
function endOfString(body: Buffer, open: number): number {
  for (let quote = body.indexOf(QUOTE, open + 1); quote >= 0; quote = body.indexOf(QUOTE, quote + 1)) {
    let backslashes = 0;
    while (body[quote - 1 - backslashes] === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
  }
  return body.length;
}

/** A `\uD800`–`\uDFFF` escape: the only way a lone surrogate gets into text decoded from valid UTF-8. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/** Every string of the parsed body, object keys included, is well-formed Unicode (no lone surrogates). */
function requireWellFormed(root: unknown): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (!value.isWellFormed()) throw invalid('invalid_unicode', 'The body holds text with a lone surrogate (ill-formed Unicode)');
    } else if (Array.isArray(value)) {
      stack.push(...value);
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) stack.push(key, (value as Record<string, unknown>)[key]);
    }
  }
}

/**
 * The JSON body parser of every route, in place of fastify's. It answers 400 to bodies that are
 * not UTF-8, not JSON, ill-formed Unicode, or too deep or too large in structure to parse
 * quickly, and it keeps `__proto__` and `constructor` as the plain data keys JSON.parse makes
 * them (fastify's parser refuses them, but `__proto__` is a valid secret key); code that copies
 * request objects must never assign keys with `obj[key] = …` (see resolver/references.ts).
 */
export function parseJsonBody(request: FastifyRequest, body: Buffer): unknown {
  if (body.length === 0) {
    if (BODYLESS.has(request.method)) return undefined;
    throw invalid('invalid_json', 'The body is empty; send a JSON object');
  }
  if (!isUtf8(body)) throw invalid('invalid_json', 'The body is not valid UTF-8');
  if (body.length >= MEASURED_FROM_BYTES) measure(body);
  const text = body.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the body, which may hold a secret.
    throw invalid('invalid_json', 'The body is not valid JSON');
  }
  if (SURROGATE_ESCAPE.test(text)) requireWellFormed(parsed);
  return parsed;
}
