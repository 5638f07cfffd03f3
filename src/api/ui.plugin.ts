import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendProblem } from './problemDetails.plugin';

/** OpenID Connect sign-in for the page (UI_OIDC_ISSUER, UI_OIDC_CLIENT_ID): a public client, code + PKCE. */
export type UiOidc = Readonly<{ issuer: string; clientId: string }>;

/**
 * The settings page's policy: its own scripts, styles, images and API calls, nothing inline,
 * no framing, no forms posting anywhere, no <base>. With OpenID Connect sign-in, the page also
 * calls its issuer (discovery, token endpoint): that origin is added to `connect-src`.
 * securityHeaders.plugin.ts sends it.
 */
export function uiCspDirectives(oidc?: UiOidc): Record<string, string[]> {
  return {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'connect-src': ["'self'", ...(oidc ? [new URL(oidc.issuer).origin] : [])],
    'img-src': ["'self'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
}

/** What the page reads at start from /ui/config.json: how to sign in. */
export type UiConfig = Readonly<{ oidc: UiOidc | null }>;

/** The route patterns of the page: `/ui`, `/ui/` and everything under it (not `/uix`). */
export const isUiRoute = (pattern: string | undefined) => pattern === '/ui' || pattern?.startsWith('/ui/') === true;

/** The package's root: the nearest folder with a package.json above this file (src/api or dist). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Where `npm ci` (the `prepare` script, ui/build.ts) writes the page. */
export const defaultUiRoot = () => join(packageRoot(), 'dist', 'ui');

/**
 * Serves the settings page built into dist/ui at /ui (and /ui/): static files and its settings
 * (/ui/config.json), no token needed (the page holds no data; it calls /v1 with the user's token). Without a build (an install
 * with --ignore-scripts), /ui answers a 503 problem that says how to build it.
 */
export async function uiPlugin(app: FastifyInstance, { root = defaultUiRoot(), oidc }: { root?: string; oidc?: UiOidc }) {
  if (!existsSync(join(root, 'index.html'))) {
    const notBuilt = (_request: unknown, reply: FastifyReply) =>
      sendProblem(reply, 503, 'ui_not_built', 'The settings page is not built: run `npm run prepare`, then restart the service');
    app.get('/ui', { schema: { hide: true } }, notBuilt);
    app.get('/ui/*', { schema: { hide: true } }, notBuilt);
    return;
  }
  await app.register(fastifyStatic, { root, prefix: '/ui/', index: ['index.html'], dotfiles: 'deny', schemaHide: true });
  app.get('/ui', { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html'));
  // The page's settings, as a file of its own: the policy allows no inline script to carry them.
  const config: UiConfig = { oidc: oidc ?? null };
  app.get('/ui/config.json', { schema: { hide: true } }, async () => config);
}
