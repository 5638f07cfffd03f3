import fastifyCors from '@fastify/cors';
import fp from 'fastify-plugin';

/** What a browser page on a listed origin may send (DESIGN §10), and what it may read of an answer. */
export const CORS_ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'If-Match', 'X-Min-Position', 'X-Request-Id'] as const;
export const CORS_EXPOSED_HEADERS = ['ETag', 'X-Position', 'X-Request-Id'] as const;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
/** How long a browser may reuse a preflight's answer (Chromium caps it at 2 hours). */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * An exact origin as a browser sends it: `http(s)://host[:port]`, nothing after it. `*` and
 * `null` are not origins here: `null` is what sandboxed frames and `file:` pages send, and any of
 * them could claim it.
 */
export function isExactOrigin(text: string): boolean {
  const url = URL.parse(text);
  return url !== null && (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text;
}

/**
 * CORS for the origins of CORS_ORIGINS (none by default: then nothing is registered and a
 * preflight is a 404 like any unknown route). Registered at the root, before the /v1 API, so its
 * onRequest hook answers a preflight before authentication and the rate limits see it.
 *
 * @fastify/cors with a list of exact strings does what DESIGN §10 asks: it reflects a listed
 * origin only (never `*`, never `null` unless listed, which the configuration refuses), adds
 * `Vary: Origin` to every answer, and sends no `Access-Control-Allow-Credentials`. A preflight
 * from an unlisted origin is answered without `Access-Control-Allow-Origin`, so the browser stops
 * there. `strictPreflight` is off: its refusal of an OPTIONS request without
 * Access-Control-Request-Method is plain text, and every error here is a problem; such a request
 * gets the same empty 204.
 */
export const corsPlugin = fp<{ origins: readonly string[] }>(
  async (app, { origins }) => {
    if (origins.length === 0) return;
    const bad = origins.filter((origin) => !isExactOrigin(origin));
    if (bad.length > 0) throw new Error(`CORS origins must be exact origins (scheme://host[:port]): ${bad.join(', ')}`);
    await app.register(fastifyCors, {
      origin: [...origins],
      methods: METHODS,
      allowedHeaders: [...CORS_ALLOWED_HEADERS],
      exposedHeaders: [...CORS_EXPOSED_HEADERS],
      credentials: false,
      maxAge: PREFLIGHT_MAX_AGE_SECONDS,
      strictPreflight: false,
      hook: 'onRequest',
    });
  },
  { name: 'cors' },
);
