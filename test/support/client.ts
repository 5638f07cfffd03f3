import type { App } from '../../src/api/deps';

export type Reply = { status: number; headers: Record<string, string>; body: unknown; text: string };
/**
 * `body` is sent as JSON; `rawBody` as it is (bytes that are not UTF-8 included), as JSON unless `headers` say otherwise.
 * `remoteAddress`: the peer the request comes from (in process only; 127.0.0.1 otherwise).
 */
export type RequestOptions = { token?: string; body?: unknown; rawBody?: string | Buffer; headers?: Record<string, string>; remoteAddress?: string };
export type Client = (method: string, url: string, options?: RequestOptions) => Promise<Reply>;

function headersFor(options: RequestOptions): Record<string, string> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined || options.rawBody !== undefined) headers['content-type'] ??= 'application/json';
  return headers;
}

/** What goes on the wire: `rawBody` as it is, or `body` as JSON. */
function payloadOf(options: RequestOptions): string | Buffer | undefined {
  return options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
}

function parse(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

/** Calls the app in process (fastify's inject): what every test app's `call` is. */
export function injectClient(app: App): Client {
  return async (method, url, options = {}) => {
    const response = await app.inject({
      method: method as 'GET',
      url,
      headers: headersFor(options),
      payload: payloadOf(options),
      ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
    });
    return { status: response.statusCode, headers: response.headers as Record<string, string>, body: parse(response.body), text: response.body };
  };
}

/** Calls a server over real HTTP. */
export function httpClient(baseUrl: string): Client {
  return async (method, url, options = {}) => {
    const payload = payloadOf(options);
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: headersFor(options),
      body: typeof payload === 'string' || payload === undefined ? payload : Uint8Array.from(payload),
    });
    const text = await response.text();
    return { status: response.status, headers: Object.fromEntries(response.headers), body: parse(text), text };
  };
}
