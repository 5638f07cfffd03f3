import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestApp, type TestApp } from './support/testService';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates a workspace and lists it', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/v1/workspaces', headers: bearer('alice'), payload: { name: 'Acme' } });
    expect(created.statusCode).toBe(201);
    const listed = await t.app.inject({ method: 'GET', url: '/v1/workspaces', headers: bearer('alice') });
    expect(listed.json().workspaces).toEqual([{ id: created.json().id, name: 'Acme', permission: 'admin', external: false }]);
  });
});
