import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const UI_CLIENT_ID = 'secrets-settings-page';

export type OidcProvider = {
  issuer: string;
  /** Where the service fetches the provider's keys (JWT_JWKS_URL). */
  jwksUrl: string;
  /** Starts answering, with the settings page at `pageUrl` (…/ui) as its one public client. */
  serve(pageUrl: string): void;
  close(): Promise<void>;
};

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on 127.0.0.1, with its development
 * interactions (any login and password sign in as that login) and consent, each user's email
 * verified. The port is taken first, since the service must know the issuer before it starts
 * and the provider must know the page (the redirect URI) before it answers.
 */
export async function startOidcProvider(): Promise<OidcProvider> {
  let handler: ((request: IncomingMessage, response: ServerResponse) => void) | null = null;
  const server = createServer((request, response) => {
    if (handler) handler(request, response);
    else response.writeHead(503).end('not serving yet');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signingKey = { ...(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }) as Record<string, unknown>), kid: 'test-rs256', use: 'sig', alg: 'RS256' };
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    serve(pageUrl) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: UI_CLIENT_ID,
            application_type: 'web',
            token_endpoint_auth_method: 'none',
            redirect_uris: [pageUrl],
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        findAccount: async (_context, id) => ({
          accountId: id,
          claims: async () => ({ sub: id, email: `${id}@example.com`, email_verified: true }),
        }),
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: [] },
        pkce: { required: () => true },
        // The email claims go into the ID token (the page's bearer token), not only to userinfo.
        conformIdTokenClaims: false,
        features: { devInteractions: { enabled: true } },
        jwks: { keys: [signingKey] },
        cookies: { keys: [randomBytes(32).toString('base64url')] },
      });
      handler = provider.callback();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
