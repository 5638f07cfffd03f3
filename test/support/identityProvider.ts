import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSigner, type JwtHeader } from 'fast-jwt';

export type Algorithm = 'RS256' | 'ES256' | 'EdDSA';

/** A signing key of a test identity provider: its private PEM and the public JWK it publishes. */
export type ProviderKey = Readonly<{ kid: string; algorithm: Algorithm; privatePem: string; jwk: Record<string, unknown> }>;

export function providerKey(algorithm: Algorithm, kid: string): ProviderKey {
  const pair =
    algorithm === 'RS256'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : algorithm === 'ES256'
        ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
        : generateKeyPairSync('ed25519');
  const jwk = { ...(pair.publicKey.export({ format: 'jwk' }) as Record<string, unknown>), kid, use: 'sig' };
  return { kid, algorithm, privatePem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), jwk };
}

export type ProviderTokenOptions = {
  issuer: string;
  audience: string | string[];
  claims?: Record<string, unknown>;
  /** Header fields beyond alg and kid (jku, jwk, … for the refusals). */
  header?: Record<string, unknown>;
  /** Sign as this key but name another `kid` (or none: null). */
  kid?: string | null;
  expiresInMs?: number;
};

/** A token as the provider would sign it with `key`. */
export function providerToken(key: ProviderKey, sub: string, options: ProviderTokenOptions): string {
  const kid = options.kid === undefined ? key.kid : options.kid;
  const sign = createSigner({
    key: key.privatePem,
    algorithm: key.algorithm,
    ...(kid === null ? {} : { kid }),
    iss: options.issuer,
    aud: options.audience,
    expiresIn: options.expiresInMs ?? 3_600_000,
    // fast-jwt fills in alg and kid; the extra fields go beside them.
    ...(options.header ? { header: { alg: key.algorithm, ...options.header } as JwtHeader } : {}),
  });
  return sign({ sub, ...options.claims });
}

/** A JWKS endpoint on 127.0.0.1 whose keys a test changes, counting the fetches it answers. */
export type JwksServer = {
  url: string;
  /** What the endpoint publishes now (JWKs, `oct` and malformed ones included if a test puts them there). */
  keys: Array<Record<string, unknown>>;
  fetches: number;
  /** Answers with this status (and no key set) while set. */
  failWith: number | null;
  close(): Promise<void>;
};

export async function startJwksServer(keys: readonly ProviderKey[]): Promise<JwksServer> {
  const state = { keys: keys.map((k) => k.jwk), fetches: 0, failWith: null as number | null };
  const server: Server = createServer((_request, response) => {
    state.fetches += 1;
    if (state.failWith !== null) {
      response.writeHead(state.failWith).end('down');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: state.keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/jwks.json`,
    get keys() {
      return state.keys;
    },
    set keys(value) {
      state.keys = value;
    },
    get fetches() {
      return state.fetches;
    },
    set fetches(value) {
      state.fetches = value;
    },
    get failWith() {
      return state.failWith;
    },
    set failWith(value) {
      state.failWith = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
