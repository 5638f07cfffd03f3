import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config';
import { algorithmOf } from '../../../src/api/tokens/verifyingKey';

const provider = { JWT_JWKS_URL: 'https://id.example.com/jwks', JWT_ISSUER: 'https://id.example.com', JWT_AUDIENCE: 'secrets, ui' };

describe('identity provider settings (DESIGN §10)', () => {
  it('reads the provider, its audiences, alias and the service issuers (local alone by default)', () => {
    const config = loadConfig(provider);
    expect(config.JWT_AUDIENCE).toEqual(['secrets', 'ui']);
    expect(config.JWT_ISSUER_ALIAS).toBe('idp');
    expect(config.JWT_SERVICE_ISSUERS).toEqual(['local']);
    expect(loadConfig({ ...provider, JWT_ISSUER_ALIAS: 'acme', JWT_SERVICE_ISSUERS: 'local,acme' }).JWT_SERVICE_ISSUERS).toEqual(['local', 'acme']);
  });

  it('refuses settings that do not hold together, naming the variables', () => {
    expect(() => loadConfig({ ...provider, JWT_PUBLIC_KEY_FILE: '/keys.pem' })).toThrow(/JWT_JWKS_URL and JWT_PUBLIC_KEY_FILE/);
    expect(() => loadConfig({ JWT_JWKS_URL: provider.JWT_JWKS_URL })).toThrow(/JWT_ISSUER and JWT_AUDIENCE/);
    expect(() => loadConfig({ JWT_ISSUER: provider.JWT_ISSUER, JWT_AUDIENCE: 'x' })).toThrow(/JWT_JWKS_URL or JWT_PUBLIC_KEY_FILE/);
    expect(() => loadConfig({ ...provider, JWT_SERVICE_ISSUERS: 'local,google' })).toThrow(/JWT_SERVICE_ISSUERS: google/);
    expect(() => loadConfig({ JWT_SERVICE_ISSUERS: 'idp' })).toThrow(/JWT_SERVICE_ISSUERS/);
    expect(() => loadConfig({ ...provider, JWT_ISSUER_ALIAS: 'local' })).toThrow(/JWT_ISSUER_ALIAS/);
    expect(() => loadConfig({ ...provider, JWT_ISSUER_ALIAS: 'a:b' })).toThrow(/JWT_ISSUER_ALIAS/);
    // Its principals would all be refused: `system…` is the service's own actor.
    expect(() => loadConfig({ ...provider, JWT_ISSUER_ALIAS: 'system' })).toThrow(/JWT_ISSUER_ALIAS: .*reserved/);
    expect(() => loadConfig({ ...provider, JWT_ISSUER_ALIAS: 'SystemIdp' })).toThrow(/JWT_ISSUER_ALIAS/);
    expect(() => loadConfig({ ...provider, JWT_JWKS_URL: 'file:///etc/keys' })).toThrow(/JWT_JWKS_URL/);
    expect(() => loadConfig({ UI_OIDC_ISSUER: 'https://id.example.com' })).toThrow(/UI_OIDC_ISSUER and UI_OIDC_CLIENT_ID/);
  });

  it('lets production run without JWT_SECRET (HS256 off) only with an identity provider', () => {
    const key = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
    const production = { NODE_ENV: 'production', SECRETS_MASTER_KEYS: key, AUDIT_SIGNING_KEY: key };
    expect(() => loadConfig(production)).toThrow(/NODE_ENV=production needs JWT_SECRET/);
    expect(loadConfig({ ...production, ...provider }).JWT_SECRET).toBeUndefined();
  });
});

describe('the algorithm a JWK is for', () => {
  it('comes from the key type and curve, never from elsewhere', () => {
    expect(algorithmOf({ kty: 'RSA' })).toBe('RS256');
    expect(algorithmOf({ kty: 'EC', crv: 'P-256' })).toBe('ES256');
    expect(algorithmOf({ kty: 'OKP', crv: 'Ed25519' })).toBe('EdDSA');
  });

  it('ignores oct keys, other curves, keys for other algorithms or not for signatures', () => {
    for (const jwk of [
      { kty: 'oct', k: 'c2VjcmV0' },
      { kty: 'EC', crv: 'P-384' },
      { kty: 'OKP', crv: 'X25519' },
      { kty: 'RSA', alg: 'PS256' },
      { kty: 'RSA', use: 'enc' },
      { kty: 'EC', crv: 'P-256', key_ops: ['encrypt'] },
    ]) {
      expect(algorithmOf(jwk), JSON.stringify(jwk)).toBeNull();
    }
    expect(algorithmOf({ kty: 'RSA', alg: 'RS256', use: 'sig', key_ops: ['verify'] })).toBe('RS256');
  });
});
