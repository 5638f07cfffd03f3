import dotenv from 'dotenv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/import/dotenv.parser';

/**
 * Generated `.env` files: each entry is generated as (key, intended value) and then written
 * in a random style, so the expected map is known without parsing. Alphabets avoid what the
 * grammar and dotenv read differently (an unquoted `#`), and what a style cannot express
 * (its own quote, a lone trailing backslash, a literal CR inside quotes).
 */

/** A piece of a value: how it is written in the file and what it means once parsed. */
type Piece = { written: string; meaning: string };
type Style = 'unquoted' | '"' | "'" | '`';

const lineBreak = fc.constantFrom('\n', '\r\n');
const blanks = fc.constantFrom('', ' ', '  ', '\t');
const plainChars = [...'aZ09_-./:=@+,!$%^&*()[]{}<>?;~|', ' ', 'é', '日', '😀'];
const plain = fc.constantFrom(...plainChars).map((c): Piece => ({ written: c, meaning: c }));
const asIs = (...texts: string[]) => fc.constantFrom(...texts.map((t): Piece => ({ written: t, meaning: t })));
/** A line break inside a quoted value: either kind of break in the file means LF. */
const literalBreak = lineBreak.map((b): Piece => ({ written: b, meaning: '\n' }));

const quotedPiece: Record<Exclude<Style, 'unquoted'>, fc.Arbitrary<Piece>> = {
  '"': fc.oneof(
    { weight: 8, arbitrary: plain },
    { weight: 2, arbitrary: asIs("'", '`', '#', ' #', '\\t', '\\"', '\\x') },
    { weight: 1, arbitrary: fc.constantFrom({ written: '\\n', meaning: '\n' }, { written: '\\r', meaning: '\r' }) },
    { weight: 1, arbitrary: literalBreak },
  ),
  "'": fc.oneof(
    { weight: 8, arbitrary: plain },
    { weight: 2, arbitrary: asIs('"', '`', '#', ' #', '\\n', "\\'", '\\x') },
    { weight: 1, arbitrary: literalBreak },
  ),
  '`': fc.oneof(
    { weight: 8, arbitrary: plain },
    { weight: 2, arbitrary: asIs('"', "'", '#', ' #', '\\n', '\\`', '\\x') },
    { weight: 1, arbitrary: literalBreak },
  ),
};

/** Unquoted: no `#`, no line break, no surrounding whitespace, not starting with a quote. */
const unquotedValue = fc
  .array(fc.oneof({ weight: 8, arbitrary: plain }, { weight: 1, arbitrary: asIs("'", '"', '`', '\\n', '\\') }), {
    minLength: 1,
    maxLength: 20,
  })
  .map((pieces) => pieces.map((p) => p.written).join('').trim())
  .filter((v) => v !== '' && !`'"\``.includes(v[0] as string));

const key = fc.stringMatching(/^[A-Za-z0-9_]{1,16}$/).filter((k) => k !== '__proto__');

type Line = { text: string; entry?: [string, string] };

const entryLine: fc.Arbitrary<Line> = fc
  .record({
    key,
    style: fc.constantFrom<Style>('unquoted', '"', "'", '`'),
    exported: fc.boolean(),
    indent: blanks,
    beforeEq: blanks,
    afterEq: blanks,
  })
  .chain(({ style, ...rest }) => {
    if (style === 'unquoted') {
      const trailer = fc.constantFrom('', ' ', '\t', ' # note', '\t#note "x"');
      return fc.record({ value: unquotedValue, trailer }).map(({ value, trailer: t }) => ({
        ...rest,
        written: value + t,
        value,
      }));
    }
    const trailer = fc.constantFrom('', ' ', ' # note', '#note', '\t# it\'s "quoted"');
    return fc
      .record({ pieces: fc.array(quotedPiece[style], { minLength: 1, maxLength: 20 }), trailer })
      .map(({ pieces, trailer: t }) => ({
        ...rest,
        written: style + pieces.map((p) => p.written).join('') + style + t,
        value: pieces.map((p) => p.meaning).join(''),
      }));
  })
  .map(({ key: k, exported, indent, beforeEq, afterEq, written, value }) => ({
    text: `${indent}${exported ? 'export ' : ''}${k}${beforeEq}=${afterEq}${written}`,
    entry: [k, value] as [string, string],
  }));

const commentLine: fc.Arbitrary<Line> = fc
  .record({ indent: blanks, body: fc.array(fc.constantFrom(...plainChars, '#', '"', "'", '`', 'A=1'), { maxLength: 10 }) })
  .map(({ indent, body }) => ({ text: `${indent}#${body.join('')}` }));

const blankLine: fc.Arbitrary<Line> = blanks.map((text) => ({ text }));

const line = fc.oneof({ weight: 5, arbitrary: entryLine }, { weight: 1, arbitrary: commentLine }, { weight: 1, arbitrary: blankLine });

/** A file: its lines joined by random LF or CRLF breaks, with or without a final break. */
const file = fc
  .array(fc.tuple(line, lineBreak), { maxLength: 15 })
  .chain((lines) => fc.boolean().map((finalBreak) => ({ lines, finalBreak })));

function render(lines: [Line, string][], finalBreak: boolean): string {
  const text = lines.map(([l, br]) => l.text + br).join('');
  return finalBreak || lines.length === 0 ? text : text.slice(0, -lines[lines.length - 1]![1].length);
}

/** The expected entries: file order of first appearance, the last value of a key winning. */
function expected(lines: [Line, string][]): Map<string, string> {
  const map = new Map<string, string>();
  for (const [l] of lines) if (l.entry) map.set(...l.entry);
  return map;
}

/** Lines that break one rule each and contain no quote that could close a value elsewhere. */
const badLine = fc.constantFrom('NO_EQUALS_HERE', 'KEY: value', 'a.b=1', 'EMPTY=', "EMPTY=''", 'X="a" junk', '=x');

describe('parseDotenv (properties)', () => {
  it('parses a generated file to the generated map', () => {
    fc.assert(
      fc.property(file, ({ lines, finalBreak }) => {
        const { entries, errors } = parseDotenv(render(lines, finalBreak));
        expect(errors).toEqual([]);
        expect([...entries]).toEqual([...expected(lines)]);
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with dotenv.parse on every generated file', () => {
    fc.assert(
      fc.property(file, ({ lines, finalBreak }) => {
        const text = render(lines, finalBreak);
        expect(Object.fromEntries(parseDotenv(text).entries)).toEqual(dotenv.parse(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('names the line of a bad line wherever it sits, multi-line values and CRLF included', () => {
    fc.assert(
      fc.property(file, badLine, fc.nat(), lineBreak, ({ lines }, bad, at, br) => {
        const cut = at % (lines.length + 1);
        const before = render(lines.slice(0, cut), true);
        const text = before + bad + br + render(lines.slice(cut), true);
        const { entries, errors } = parseDotenv(text);
        expect(errors.map((e) => e.line)).toEqual([before.split('\n').length]);
        expect([...entries]).toEqual([...expected(lines)]);
      }),
      { numRuns: 1000 },
    );
  });
});
