import { hash } from 'node:crypto';
import { configure } from 'safe-stable-stringify';

/**
 * Keys sorted by UTF-16 code units, numbers and strings as JSON.stringify writes them: RFC 8785's
 * rules. safe-stable-stringify writes it in a third of the time `canonicalize` took, which
 * mattered: every event is hashed as it is appended (a property test holds the two equal, and
 * package.json pins the version: a release that wrote one byte differently would break every
 * chain). `strict` throws on what JSON cannot hold (NaN, Infinity, functions, symbols, bigints,
 * cycles) where JSON.stringify would leave it out or write null.
 */
const stableStringify = configure({ deterministic: true, strict: true });

/** The escape JSON.stringify writes for a lone surrogate (`\udXXX`), not preceded by an escaped backslash. */
const LONE_SURROGATE = /(?<!\\)(?:\\\\)*\\ud[89a-f]/;

/**
 * RFC 8785 (JCS) canonical JSON of a JSON value: the one text every hash of this service is
 * taken over. Like JSON.stringify, it leaves out object fields that are undefined, so a value
 * hashes the same before it is stored and after it is read back. A lone surrogate is refused as
 * RFC 8785 asks (the API refuses them in bodies and tokens, so none reaches an event).
 */
export function jcs(value: unknown): string {
  const text = stableStringify(value);
  if (text === undefined) throw new Error('Only JSON values have a canonical form');
  if (text.includes('\\ud') && LONE_SURROGATE.test(text)) throw new Error('A lone surrogate has no canonical form');
  return text;
}

/** Node's one-shot hash (20.12+): a microsecond less than a Hash object for each of the two or three hashes every event takes. */
export function sha256Hex(bytes: string | Uint8Array): string {
  return hash('sha256', bytes, 'hex');
}
