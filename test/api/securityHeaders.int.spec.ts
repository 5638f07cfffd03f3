import { describe, expect, it } from 'vitest';
import { useLoopback, type RawAnswer } from '../support/rawHttp';
import { token, useTestApp } from '../support/testService';

const API_CSP = "default-src 'none';frame-ancestors 'none'";

/**
 * Paths are sent byte for byte (fetch and inject may normalise them): the router decodes
 * `%76%31` to `v1`, so these reach the /v1 routes however they are spelled.
 */
describe('Security headers, whatever the spelling of the path', () => {
  const { exchange } = useLoopback(useTestApp());

  const get = (path: string, headers = '') => exchange(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${headers}\r\n`);
  const bearer = `Authorization: Bearer ${token('alice')}\r\n`;
  const expectApiHeaders = (answer: RawAnswer, status: number) => {
    expect(answer.status, answer.body).toBe(status);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['content-security-policy']).toBe(API_CSP);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  };

  it('sends no-store on a /v1 answer, spelled plainly or percent-encoded', async () => {
    expectApiHeaders(await get('/v1/workspaces', bearer), 200);
    expectApiHeaders(await get('/%76%31/workspaces', bearer), 200);
    expectApiHeaders(await get('/%76%31/%77orkspaces', bearer), 200);
  });

  it('sends no-store on a refusal of a percent-encoded /v1 route', async () => {
    const body = '{}';
    const refused = await exchange(
      `POST /%76%31/resolve HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
    expectApiHeaders(refused, 401);
  });

  it('sends no-store on answers no route matched, and on URLs the router refused', async () => {
    expectApiHeaders(await get('/%76%31/nowhere', bearer), 404);
    expectApiHeaders(await get('/v1/workspaces/%E0%A4%A/secrets', bearer), 400);
    expectApiHeaders(await get(`/v1/workspaces/${'x'.repeat(2000)}/secrets`, bearer), 414);
  });

  it('keeps the API docs under their own policy, however they are spelled', async () => {
    for (const path of ['/docs/json', '/%64ocs/json']) {
      const docs = await get(path);
      expect(docs.status, path).toBe(200);
      expect(docs.headers['content-security-policy'], path).toContain("script-src 'self'");
    }
  });
});
