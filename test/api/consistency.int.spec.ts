import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, token, useTestApp } from '../support/testService';
import { createWorkspace } from '../support/workspaces';

describe('Read-your-writes with minPosition (DESIGN §1)', () => {
  const t = useTestApp();
  const call = t.call;
  const alice = token('alice');
  let ws: string;
  beforeAll(async () => {
    ws = await createWorkspace(call, 'alice');
  });

  it('answers every write with the position of its last event, as a string, in the body and X-Position', async () => {
    const reply = await call('PUT', `/v1/workspaces/${ws}/secrets/A`, { token: alice, body: { value: 'v' } });
    const body = reply.body as { position: string };
    expect(body.position).toMatch(/^[0-9]+$/);
    expect(reply.headers['x-position']).toBe(body.position);
  });

  it('serves a query with a reached minPosition, by query string or header', async () => {
    const { position } = (await call('PUT', `/v1/workspaces/${ws}/secrets/B`, { token: alice, body: { value: 'v' } })).body as {
      position: string;
    };
    expect((await call('GET', `/v1/workspaces/${ws}/secrets?minPosition=${position}`, { token: alice })).status).toBe(200);
    expect((await call('GET', `/v1/workspaces/${ws}/secrets`, { token: alice, headers: { 'x-min-position': position } })).status).toBe(200);
  });

  it('waits for the views to reach a position written after the query arrived', async () => {
    const head = Number(t.projector.position());
    const pending = call('GET', `/v1/workspaces/${ws}/secrets?minPosition=${head + 2}`, { token: alice });
    await call('PUT', `/v1/workspaces/${ws}/secrets/C`, { token: alice, body: { value: 'v' } });
    const reply = await pending;
    expect(reply.status).toBe(200);
    expect((reply.body as { secrets: { key: string }[] }).secrets.map((s) => s.key)).toContain('C');
  });

  it('answers 503 when the views do not reach the position in time (5 s as shipped, 50 ms here)', async () => {
    const impatient = await startTestApp(':memory:', { settings: { viewWaitMs: 50 } });
    const reply = await impatient.call('GET', `/v1/workspaces/${ws}/secrets?minPosition=999999999`, { token: alice });
    expect(reply.status).toBe(503);
    expect(reply.body).toMatchObject({ code: 'views_not_caught_up' });
  });

  it('refuses a minPosition that is not a position', async () => {
    const reply = await call('GET', `/v1/workspaces/${ws}/secrets?minPosition=abc`, { token: alice });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ errors: [{ field: 'minPosition' }] });
  });
});
