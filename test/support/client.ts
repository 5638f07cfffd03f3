import type { App } from '../../src/api/deps';
import { OpenapiAnswers, type Answer } from './openapiAnswers';

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

/** The checker of each app's own document, read once from /docs/json (none for a bare app a test made without it). */
const documents = new WeakMap<App, Promise<OpenapiAnswers | null>>();
/** Apps built alike serve the same document: its schemas are compiled once for all of them. */
const checkers = new Map<string, OpenapiAnswers>();

function answersOf(app: App): Promise<OpenapiAnswers | null> {
  let answers = documents.get(app);
  if (!answers) {
    answers = app.inject({ method: 'GET', url: '/docs/json' }).then((reply) => {
      if (reply.statusCode !== 200) return null;
      let checker = checkers.get(reply.body);
      if (!checker) checkers.set(reply.body, (checker = new OpenapiAnswers(reply.json())));
      return checker;
    });
    documents.set(app, answers);
  }
  return answers;
}

/**
 * Calls the app in process (fastify's inject): what every test app's `call` is. Every answer is
 * checked against the app's OpenAPI document (status, content type, body, headers): a call whose
 * answer the document does not describe fails the test that made it.
 */
export function injectClient(app: App): Client {
  return async (method, url, options = {}) => {
    const response = await app.inject({
      method: method as 'GET',
      url,
      headers: headersFor(options),
      payload: payloadOf(options),
      ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
    });
    const reply = { status: response.statusCode, headers: response.headers as Record<string, string>, body: parse(response.body), text: response.body };
    await checkAnswer(app, method, url, reply);
    return reply;
  };
}

/** Throws UndocumentedAnswer when the app's OpenAPI document does not describe this answer. */
export async function checkAnswer(app: App, method: string, url: string, answer: Answer): Promise<void> {
  const problems = (await answersOf(app))?.problemsOf(method.toUpperCase(), url, answer) ?? [];
  if (problems.length > 0) throw new UndocumentedAnswer(problems);
}

/** An answer the OpenAPI document does not describe: fix the answer or the document. */
export class UndocumentedAnswer extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The answer does not match the OpenAPI document:\n- ${problems.join('\n- ')}`);
    this.name = 'UndocumentedAnswer';
  }
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
