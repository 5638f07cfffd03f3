import { describe, expect, it } from 'vitest';
import { createSecretsClient, InsecureTransport } from '../../clients/typescript';

describe('Where a token may go', () => {
  it('goes over https anywhere, and over plain http to loopback addresses only', () => {
    for (const baseUrl of ['https://secrets.example.com', 'http://127.0.0.1:3000', 'http://localhost:3000', 'http://[::1]:3000', 'http://127.1.2.3']) {
      expect(() => createSecretsClient({ baseUrl, token: 't' }), baseUrl).not.toThrow();
    }
  });

  it('is refused over plain http to any other host, with a message that names the host and not the token', () => {
    for (const baseUrl of ['http://secrets.example.com', 'http://10.0.0.5:3000', 'http://127.0.0.1.example.com']) {
      let error: unknown;
      try {
        createSecretsClient({ baseUrl, token: 'the-token-itself' });
      } catch (e) {
        error = e;
      }
      expect(error, baseUrl).toBeInstanceOf(InsecureTransport);
      expect((error as Error).message).toContain(new URL(baseUrl).host);
      expect((error as Error).message).not.toContain('the-token-itself');
    }
  });

  it('does not stop a client without a token (health checks, public keys)', () => {
    expect(() => createSecretsClient({ baseUrl: 'http://secrets.example.com' })).not.toThrow();
  });
});
