import { describe, expect, it } from 'vitest';
import { token, useTestApp } from '../support/testService';
import { createWorkspace } from '../support/workspaces';

describe('Problem details for malformed requests', () => {
  const { call } = useTestApp();
  const alice = token('alice');

  it('answers an unknown route with a 404 problem', async () => {
    const reply = await call('GET', '/v1/nope', { token: alice });
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ code: 'route_not_found' });
  });

  it('refuses a body over 8 MiB with 413', async () => {
    const reply = await call('POST', '/v1/workspaces', { token: alice, rawBody: JSON.stringify({ name: 'x'.repeat(8 * 1024 * 1024) }) });
    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({ code: 'body_too_large' });
  });

  it('refuses a body that is not JSON with 415', async () => {
    const reply = await call('POST', '/v1/workspaces', { token: alice, rawBody: 'name=x', headers: { 'content-type': 'text/plain' } });
    expect(reply.status).toBe(415);
  });

  it('never echoes a malformed body in the problem', async () => {
    const reply = await call('POST', '/v1/workspaces', { token: alice, rawBody: '{"name": "leaky-secret-text' });
    expect(reply.status).toBe(400);
    expect(reply.text).not.toContain('leaky-secret-text');
  });

  it('names a __proto__ field that a body does not take as an unknown field', async () => {
    const reply = await call('POST', '/v1/workspaces', { token: alice, rawBody: '{"name":"a","__proto__":{"x":1}}' });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ errors: [{ field: '__proto__', message: 'unknown field' }] });
  });

  it('names the key rule when a batch key is invalid', async () => {
    const ws = await createWorkspace(call, 'alice');
    const reply = await call('PATCH', `/v1/workspaces/${ws}/secrets`, { token: alice, body: { set: { 'not-valid': 'x' } } });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ errors: [{ field: 'set.not-valid', message: expect.stringContaining('letters, digits or underscores') }] });
  });

  it('takes a key of the full 256 characters in a path, and names one that is longer', async () => {
    const ws = await createWorkspace(call, 'alice');
    const longest = 'K'.repeat(256);
    expect((await call('PUT', `/v1/workspaces/${ws}/secrets/${longest}`, { token: alice, body: { value: 'x' } })).status).toBe(201);
    expect((await call('GET', `/v1/workspaces/${ws}/secrets/${longest}`, { token: alice })).status).toBe(200);
    const tooLong = await call('PUT', `/v1/workspaces/${ws}/secrets/${longest}K`, { token: alice, body: { value: 'x' } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ errors: [{ field: 'key' }] });
  });

  it('answers a malformed or over-long URL with a problem too', async () => {
    const long = await call('GET', `/v1/workspaces/${'x'.repeat(2000)}/secrets`, { token: alice });
    expect(long.status).toBe(414);
    expect(long.headers['content-type']).toContain('application/problem+json');
    const bad = await call('GET', '/v1/workspaces/%E0%A4%A/secrets', { token: alice });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'bad_url' });
  });

  it('names a malformed If-Match', async () => {
    const ws = await createWorkspace(call, 'alice');
    for (const header of ['7x', '"7', 'W/7', '"7",', '"7" "8"', 'W/', '""x']) {
      const reply = await call('PUT', `/v1/workspaces/${ws}/secrets/A`, { token: alice, body: { value: 'x' }, headers: { 'if-match': header } });
      expect(reply.status, header).toBe(400);
      expect(reply.body).toMatchObject({ errors: [{ field: 'If-Match' }] });
    }
  });
});
