import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemDetailsPlugin } from '../../src/api/problemDetails.plugin';
import { securityHeadersPlugin } from '../../src/api/securityHeaders.plugin';
import { uiPlugin } from '../../src/api/ui.plugin';
import { injectClient, type Client } from '../support/client';
import { startTestApp, TEST_JWT_SECRET } from '../support/testService';

const UI_CSP = "default-src 'none';script-src 'self';style-src 'self';connect-src 'self';img-src 'self';base-uri 'none';form-action 'none';frame-ancestors 'none'";

/** The plugins the page depends on, around a build folder of our choosing. */
async function appServing(root: string) {
  const app = Fastify();
  await app.register(problemDetailsPlugin);
  await app.register(securityHeadersPlugin, { docsCsp: { script: [], style: [] } });
  await app.register(uiPlugin, { root });
  await app.ready();
  return app;
}

describe('The settings page at /ui', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'secrets-ui-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  describe('when built', () => {
    let call: Client;
    beforeAll(async () => {
      const root = tempDir();
      writeFileSync(join(root, 'index.html'), '<!doctype html><title>page</title><script type="module" src="/ui/app.js"></script>');
      writeFileSync(join(root, 'app.js'), 'console.log(1);');
      mkdirSync(join(root, 'nested'));
      writeFileSync(join(root, '.hidden'), 'hidden-file-content');
      call = injectClient((await appServing(root)) as never);
    });

    it('serves index.html at /ui and /ui/ under the strict policy', async () => {
      for (const url of ['/ui', '/ui/']) {
        const reply = await call('GET', url);
        expect(reply.status, url).toBe(200);
        expect(reply.headers['content-type']).toContain('text/html');
        expect(reply.text).toContain('<title>page</title>');
        expect(reply.headers['content-security-policy']).toBe(UI_CSP);
        expect(reply.headers['x-content-type-options']).toBe('nosniff');
        expect(reply.headers['referrer-policy']).toBe('no-referrer');
      }
    });

    it('serves the bundle as JavaScript under the same policy', async () => {
      const reply = await call('GET', '/ui/app.js');
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toContain('javascript');
      expect(reply.headers['content-security-policy']).toBe(UI_CSP);
    });

    it('answers a problem for a file it does not have, and never a dotfile', async () => {
      for (const url of ['/ui/missing.js', '/ui/.hidden', '/ui/../package.json']) {
        const reply = await call('GET', url);
        expect(reply.status, url).toBeGreaterThanOrEqual(400);
        expect(reply.status, url).toBeLessThan(500);
        expect(reply.text).not.toContain('hidden-file-content');
      }
    });

    it('keeps the API policy everywhere else, /uix included', async () => {
      const reply = await call('GET', '/uix');
      expect(reply.status).toBe(404);
      expect(reply.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
    });
  });

  it('answers a 503 problem that says how to build it when the build is missing', async () => {
    const call = injectClient((await appServing(join(tempDir(), 'absent'))) as never);
    for (const url of ['/ui', '/ui/', '/ui/app.js']) {
      const reply = await call('GET', url);
      expect(reply.status, url).toBe(503);
      expect(reply.headers['content-type']).toContain('application/problem+json');
      expect(reply.body).toMatchObject({ status: 503, code: 'ui_not_built' });
      expect((reply.body as { detail: string }).detail).toContain('npm run prepare');
    }
  });

  it('is part of the service: /ui answers the page (or, unbuilt, the 503) under the page policy', async () => {
    const reply = await (await startTestApp()).call('GET', '/ui');
    expect([200, 503]).toContain(reply.status);
    expect(reply.headers['content-security-policy']).toBe(UI_CSP);
  });

  it('`npm run token -- --ui` prints a sign-in link with the token in the fragment', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/token.ts', '--ui'], {
      env: { ...process.env, HOST: '0.0.0.0', PORT: '4321', JWT_SECRET: TEST_JWT_SECRET },
    });
    const match = /^http:\/\/127\.0\.0\.1:4321\/ui#token=([\w-]+\.[\w-]+\.[\w-]+)\n$/.exec(stdout);
    expect(match, stdout).not.toBeNull();
    const claims = JSON.parse(Buffer.from(match![1]!.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ sub: 'developer', email: 'developer@example.com' });
  });
});
