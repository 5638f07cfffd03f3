import type { App } from '../../src/api/deps';
import { checkAnswer } from './client';

/** Where the TypeScript client sends its requests: a server over HTTP, or an app in process. */
export type Transport = Readonly<{ baseUrl: string; fetch: (request: Request) => Promise<Response> }>;

/** A real server: the client's own fetch. */
export function httpTransport(baseUrl: string): Transport {
  return { baseUrl, fetch: (request) => fetch(request) };
}

/**
 * An app in process: each request of the client goes through fastify's inject, and its answer
 * is checked against the app's OpenAPI document like every other call of the tests.
 */
export function injectTransport(app: App): Transport {
  return {
    baseUrl: 'http://127.0.0.1',
    fetch: async (request) => {
      const url = new URL(request.url);
      const payload = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
      const reply = await app.inject({ method: request.method as 'GET', url: `${url.pathname}${url.search}`, headers: Object.fromEntries(request.headers), payload });
      const headers = reply.headers as Record<string, string>;
      await checkAnswer(app, request.method, `${url.pathname}${url.search}`, { status: reply.statusCode, headers, text: reply.body });
      const bodiless = reply.statusCode === 204 || reply.statusCode === 304;
      return new Response(bodiless ? null : reply.rawPayload, { status: reply.statusCode, headers: Object.entries(headers).map(([k, v]) => [k, String(v)]) });
    },
  };
}

/** The same transport, keeping the text of every answer `keep` picks (for leak checks). */
export function recording(transport: Transport, keep: (method: string, path: string) => boolean): Transport & { texts: string[] } {
  const texts: string[] = [];
  return {
    baseUrl: transport.baseUrl,
    texts,
    fetch: async (request) => {
      const response = await transport.fetch(request);
      if (keep(request.method, new URL(request.url).pathname)) texts.push(await response.clone().text());
      return response;
    },
  };
}
