import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/import/dotenv.parser';
import { MAX_VALUE_BYTES } from '../../src/events/values';

/** Parses text that must be valid and returns its entries as a plain object. */
function valid(text: string): Record<string, string> {
  const { entries, errors } = parseDotenv(text);
  expect(errors).toEqual([]);
  return Object.fromEntries(entries);
}

/** Parses text that must be invalid and returns the line numbers of its errors. */
function errorLines(text: string): number[] {
  return parseDotenv(text).errors.map((e) => e.line);
}

describe('parseDotenv', () => {
  describe('lines', () => {
    it('reads KEY=VALUE and export KEY=VALUE', () => {
      expect(valid('A=1\nexport B=2\nexport\tC=3\nexport   D=4')).toEqual({ A: '1', B: '2', C: '3', D: '4' });
    });

    it('reads a key named export, with or without the export prefix', () => {
      expect(valid('export=1')).toEqual({ export: '1' });
      expect(valid('export =1')).toEqual({ export: '1' });
      expect(valid('export export=2')).toEqual({ export: '2' });
      expect(valid('exported=3')).toEqual({ exported: '3' });
    });

    it('skips blank lines and comment lines, indented or not', () => {
      expect(valid('\n# a comment\n   \n\t# A=1 is commented out\nB=2\n\n')).toEqual({ B: '2' });
    });

    it('accepts an empty file and a file of comments only', () => {
      expect(valid('')).toEqual({});
      expect(valid('# nothing here\n\n')).toEqual({});
    });

    it('trims whitespace around the key, the = and an unquoted value', () => {
      expect(valid('  A = b  \n\tB\t=\tc d\t')).toEqual({ A: 'b', B: 'c d' });
    });

    it('keeps every = after the first in the value', () => {
      expect(valid('A=b=c\nB==d\nURL=postgres://u:p@h/db?ssl=true&x=1')).toEqual({
        A: 'b=c',
        B: '=d',
        URL: 'postgres://u:p@h/db?ssl=true&x=1',
      });
    });

    it('lets the last of a repeated key win, keeping the place of its first appearance', () => {
      const { entries } = parseDotenv('A=1\nB=2\nA=3');
      expect([...entries]).toEqual([
        ['A', '3'],
        ['B', '2'],
      ]);
    });

    it('keeps entries in file order, integer-like keys included', () => {
      expect([...parseDotenv('b=1\n123=2\na=3\n1=4').entries.keys()]).toEqual(['b', '123', 'a', '1']);
    });

    it('ignores a leading byte order mark', () => {
      expect(valid('\uFEFFA=1')).toEqual({ A: '1' });
    });

    it('keeps the key __proto__ (dotenv drops it)', () => {
      expect(parseDotenv('__proto__=x').entries.get('__proto__')).toBe('x');
    });
  });

  describe('keys', () => {
    it('accepts letters, digits and underscores, case-sensitive, up to 256 characters', () => {
      const long = 'K'.repeat(256);
      expect(valid(`a=1\nA=2\n_9=3\n9_=4\n${long}=5`)).toEqual({ a: '1', A: '2', _9: '3', '9_': '4', [long]: '5' });
    });

    it.each([
      ['a dot', 'A.B=1'],
      ['a dash', 'A-B=1'],
      ['a space', 'A B=1'],
      ['a non-ASCII letter', 'É=1'],
      ['a dollar', '$A=1'],
      ['no key at all', '=1'],
      ['two words after export', 'export a b=1'],
      ['257 characters', `${'K'.repeat(257)}=1`],
      ['a quote', '"A"=1'],
    ])('rejects a key with %s', (_what, text) => {
      expect(parseDotenv(text).errors).toEqual([
        { line: 1, message: 'the key must be 1-256 letters, digits or underscores' },
      ]);
    });
  });

  describe('unquoted values', () => {
    it('starts an inline comment only at whitespace followed by #', () => {
      expect(valid('A=abc#123\nB=abc #123\nC=abc\t# note\nD=#hash\nE=a#b #c')).toEqual({
        A: 'abc#123',
        B: 'abc',
        C: 'abc',
        D: '#hash',
        E: 'a#b',
      });
    });

    it('keeps quotes that do not open the value, and backslashes, as written', () => {
      expect(valid(`A=it's\nB=say "hi"\nC=a\\nb\nD=C:\\dir\\`)).toEqual({
        A: "it's",
        B: 'say "hi"',
        C: 'a\\nb',
        D: 'C:\\dir\\',
      });
    });

    it('keeps non-ASCII text', () => {
      expect(valid('A=grüße 😀\nB=日本')).toEqual({ A: 'grüße 😀', B: '日本' });
    });
  });

  describe('quoted values', () => {
    it('reads single, double and backtick quotes, whitespace inside kept', () => {
      expect(valid(`A='  a  '\nB="  b  "\nC=\`  c  \``)).toEqual({ A: '  a  ', B: '  b  ', C: '  c  ' });
    });

    it('keeps # and the other quote kinds inside quotes', () => {
      expect(valid(`A="a #b"\nB='#x'\nC=\`he said "hi" and 'bye'\``)).toEqual({
        A: 'a #b',
        B: '#x',
        C: `he said "hi" and 'bye'`,
      });
    });

    it('allows whitespace before the opening quote and whitespace or a comment after the closing one', () => {
      expect(valid(`A= "x"  \nB="y" # note\nC='z'#note\nD = \`w\`\t`)).toEqual({ A: 'x', B: 'y', C: 'z', D: 'w' });
    });

    it('expands \\n and \\r in double quotes only; every other backslash stays as written', () => {
      expect(valid(String.raw`A="a\nb\rc\td\"e\\f"`).A).toBe('a\nb\rc\\td\\"e\\\\f');
      expect(valid(String.raw`A='a\nb\'c'`).A).toBe(String.raw`a\nb\'c`);
      expect(valid('A=`a\\nb\\`c`').A).toBe('a\\nb\\`c');
    });

    it('expands \\n even after another backslash, as dotenv does', () => {
      expect(valid(String.raw`A="a\\nb"`).A).toBe('a\\\nb');
    });

    it('reads a value that is only an escaped newline', () => {
      expect(valid('A="\\n"').A).toBe('\n');
    });

    it('lets a quoted value span lines, each line break becoming \\n', () => {
      const text = 'KEY="-----BEGIN KEY-----\nMIIB\n\n-----END KEY-----"\nNEXT=1';
      expect(valid(text)).toEqual({ KEY: '-----BEGIN KEY-----\nMIIB\n\n-----END KEY-----', NEXT: '1' });
    });

    it('reads lines that look like entries inside a multi-line value as part of it', () => {
      expect(valid("A='x\nB=2\n# not a comment'")).toEqual({ A: 'x\nB=2\n# not a comment' });
    });

    it('turns CRLF and a lone CR inside a quoted value into LF', () => {
      expect(valid('A="l1\r\nl2\rl3"\r\n')).toEqual({ A: 'l1\nl2\nl3' });
    });

    it('does not close a value at a quote preceded by a backslash', () => {
      expect(valid(String.raw`A="x\"y"`).A).toBe(String.raw`x\"y`);
      expect(valid("A='it\\'s'").A).toBe("it\\'s");
    });
  });

  describe('line numbers', () => {
    it('counts CRLF, LF and lone CR line breaks alike', () => {
      expect(errorLines('A=1\r\nbad\r\n\r\nalso bad\nB=2\rworse')).toEqual([2, 4, 6]);
    });

    it('advances past every line of a multi-line quoted value', () => {
      expect(errorLines('A="1\r\n2\r\n3"\r\nbad\nB=\'x\n\ny\'\nbad again')).toEqual([4, 8]);
    });

    it('reports every error, each on its own line, and still reads the valid lines', () => {
      const { entries, errors } = parseDotenv('A=1\nno equals\nB: 2\nC=\nD=4\nE.F=5\nG="open');
      expect(Object.fromEntries(entries)).toEqual({ A: '1', D: '4' });
      expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 6, 7]);
    });
  });

  describe('errors', () => {
    it.each([
      ['a line without =', 'JUST_A_WORD', "expected KEY=VALUE but the line has no '='"],
      ['a shell command', 'echo hello', "expected KEY=VALUE but the line has no '='"],
      ['export without an assignment', 'export KEY', "expected KEY=VALUE but the line has no '='"],
      ['KEY: value', 'KEY: value', '`KEY: value` is not supported; write KEY=VALUE'],
      ['KEY:value', 'KEY:value', '`KEY: value` is not supported; write KEY=VALUE'],
      ['export KEY: value', 'export KEY: value', '`KEY: value` is not supported; write KEY=VALUE'],
      ['KEY: value with =', 'URL: http://h/?a=b', '`KEY: value` is not supported; write KEY=VALUE'],
      ['an empty value', 'KEY=', 'the value is empty'],
      ['a blank value', 'KEY=   \t', 'the value is empty'],
      ['a value that is only a comment', 'KEY= # nothing', 'the value is empty'],
      ['empty double quotes', 'KEY=""', 'the value is empty'],
      ['empty single quotes', "KEY=''", 'the value is empty'],
      ['empty backticks', 'KEY=``', 'the value is empty'],
      ['an unterminated double quote', 'KEY="abc', 'unterminated double quote opened on this line'],
      ['an unterminated single quote', "KEY='abc", 'unterminated single quote opened on this line'],
      ['an unterminated backtick', 'KEY=`abc', 'unterminated backtick quote opened on this line'],
      ['a closing quote preceded by a backslash', 'KEY="C:\\dir\\"', 'unterminated double quote opened on this line'],
      ['text after the closing quote', 'KEY="abc" def', 'unexpected text after the closing quote'],
      ['a second quoted part', "KEY='abc' 'def'", 'unexpected text after the closing quote'],
      ['U+2028 in an unquoted value', 'KEY=a\u2028B=1', 'U+2028 and U+2029 are only allowed inside quotes'],
      ['U+2029 in a comment', '# note\u2029B=1', 'U+2028 and U+2029 are only allowed inside quotes'],
      ['U+2028 before the key', '\u2028KEY=1', 'U+2028 and U+2029 are only allowed inside quotes'],
      ['U+2028 after a closing quote', 'KEY="a" #\u2028B=1', 'unexpected text after the closing quote'],
    ])('rejects %s', (_what, text, message) => {
      expect(parseDotenv(text)).toEqual({ entries: new Map(), errors: [{ line: 1, message }], errorCount: 1 });
    });

    it('accepts U+2028 inside quotes', () => {
      expect(valid('A="a\u2028b"').A).toBe('a\u2028b');
    });

    it('rejects a line that continues on the next one, which dotenv would join', () => {
      expect(errorLines('KEY\n=value')).toEqual([1, 2]);
    });

    it('rejects an empty value even when a quoted line follows (dotenv would take it)', () => {
      expect(parseDotenv('A=\n"b"').errors).toEqual([
        { line: 1, message: 'the value is empty' },
        { line: 2, message: "expected KEY=VALUE but the line has no '='" },
      ]);
    });

    it('names the line where an unterminated quote opened and reads on from the next line', () => {
      const { entries, errors } = parseDotenv('A=1\r\n# x\r\nB="open\r\nC=3\r\nbad\r\n');
      expect(errors).toEqual([
        { line: 3, message: 'unterminated double quote opened on this line' },
        { line: 5, message: "expected KEY=VALUE but the line has no '='" },
      ]);
      expect(Object.fromEntries(entries)).toEqual({ A: '1', C: '3' });
    });

    it('names the opening line and the closing line when text follows a multi-line value', () => {
      const { entries, errors } = parseDotenv('A="forgot to close\nB=2\nC="x"');
      expect(errors).toEqual([{ line: 1, message: 'unexpected text after the closing quote on line 3' }]);
      expect(Object.fromEntries(entries)).toEqual({ B: '2', C: 'x' });
    });

    it('skips all lines of a multi-line value whose key is invalid', () => {
      expect(parseDotenv('my-key="a\nb=\nc"\nD=1').errors).toEqual([
        { line: 1, message: 'the key must be 1-256 letters, digits or underscores' },
      ]);
    });

    it('checks the key before the value', () => {
      expect(parseDotenv('a.b=').errors).toEqual([
        { line: 1, message: 'the key must be 1-256 letters, digits or underscores' },
      ]);
    });
  });

  // A text of more keys than a scope holds is refused whatever else it holds (409, before anything
  // else): reading on through 100,000 lines to say so cost a tenth of a second of the event loop.
  describe('more keys than asked for', () => {
    it('stops reading once it has one key more than `maxKeys`', () => {
      const text = [...Array.from({ length: 1001 }, (_, i) => `K${i}=v`), 'not a line', 'K_LAST=v'].join('\n');
      const read = parseDotenv(text, 1000);
      expect(read.entries.size).toBe(1001);
      expect(read.entries.has('K_LAST')).toBe(false);
      expect(read.errorCount).toBe(0);
      expect(parseDotenv(text).entries.size).toBe(1002);
    });

    it('reads to the end when the keys are within `maxKeys`, a repeated key counted once', () => {
      const read = parseDotenv(['A=1', 'A=2', 'B=3', 'oops'].join('\n'), 2);
      expect(Object.fromEntries(read.entries)).toEqual({ A: '2', B: '3' });
      expect(read.errorCount).toBe(1);
    });
  });

  describe('value size', () => {
    it('accepts a value of exactly 64 KiB in UTF-8 and rejects one byte more', () => {
      expect(valid(`A=${'x'.repeat(MAX_VALUE_BYTES)}`).A).toHaveLength(MAX_VALUE_BYTES);
      expect(parseDotenv(`A=${'x'.repeat(MAX_VALUE_BYTES + 1)}`).errors).toEqual([
        { line: 1, message: 'the value is longer than 65536 bytes (64 KiB)' },
      ]);
    });

    it('counts UTF-8 bytes, not characters', () => {
      const half = 'é'.repeat(MAX_VALUE_BYTES / 2);
      expect(valid(`A="${half}"`).A).toBe(half);
      expect(errorLines(`A="${half}é"`)).toEqual([1]);
    });

    it('measures a double-quoted value after \\n expansion', () => {
      // 40,000 `\n` escapes are 80,000 bytes as written but 40,000 once expanded.
      expect(valid(`A="${'\\n'.repeat(40_000)}"`).A).toHaveLength(40_000);
    });

    it('accepts a single byte', () => {
      expect(valid('A=x\nB=" "')).toEqual({ A: 'x', B: ' ' });
    });
  });

  describe('secrecy', () => {
    const secret = 's3cr3t-Zq9';
    it.each([
      `${secret}`,
      `KEY: ${secret}`,
      `K.${secret}=x`,
      `${secret}.x=y`,
      `KEY="${secret}`,
      `KEY='${secret}' ${secret}`,
      `KEY=${secret.repeat(7000)}`,
      `KEY="${secret}\n${secret}" ${secret}`,
      `KEY=${secret}\u2028${secret}`,
      `${secret}\nKEY=`,
    ])('never quotes the file in an error message (%#)', (text) => {
      const { errors } = parseDotenv(text);
      expect(errors.length).toBeGreaterThan(0);
      for (const { message } of errors) expect(message).not.toContain(secret.slice(0, 4));
    });
  });
});
