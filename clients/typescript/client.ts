import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema';
import { assertTokenMayTravel } from './tokenTransport';

export type SecretsClientOptions = Readonly<{
  /** Where the service is: `https://secrets.example.com`, or `http://127.0.0.1:3000` on this machine. */
  baseUrl: string;
  /** The bearer token; never sent over plain http:// but to a loopback address (InsecureTransport). */
  token?: string;
  /** A fetch of your own (tests, proxies); the global one by default. */
  fetch?: (request: Request) => Promise<Response>;
}>;

/** Typed calls of every route of the service's OpenAPI document (openapi-fetch over the generated `paths`). */
export type SecretsClient = Client<paths>;

/**
 * A client of the service: `client.GET('/v1/workspaces/{ws}/secrets', {params: {path: {ws}}})`
 * answers `{data, error, response}`, typed by the document (`unwrap` turns it into data or a
 * SecretsApiError). The token goes in every request's Authorization header.
 */
export function createSecretsClient(options: SecretsClientOptions): SecretsClient {
  const baseUrl = new URL(options.baseUrl);
  if (options.token !== undefined) assertTokenMayTravel(baseUrl);
  const client = createClient<paths>({ baseUrl: baseUrl.href.replace(/\/+$/, ''), ...(options.fetch ? { fetch: options.fetch } : {}) });
  const { token } = options;
  if (token !== undefined) {
    client.use({
      onRequest: ({ request }) => {
        request.headers.set('authorization', `Bearer ${token}`);
        return request;
      },
    });
  }
  return client;
}
