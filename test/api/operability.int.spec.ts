import { describe, expect, it } from 'vitest';
import { startTestApp, token, useTestApp } from '../support/testService';
import { createWorkspace, resolver } from '../support/workspaces';

describe('Operability', () => {
  const { call } = useTestApp();

  it('counts requests and resolutions in Prometheus metrics', async () => {
    // An app of its own, whose counters no other test moved.
    const { call } = await startTestApp();
    const ws = await createWorkspace(call, 'alice');
    await resolver(call)({ workspaceId: ws, trigger: 'manual', triggeredBy: 'alice', input: 'no references' });
    const metrics = await call('GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/http_requests_total\{method="POST",route="\/v1\/workspaces",status="201"\} 1/);
    expect(metrics.text).toMatch(/http_request_duration_seconds_bucket\{.*route="\/v1\/resolve"/);
    expect(metrics.text).toMatch(/secrets_resolutions_total\{outcome="resolved"\} 1/);
    expect(metrics.text).toContain('secrets_projection_lag_seconds 0');
  });

  it('lets the API docs page run its own scripts under its own policy', async () => {
    const page = await call('GET', '/docs/json');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('sends security headers, and no-store on the API', async () => {
    const reply = await call('GET', '/v1/workspaces', { token: token('alice') });
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['strict-transport-security']).toBeDefined();
    expect(reply.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
    expect(reply.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it('is not ready while the views lag the log beyond the bound', async () => {
    const t = await startTestApp(':memory:', { readyMaxLagSeconds: 1, clock: () => new Date(Date.now() - 60_000) });
    const call = t.call;
    expect((await call('GET', '/readyz')).status).toBe(200);
    await t.projector.stop();
    const written = await t.service.deps.workspaces.create({ userId: 'alice', email: 'alice@example.com' }, 'Acme');
    await t.service.lag.poll();
    const reply = await call('GET', '/readyz');
    expect(reply.status).toBe(503);
    expect(reply.body).toMatchObject({ code: 'not_ready' });
    await t.projector.run();
    expect(await t.projector.waitFor(written.position!, 5000)).toBe(true);
    await t.service.lag.poll();
    expect((await call('GET', '/readyz')).status).toBe(200);
  });
});
