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

  it('keeps deleted things 30 days unless DELETED_RETENTION_DAYS says otherwise (0: for ever)', () => {
    expect(loadConfig({}).DELETED_RETENTION_DAYS).toBe(30);
    expect(loadConfig({ DELETED_RETENTION_DAYS: '0' }).DELETED_RETENTION_DAYS).toBe(0);
    expect(loadConfig({ DELETED_RETENTION_DAYS: '7' }).DELETED_RETENTION_DAYS).toBe(7);
  });

  it('keeps every record unless RECORD_RETENTION_DAYS says otherwise, up to 100 years', () => {
    expect(loadConfig({}).RECORD_RETENTION_DAYS).toBe(0);
    expect(loadConfig({ RECORD_RETENTION_DAYS: '365' }).RECORD_RETENTION_DAYS).toBe(365);
    expect(loadConfig({ RECORD_RETENTION_DAYS: '36500' }).RECORD_RETENTION_DAYS).toBe(36_500);
    for (const bad of ['-1', '36501', '0.5', 'year']) expect(() => loadConfig({ RECORD_RETENTION_DAYS: bad })).toThrow(/RECORD_RETENTION_DAYS/);
  });

  it('refuses a retention that is negative or not a whole number of days, naming the variable', () => {
    expect(() => loadConfig({ DELETED_RETENTION_DAYS: '-1' })).toThrow(/DELETED_RETENTION_DAYS/);
    expect(() => loadConfig({ DELETED_RETENTION_DAYS: '1.5' })).toThrow(/DELETED_RETENTION_DAYS/);
    expect(() => loadConfig({ DELETED_RETENTION_DAYS: 'month' })).toThrow(/DELETED_RETENTION_DAYS/);
  });
});

describe('the configuration in production (NODE_ENV=production)', () => {
  const key = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
  const complete = { NODE_ENV: 'production', SECRETS_MASTER_KEYS: key, JWT_SECRET: 'x'.repeat(32), AUDIT_SIGNING_KEY: key };

  it('starts when every secret is given', () => {
    expect(loadConfig(complete).AUDIT_SIGNING_KEY).toBe(key);
  });

  it('refuses the development secrets, naming each one missing', () => {
    expect(() => loadConfig({ ...complete, AUDIT_SIGNING_KEY: undefined })).toThrow(/NODE_ENV=production needs AUDIT_SIGNING_KEY/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SECRETS_MASTER_KEYS, JWT_SECRET, AUDIT_SIGNING_KEY/);
  });

  it('needs no signing key for an API instance, which signs no seals', () => {
    expect(() => loadConfig({ ...complete, AUDIT_SIGNING_KEY: undefined, SERVICE_ROLE: 'api' })).not.toThrow();
  });

  it('refuses a signing key that is not <id>:<base64 of 32 bytes>, naming the variable', () => {
    expect(() => loadConfig({ AUDIT_SIGNING_KEY: 'k1:short' })).toThrow(/AUDIT_SIGNING_KEY/);
    expect(() => loadConfig({ AUDIT_SIGNING_KEY: Buffer.alloc(32).toString('base64') })).toThrow(/AUDIT_SIGNING_KEY/);
  });
});
