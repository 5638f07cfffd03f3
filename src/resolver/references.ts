import { ValidationFailed } from '../errors';
import { KEY_SOURCE } from '../events/values';

/**
 * A reference is `{{`, optional whitespace, a key (the one key rule), optional whitespace, `}}`.
 * Anything else between braces is not a reference and is left as it is. `\{{` is a literal `{{`
 * (DESIGN §10), so Mustache-like text can pass through: it is never a reference, and the output
 * has `{{` where the input had `\{{`. The pattern matches either; group 1 is a reference's key.
 */
const REFERENCE = new RegExp(`\\\\\\{\\{|\\{\\{\\s*(${KEY_SOURCE})\\s*\\}\\}`, 'g');

/** What one resolution may ask for (DESIGN §6): beyond any of them the request is refused. */
export const RESOLUTION_LIMITS = {
  /** Containers nested in `input`: `[["x"]]` is 2 deep. */
  depth: 64,
  strings: 10_000,
  distinctKeys: 1_000,
  references: 10_000,
} as const;

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
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) if (match[1] !== undefined) keys.push(match[1]);
  return keys;
}

/** A node met on the walk, with the way back to the root (built into a pointer only when asked). */
type Frame = Readonly<{ value: unknown; depth: number; parent: Frame | null; segment: string | number }>;

/**
 * Visits every string of a JSON value in document order (object keys are never visited), with
 * an explicit stack: no input, however deep, can overflow the call stack. `onContainer` sees
 * every array and object first (and may refuse it).
 */
function walkStrings(root: unknown, onString: (text: string, frame: Frame) => void, onContainer: (frame: Frame) => void = () => {}): void {
  const stack: Frame[] = [{ value: root, depth: 0, parent: null, segment: '' }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value } = frame;
    if (typeof value === 'string') {
      onString(value, frame);
    } else if (value !== null && typeof value === 'object') {
      const container = { ...frame, depth: frame.depth + 1 };
      onContainer(container);
      // Children go on the stack last first, so they come off in document order.
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ value: value[i], depth: container.depth, parent: container, segment: i });
      } else {
        const keys = Object.keys(value);
        for (let i = keys.length - 1; i >= 0; i -= 1) {
          stack.push({ value: (value as Record<string, unknown>)[keys[i]!], depth: container.depth, parent: container, segment: keys[i]! });
        }
      }
    }
  }
}

/** The length of the frame's pointer before escaping (a lower bound), without building it. */
function pointerLength(frame: Frame): number {
  let length = 0;
  for (let at: Frame | null = frame; at?.parent; at = at.parent) length += 1 + String(at.segment).length;
  return length;
}

function pointerOf(frame: Frame): string {
  const segments: (string | number)[] = [];
  for (let at: Frame | null = frame; at?.parent; at = at.parent) segments.push(at.segment);
  return jsonPointer(segments.reverse());
}

function tooLarge(message: string): ValidationFailed {
  return new ValidationFailed(`The input is too large to resolve: ${message}`, [{ field: 'input', message }]);
}

/**
 * The distinct keys a JSON value references, in order of first appearance, with how often
 * each appears. Refuses (400, naming the limit) an input beyond RESOLUTION_LIMITS, and stops
 * reading it as soon as it is: the work done is bounded by the limits, not by the input.
 */
export function scanReferences(input: unknown, limits = RESOLUTION_LIMITS): Map<string, number> {
  const counts = new Map<string, number>();
  let strings = 0;
  let references = 0;
  walkStrings(
    input,
    (text) => {
      if (++strings > limits.strings) throw tooLarge(`more than ${limits.strings} strings`);
      if (!text.includes('{{')) return;
      const pattern = new RegExp(REFERENCE);
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
        const key = match[1];
        if (key === undefined) continue;
        if (++references > limits.references) throw tooLarge(`more than ${limits.references} references`);
        counts.set(key, (counts.get(key) ?? 0) + 1);
        if (counts.size > limits.distinctKeys) throw tooLarge(`more than ${limits.distinctKeys} distinct keys`);
      }
    },
    (container) => {
      if (container.depth > limits.depth) throw tooLarge(`nested deeper than ${limits.depth} levels`);
    },
  );
  return counts;
}

/**
 * The references to keys for which `isMissing` holds, one entry per distinct `{key, path}`:
 * the first `maxListed` of them with their JSON pointers, and how many there are in all.
 * Pointers are built only for the listed entries, and at most `maxPathChars` of them in all,
 * so a few hundred bytes of deep, long-keyed input cannot make a large answer.
 */
export function missingReferences(
  input: unknown,
  isMissing: (key: string) => boolean,
  maxListed: number,
  maxPathChars = 64 * 1024,
): { listed: Reference[]; count: number } {
  const listed: Reference[] = [];
  let count = 0;
  let pathChars = 0;
  walkStrings(input, (text, frame) => {
    let path: string | undefined;
    for (const key of new Set(referencesIn(text))) {
      if (!isMissing(key)) continue;
      count += 1;
      if (listed.length >= maxListed || pathChars + pointerLength(frame) > maxPathChars) continue;
      path ??= pointerOf(frame);
      if (pathChars + path.length > maxPathChars) continue;
      pathChars += path.length;
      listed.push({ key, path });
    }
  });
  return { listed, count };
}

/**
 * Replaces each reference whose key `values` holds, in a single pass: a substituted value that
 * itself contains `{{X}}` is not resolved again. References to other keys stay as written.
 * Recursive: call it only on input that `scanReferences` accepted (its depth is bounded).
 */
export function substitute(value: unknown, values: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') {
    if (!value.includes('{{')) return value;
    return value.replace(REFERENCE, (text, key: string | undefined) => (key === undefined ? '{{' : (values.get(key) ?? text)));
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
