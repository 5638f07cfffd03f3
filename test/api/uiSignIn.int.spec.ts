import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { problemDetailsPlugin } from '../../src/api/problemDetails.plugin';
import { securityHeadersPlugin } from '../../src/api/securityHeaders.plugin';
import { uiPlugin, type UiOidc } from '../../src/api/ui.plugin';
import { injectClient } from '../support/client';

const OIDC: UiOidc = { issuer: 'https://id.example.com/realms/acme', clientId: 'secrets-ui' };

async function pageServer(root: string, oidc?: UiOidc) {
  const app = Fastify();
  await app.register(problemDetailsPlugin);
  await app.register(securityHeadersPlugin, { docsCsp: { script: [], style: [] }, ...(oidc ? { uiOidc: oidc } : {}) });
  await app.register(uiPlugin, { root, ...(oidc ? { oidc } : {}) });
  await app.ready();
  return injectClient(app as never);
}

describe('How the settings page learns to sign in (DESIGN §10)', () => {
  const root = mkdtempSync(join(tmpdir(), 'secrets-ui-oidc-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>page</title>');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves the OpenID Connect issuer and client at /ui/config.json, and lets the page call that issuer (connect-src)', async () => {
    const call = await pageServer(root, OIDC);
    const config = await call('GET', '/ui/config.json');
    expect(config.status).toBe(200);
    expect(config.body).toEqual({ oidc: OIDC });
    const page = await call('GET', '/ui');
    expect(page.headers['content-security-policy']).toContain("connect-src 'self' https://id.example.com;");
    expect(page.headers['content-security-policy']).toContain("script-src 'self';");
  });

  it('says there is no OpenID Connect sign-in without UI_OIDC_ISSUER, and allows only its own origin', async () => {
    const call = await pageServer(root);
    expect((await call('GET', '/ui/config.json')).body).toEqual({ oidc: null });
    expect((await call('GET', '/ui')).headers['content-security-policy']).toContain("connect-src 'self';");
  });
});
