import { KEY_SOURCE } from '../events/values';

/**
 * A reference is `{{`, optional whitespace, a key (the one key rule), optional whitespace, `}}`.
 * Anything else between braces is not a reference and is left as it is.
 */
const REFERENCE = new RegExp(`\\{\\{\\s*(${KEY_SOURCE})\\s*\\}\\}`, 'g');

export type Reference = Readonly<{ key: string; path: string }>;

/** JSON pointer (RFC 6901) of a path of object keys and array indexes. */
export function jsonPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** The keys referenced in one string, in order, repeats included. */
export function referencesIn(text: string): string[] {
  const keys: string[] = [];
  if (!text.includes('{{')) return keys;
  const pattern = new RegExp(REFERENCE);
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) keys.push(match[1]!);
  return keys;
}

/** The distinct keys referenced in the string values of a JSON value (object keys are never scanned). */
export function referencedKeys(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    for (const key of referencesIn(value)) into.add(key);
  } else if (Array.isArray(value)) {
    for (const item of value) referencedKeys(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) referencedKeys(item, into);
  }
  return into;
}

/** Every reference in the string values of a JSON value, with the JSON pointer of its string. */
export function collectReferences(value: unknown): Reference[] {
  const found: Reference[] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (typeof node === 'string') {
      for (const key of referencesIn(node)) found.push({ key, path: jsonPointer(path) });
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, [...path, i]));
    } else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
    }
  };
  walk(value, []);
  return found;
}

/**
 * Replaces each reference whose key `values` holds, in a single pass: a substituted value that
 * itself contains `{{X}}` is not resolved again. References to other keys stay as written.
 */
export function substitute(value: unknown, values: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') {
    if (!value.includes('{{')) return value;
    return value.replace(REFERENCE, (text, key: string) => values.get(key) ?? text);
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, values));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k in value) {
      if (!Object.hasOwn(value, k)) continue;
      const v = substitute((value as Record<string, unknown>)[k], values);
      // A "__proto__" key in the input stays a plain key in the output, prototypes untouched.
      if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      else out[k] = v;
    }
    return out;
  }
  return value;
}
