/**
 * The `.env` grammar of the import endpoint (DESIGN §3), as a pure function.
 *
 * Where the grammar accepts a text, the values equal `require('dotenv').parse(text)`, except
 * for the ` #` rule. Intentional differences from dotenv (v18, default parser):
 *
 *  1. ` #` rule: in an unquoted value only whitespace followed by `#` starts a comment, so
 *     `K=abc#123` is `abc#123` and `K=#abc` is `#abc`. dotenv ends the value at any `#`
 *     (`abc` and the empty string).
 *  2. dotenv silently skips what it cannot read; here each of these is an error on its line:
 *     a line without `=` (dotenv even joins `KEY` and a next line `=value`), a key that breaks
 *     the key rule or is empty (dotenv accepts `.` and `-` and any length, and skips the rest).
 *  3. `KEY: value` (also `KEY:value`) is an error; dotenv reads the first as `KEY=value`.
 *  4. An empty value is an error (`K=`, `K=""`, `K= # note`); dotenv gives `""`, and after
 *     `K=` it even takes a quoted value from the next line.
 *  5. A value over 64 KiB (UTF-8) is an error; dotenv has no limit.
 *  6. An unterminated quote is an error on the line where it opened; dotenv reads that line
 *     as an unquoted value with the quote kept (`K="abc` gives `"abc`).
 *  7. Text after a closing quote is an error (`K="a" b`); dotenv keeps the raw text `"a" b`.
 *     Whitespace and a `#` comment after the closing quote are fine, as in dotenv.
 *  8. A quote preceded by a backslash never closes a value (the grammar keeps `\"` as written,
 *     an escape). dotenv closes at such a quote when nothing else fits, so `K="C:\dir\"` gives
 *     `C:\dir\` there and "unterminated quote" here.
 *  9. U+2028/U+2029 outside quotes are an error: dotenv's regex treats them as line breaks
 *     in some places and as ordinary characters in others, so no reading would agree.
 * 10. The key `__proto__` is kept; dotenv assigns it on a plain object and so drops it.
 *
 * Shared with dotenv: CRLF and a lone CR are line breaks (both become LF, also inside quoted
 * values); a leading byte order mark is ignored; whitespace around the key, `=` and an
 * unquoted value is trimmed; `export ` before a key is dropped (`export=1` is the key
 * `export`); only double quotes expand `\n` and `\r`, every other backslash stays as written;
 * a repeated key keeps its first place in the order and takes its last value.
 *
 * Error messages quote nothing from the file: a malformed line may be a fragment of a secret.
 */
import { MAX_LISTED_ERRORS } from '../errors';
import { KEY_PATTERN, MAX_VALUE_BYTES } from '../events/values';

export type DotenvError = { line: number; message: string };
/** `errors` holds the first MAX_LISTED_ERRORS errors; `errorCount` says how many there were. */
export type DotenvResult = { entries: Map<string, string>; errors: DotenvError[]; errorCount: number };

/** What one entry (a line, or several for a multi-line quoted value) came to. */
type Step = { next: number; entry?: [string, string]; error?: string };
/** A value as read, before the key and the value rules are applied. */
type Read = { next: number; value?: string; error?: string };

