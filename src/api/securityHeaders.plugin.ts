import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import { isUiUrl, UI_CSP_DIRECTIVES } from './ui.plugin';

/**
 * The headers helmet would set, worked out once: helmet computes its policies on every call, and
 * on the resolution hot path that cost ~10% of the time. The headers do not depend on the request.
 */
export function helmetHeaders(options: HelmetOptions): ReadonlyArray<[string, string]> {
  const headers: Array<[string, string]> = [];
  const response = {
    setHeader: (name: string, value: string | number) => headers.push([name, String(value)]),
    removeHeader: () => {},
  } as unknown as ServerResponse;
  helmet(options)({} as IncomingMessage, response, () => {});
  return headers;
}

/**
 * Security headers on every answer: helmet's defaults for the JSON API, and a policy that lets
 * the OpenAPI UI at /docs run its own scripts and styles (swagger-ui's hashes). Answers of the
 * /v1 API, which hold secrets or their metadata, must never sit in a shared cache: no-store.
 */
export const securityHeadersPlugin = fp<{ docsCsp: { script: string[]; style: string[] } }>(
  async (app, { docsCsp }) => {
    // JSON answers: helmet, without the headers that only matter to HTML pages in old browsers,
    // and a policy that allows nothing (an API answer is never a document to render).
    const api = helmetHeaders({
      contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] } },
      originAgentCluster: false,
      xDnsPrefetchControl: false,
      xDownloadOptions: false,
      xPermittedCrossDomainPolicies: false,
      xXssProtection: false,
    });
    const docs = helmetHeaders({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'", ...docsCsp.script],
          'style-src': ["'self'", 'https:', ...docsCsp.style],
        },
      },
    });
    const uiPages = Object.fromEntries(helmetHeaders({ contentSecurityPolicy: { useDefaults: false, directives: UI_CSP_DIRECTIVES } }));
    const v1 = Object.fromEntries([...api, ['cache-control', 'no-store']]);
    const other = Object.fromEntries(api);
    const docsPages = Object.fromEntries(docs);
    app.addHook('onSend', (request, reply, payload, done) => {
      const url = request.url;
      reply.headers(url.startsWith('/v1/') ? v1 : url.startsWith('/docs') ? docsPages : isUiUrl(url) ? uiPages : other);
      done(null, payload);
    });
  },
  { name: 'security-headers' },
);
