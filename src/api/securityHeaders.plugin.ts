import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import { isUiRoute, uiCspDirectives, type UiOidc } from './ui.plugin';

/**
 * The headers helmet would set, worked out once: helmet computes its policies on every call, and
 * on the resolution hot path that cost ~10% of the time. The headers do not depend on the request.
 */
export function helmetHeaders(options: HelmetOptions): ReadonlyArray<[string, string]> {
  const headers: Array<[string, string]> = [];
  // A stand-in that only records headers: helmet calls no other part of a response (double cast justified).
  const response = {
    setHeader: (name: string, value: string | number) => headers.push([name, String(value)]),
    removeHeader: () => {},
  } as unknown as ServerResponse;
  helmet(options)({} as IncomingMessage, response, () => {});
  return headers;
}

/**
 * The headers of every answer but the /docs pages: helmet's, without those that only matter to
 * HTML pages in old browsers, a policy that allows nothing (an API answer is never a document
 * to render), and no-store. Exported for the answers no hook sees (URLs the router refuses).
 */
export const apiAnswerHeaders: Readonly<Record<string, string>> = Object.fromEntries([
  ...helmetHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] } },
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  }),
  ['cache-control', 'no-store'],
]);

/**
 * Security headers on every answer: helmet's defaults for the JSON API, and a policy that lets
 * the OpenAPI UI at /docs run its own scripts and styles (swagger-ui's hashes). Answers of the
 * /v1 API, which hold secrets or their metadata, must never sit in a shared cache: no-store.
 *
 * Which headers apply is decided by the route that matched, not by the URL as sent: the router
 * decodes the path, so `/%76%31/resolve` is the /v1/resolve route, and a prefix test on the raw
 * URL would miss it. Every answer but the /docs pages gets the API's headers and no-store, those
 * no route matched (404s, URLs the router refused) included: simpler than decoding their paths,
 * and no answer of this service is worth caching anyway.
 */
export const securityHeadersPlugin = fp<{ docsCsp: { script: string[]; style: string[] }; uiOidc?: UiOidc }>(
  async (app, { docsCsp, uiOidc }) => {
    const docs = helmetHeaders({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'", ...docsCsp.script],
          'style-src': ["'self'", 'https:', ...docsCsp.style],
        },
      },
    });
    const uiPages = Object.fromEntries(helmetHeaders({ contentSecurityPolicy: { useDefaults: false, directives: uiCspDirectives(uiOidc) } }));
    const docsPages = Object.fromEntries(docs);
    app.addHook('onSend', (request, reply, payload, done) => {
      const route = request.routeOptions.url;
      reply.headers(isDocsRoute(route) ? docsPages : isUiRoute(route) ? uiPages : apiAnswerHeaders);
      // Every answer names its request: the id every event it caused records.
      reply.header('x-request-id', request.id);
      done(null, payload);
    });
  },
  { name: 'security-headers' },
);

/** The route patterns of the OpenAPI UI and documents (`/docs`, `/docs/json`, `/docs/static/*`, …). */
function isDocsRoute(pattern: string | undefined): boolean {
  return pattern !== undefined && (pattern === '/docs' || pattern.startsWith('/docs/'));
}