const QUOTES = new Set(['"', "'", '`']);
const EXPORT_PREFIX = /^export\s+/;
const COLON_FORM = /^(?:export\s+)?[\w.-]+\s*:/;
const INLINE_COMMENT = /\s#/;
const AFTER_CLOSING_QUOTE = /^\s*(?:#|$)/;
const LINE_SEPARATORS = /[\u2028\u2029]/;
const SEPARATOR_ERROR = 'U+2028 and U+2029 are only allowed inside quotes';

/** More lines than any real `.env` file has: reading a few million blank or repeated lines costs a third of a second. */
export const MAX_DOTENV_LINES = 100_000;

/**
 * `maxKeys`: reading stops once the text has one key more (a text of more keys than a scope
 * holds is refused for that alone, whatever its other lines hold).
 */
export function parseDotenv(text: string, maxKeys = Infinity): DotenvResult {
  // Counted on the text as given: normalizing millions of line breaks is itself the cost to avoid.
  if (hasMoreLinesThan(text, MAX_DOTENV_LINES)) {
    return { entries: new Map(), errors: [{ line: MAX_DOTENV_LINES + 1, message: `the text has more than ${MAX_DOTENV_LINES} lines` }], errorCount: 1 };
  }
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const entries = new Map<string, string>();
  const errors: DotenvError[] = [];
  let errorCount = 0;
  let pos = 0;
  let line = 1;
  while (pos < src.length) {
    const step = readEntry(src, pos, line);
    if (step.error !== undefined) {
      // Every error is counted, the first ones listed: 8 MB of bad lines must not make a 276 MB answer.
      errorCount += 1;
      if (errors.length < MAX_LISTED_ERRORS) errors.push({ line, message: step.error });
    } else if (step.entry) {
      entries.set(...step.entry);
      if (entries.size > maxKeys) break;
    }
    line += countNewlines(src, pos, step.next);
    pos = step.next;
  }
  return { entries, errors, errorCount };
}

/** Reads the entry whose first line starts at `start`; `next` is where the next one starts. */
function readEntry(src: string, start: number, line: number): Step {
  const eol = endOfLine(src, start);
  const text = src.slice(start, eol);
  const nextLine = eol + 1;
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.startsWith('#')) {
    return LINE_SEPARATORS.test(text) ? { next: nextLine, error: SEPARATOR_ERROR } : { next: nextLine };
  }
  const eq = text.indexOf('=');
  const head = (eq < 0 ? text : text.slice(0, eq)).trim();
  if (COLON_FORM.test(head)) {
    return { next: nextLine, error: '`KEY: value` is not supported; write KEY=VALUE' };
  }
  if (eq < 0) return { next: nextLine, error: "expected KEY=VALUE but the line has no '='" };

  const afterEq = text.slice(eq + 1);
  const valueAt = start + eq + 1 + (afterEq.length - afterEq.trimStart().length);
  const read = QUOTES.has(src[valueAt] ?? '')
    ? readQuoted(src, valueAt, nextLine, line)
    : readUnquoted(afterEq, nextLine);
  const key = head.replace(EXPORT_PREFIX, '');
  // The value was read first so that an entry with a bad key still skips all of its lines.
  if (LINE_SEPARATORS.test(src.slice(start, valueAt))) return { next: read.next, error: SEPARATOR_ERROR };
  if (!KEY_PATTERN.test(key)) {
    return { next: read.next, error: 'the key must be 1-256 letters, digits or underscores' };
  }
  if (read.value === undefined) return { next: read.next, error: read.error };
  if (read.value === '') return { next: read.next, error: 'the value is empty' };
  if (Buffer.byteLength(read.value, 'utf8') > MAX_VALUE_BYTES) {
    return { next: read.next, error: `the value is longer than ${MAX_VALUE_BYTES} bytes (64 KiB)` };
  }
  return { next: read.next, entry: [key, read.value] };
}

/**
 * An unquoted value is the rest of the line after `=`, up to whitespace followed by `#`,
 * trimmed. The whitespace right after `=` counts, so `K= #note` is empty but `K=#x` is `#x`.
 */
function readUnquoted(raw: string, nextLine: number): Read {
  if (LINE_SEPARATORS.test(raw)) return { next: nextLine, error: SEPARATOR_ERROR };
  const comment = raw.search(INLINE_COMMENT);
  return { next: nextLine, value: (comment < 0 ? raw : raw.slice(0, comment)).trim() };
}

/**
 * A quoted value runs to the first same quote not preceded by a backslash, across lines if
 * need be; on the closing quote's line only whitespace or a comment may follow. On an error
 * the next entry starts on the line after the opening quote: where the value was meant to
 * end is unknown, and this way a forgotten closing quote does not hide the lines after it.
 */
function readQuoted(src: string, open: number, lineAfterOpen: number, line: number): Read {
  const quote = src[open] as string;
  let close = src.indexOf(quote, open + 1);
  while (close >= 0 && src[close - 1] === '\\') close = src.indexOf(quote, close + 1);
  if (close < 0) {
    return { next: lineAfterOpen, error: `unterminated ${QUOTE_NAMES[quote]} quote opened on this line` };
  }
  const closeEol = endOfLine(src, close);
  const after = src.slice(close + 1, closeEol);
  if (!AFTER_CLOSING_QUOTE.test(after) || LINE_SEPARATORS.test(after)) {
    const closeLine = line + countNewlines(src, open, close);
    const where = closeLine === line ? '' : ` on line ${closeLine}`;
    return { next: lineAfterOpen, error: `unexpected text after the closing quote${where}` };
  }
  const content = src.slice(open + 1, close);
  // The same two replacements, in the same order, as dotenv: `\\n` also becomes `\` + newline.
  const value = quote === '"' ? content.replace(/\\n/g, '\n').replace(/\\r/g, '\r') : content;
  return { next: closeEol + 1, value };
}

const QUOTE_NAMES: Record<string, string> = { '"': 'double', "'": 'single', '`': 'backtick' };

function endOfLine(src: string, from: number): number {
  const at = src.indexOf('\n', from);
  return at < 0 ? src.length : at;
}

const LF = 10;
const CR = 13;

/** Whether the text has more than `max` lines (LF, CRLF and a lone CR each end one), stopping once it knows. */
function hasMoreLinesThan(text: string, max: number): boolean {
  let lines = 1;
  for (let i = 0; i < text.length - 1; i += 1) {
    const code = text.charCodeAt(i);
    const ends = code === LF || (code === CR && text.charCodeAt(i + 1) !== LF);
    if (ends && ++lines > max) return true;
  }
  return false;
}

function countNewlines(src: string, from: number, to: number): number {
  let count = 0;
  for (let at = src.indexOf('\n', from); at >= 0 && at < to; at = src.indexOf('\n', at + 1)) {
    count += 1;
  }
  return count;
}
