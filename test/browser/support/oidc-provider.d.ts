/** The little of oidc-provider (which ships no types) the browser tests use. */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  type Account = { accountId: string; claims: () => Promise<Record<string, unknown>> };
  export type Configuration = {
    clients: Array<Record<string, unknown>>;
    findAccount: (context: unknown, id: string) => Promise<Account>;
    claims?: Record<string, string[]>;
    pkce?: { required: () => boolean };
    conformIdTokenClaims?: boolean;
    features?: Record<string, { enabled: boolean }>;
    jwks?: { keys: Array<Record<string, unknown>> };
    cookies?: { keys: string[] };
  };

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
    proxy: boolean;
  }
}
