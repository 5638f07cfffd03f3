import type { SignInProvider } from './signIn';

/** What the service tells the page (GET /ui/config.json): the issuer and this page's client id. */
export type OidcSettings = Readonly<{ issuer: string; clientId: string }>;

/** A sign-in begun here and not yet finished: kept in sessionStorage across the trip to the provider. */
type Pending = Readonly<{ state: string; verifier: string; nonce: string; redirectUri: string }>;

const PENDING_KEY = 'secrets-ui.oidc-pending';
const SCOPE = 'openid email profile';

type Discovery = Readonly<{ authorization_endpoint: string; token_endpoint: string; issuer: string }>;

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const randomText = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

async function challengeOf(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

async function discover(issuer: string): Promise<Discovery> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(url, { credentials: 'omit', cache: 'no-store' });
  if (!response.ok) throw new Error(`The identity provider's configuration could not be read (${response.status})`);
  const discovery = (await response.json()) as Partial<Discovery>;
  if (!discovery.authorization_endpoint || !discovery.token_endpoint || discovery.issuer !== issuer) {
    throw new Error("The identity provider's configuration is not for this issuer");
  }
  return discovery as Discovery;
}

/** The claims of a JWT, unverified: the page only checks that the ID token answers its own request (nonce). */
function claimsOf(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
}

/**
 * OpenID Connect sign-in, authorization code with PKCE (S256), as a public client: `start` sends
 * the browser to the provider with a fresh state, nonce and code challenge; `complete` takes the
 * code it brings back, removes it from the address before anything else, checks the state,
 * exchanges the code with its verifier and checks the ID token's nonce. The ID token is the
 * bearer token: it is always a JWT, names this client as its audience and carries the email the
 * service invites by (JWT_AUDIENCE must include the client id). The service verifies it.
 */
export function oidcProvider(settings: OidcSettings): SignInProvider {
  return {
    name: 'single sign-on',
    async start() {
      const discovery = await discover(settings.issuer);
      const pending: Pending = { state: randomText(), verifier: randomText(), nonce: randomText(), redirectUri: `${location.origin}/ui` };
      sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
      const url = new URL(discovery.authorization_endpoint);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: settings.clientId,
        redirect_uri: pending.redirectUri,
        scope: SCOPE,
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await challengeOf(pending.verifier),
        code_challenge_method: 'S256',
      }).toString();
      location.assign(url.toString());
    },
    async complete(current, history) {
      const query = new URLSearchParams(current.search);
      if (!query.has('state') || !(query.has('code') || query.has('error'))) return null;
      // The code and state leave the address (and history) before any await.
      history.replaceState(history.state, '', current.pathname);
      const stored = sessionStorage.getItem(PENDING_KEY);
      sessionStorage.removeItem(PENDING_KEY);
      const pending = stored === null ? null : (JSON.parse(stored) as Pending);
      if (pending === null || query.get('state') !== pending.state) throw new Error('That sign-in was not started here, or was started twice: sign in again.');
      if (query.has('error')) throw new Error(`The identity provider refused the sign-in: ${query.get('error_description') ?? query.get('error')}`);
      const discovery = await discover(settings.issuer);
      const response = await fetch(discovery.token_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: query.get('code')!,
          redirect_uri: pending.redirectUri,
          client_id: settings.clientId,
          code_verifier: pending.verifier,
        }),
        credentials: 'omit',
        cache: 'no-store',
      });
      if (!response.ok) throw new Error(`The identity provider did not give a token (${response.status}): sign in again.`);
      const { id_token: idToken } = (await response.json()) as { id_token?: string };
      if (!idToken || claimsOf(idToken).nonce !== pending.nonce) throw new Error('The identity provider answered with a token for another sign-in: sign in again.');
      return idToken;
    },
  };
}
