import { describe, expect, it } from 'vitest';
import { leakForms, leaksIn } from './leaks';

describe('the leak scanner used by the leak tests', () => {
  const value = 'sk_live_0123456789abcdef';

  it('finds a value as is, in base64, base64url and hex', () => {
    for (const form of leakForms(value)) expect(leaksIn(`prefix ${form} suffix`, [value])).toEqual([value]);
  });

  it('finds nothing where the value is absent', () => {
    expect(leaksIn('nothing to see', [value])).toEqual([]);
  });
});
