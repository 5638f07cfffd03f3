import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact } from '../../clients/typescript';

describe('redact(text, masks)', () => {
  it('replaces every occurrence of each value', () => {
    expect(redact('key=sk_live_1 again sk_live_1', ['sk_live_1'])).toBe('key=[REDACTED] again [REDACTED]');
  });

  it('matches the longest value first, so a value containing another is never half shown', () => {
    expect(redact('token abc123456 and abc', ['abc', 'abc123456'])).toBe('token [REDACTED] and [REDACTED]');
  });

  it('catches the common encodings: JSON-escaped, base64 (also URL-safe, unpadded), URL-encoded', () => {
    const value = 'p@ss "w/rd"?\n+';
    expect(redact(JSON.stringify({ password: value }), [value])).toBe('{"password":"[REDACTED]"}');
    expect(redact(`b64=${Buffer.from(value).toString('base64')};`, [value])).toBe('b64=[REDACTED];');
    expect(redact(`b64url=${Buffer.from(value).toString('base64url')};`, [value])).toBe('b64url=[REDACTED];');
    expect(redact(`https://x.test/?p=${encodeURIComponent(value)}&q=1`, [value])).toBe('https://x.test/?p=[REDACTED]&q=1');
  });

  it('leaves a text without the values as it is, and ignores empty masks', () => {
    expect(redact('nothing here', ['secret', ''])).toBe('nothing here');
    expect(redact('nothing here', [])).toBe('nothing here');
  });

  it('takes its own replacement', () => {
    expect(redact('a secret', ['secret'], { replacement: '***' })).toBe('a ***');
  });

  it('never leaves a value in the text, whatever surrounds it (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4 }), fc.string(), fc.string(), (value, before, after) => {
        fc.pre(!'[REDACTED]'.includes(value));
        expect(redact(`${before}${value}${after}`, [value])).not.toContain(value);
      }),
    );
  });
});
