import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';

describe('the configuration', () => {
  it('ends requests not received in full after 30 s unless REQUEST_TIMEOUT_MS says otherwise', () => {
    expect(loadConfig({}).REQUEST_TIMEOUT_MS).toBe(30_000);
    expect(loadConfig({ REQUEST_TIMEOUT_MS: '1500' }).REQUEST_TIMEOUT_MS).toBe(1500);
  });

  it('refuses a request timeout under a second, naming the variable', () => {
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '999' })).toThrow(/REQUEST_TIMEOUT_MS/);
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: 'soon' })).toThrow(/REQUEST_TIMEOUT_MS/);
  });
});
