import { beforeAll, describe, expect, it } from 'vitest';
import { token, useTestApp } from '../support/testService';
import { join, removeMember, resolver, setPersonalSecret } from '../support/workspaces';
import { seedWorkspace, tokenOf, VALUE } from './authz.fixture';

describe('A member removed from the workspace loses every right at once', () => {
  const { call } = useTestApp();
  let seed: Awaited<ReturnType<typeof seedWorkspace>>;
  const sam = tokenOf('secretAdmin');
  const resolveAs = resolver(call);
  const resolve = (body: object) => resolveAs({ workspaceId: seed.ws, ...body }, { token: tokenOf('executor') });

  beforeAll(async () => {
    seed = await seedWorkspace(call);
    await setPersonalSecret(call, 'sam', 'SAM_PERSONAL', VALUE);
    // Before: sam administers KEY and his personal key resolves in his runs.
    expect((await call('PUT', `/v1/workspaces/${seed.ws}/secrets/KEY`, { token: sam, body: { value: VALUE } })).status).toBe(200);
    expect((await resolve({ trigger: 'schedule', workflowOwnerId: 'sam', input: '{{SAM_PERSONAL}}' })).status).toBe(200);
    await removeMember(call, seed.ws, 'alice', 'sam');
  });

  it.each([
    ['GET', 'secrets'],
    ['GET', 'secrets/KEY'],
    ['GET', 'secrets/KEY/history'],
    ['GET', 'members'],
    ['GET', 'variables'],
    ['POST', 'secrets/KEY/reveal'],
    ['PUT', 'secrets/KEY'],
    ['DELETE', 'secrets/KEY'],
    ['GET', 'secrets/KEY/members'],
  ])('%s %s answers 404 as to any stranger', async (method, path) => {
    const body = method === 'PUT' ? { value: VALUE } : undefined;
    expect((await call(method, `/v1/workspaces/${seed.ws}/${path}`, { token: sam, body })).status).toBe(404);
  });

  it('drops the secret roles held before, so re-joining starts without them', async () => {
    const listed = (await call('GET', `/v1/workspaces/${seed.ws}/secrets/KEY/members`, { token: tokenOf('admin') })).body as {
      members: { userId: string }[];
    };
    expect(listed.members.map((m) => m.userId)).not.toContain('sam');
    await join(call, seed.ws, 'alice', 'sam', 'read');
    expect((await call('PUT', `/v1/workspaces/${seed.ws}/secrets/KEY`, { token: sam, body: { value: VALUE } })).status).toBe(403);
    await removeMember(call, seed.ws, 'alice', 'sam');
  });

  it('no longer lends personal secrets to runs, and cannot trigger manual runs', async () => {
    const scheduled = await resolve({ trigger: 'schedule', workflowOwnerId: 'sam', input: '{{KEY}} {{SAM_PERSONAL}}' });
    expect(scheduled.status).toBe(422);
    expect((scheduled.body as { missing: { key: string }[] }).missing.map((m) => m.key)).toEqual(['SAM_PERSONAL']);
    expect((await resolve({ trigger: 'manual', triggeredBy: 'sam', input: '{{KEY}}' })).status).toBe(403);
    // Workspace secrets still resolve for the workflow of a removed owner.
    const kept = await resolve({ trigger: 'webhook', workflowOwnerId: 'sam', input: '{{KEY}}' });
    expect(kept.status).toBe(200);
  });

  it('keeps their own personal secrets', async () => {
    const mine = await call('GET', '/v1/me/secrets', { token: token('sam') });
    expect((mine.body as { secrets: { key: string }[] }).secrets.map((s) => s.key)).toEqual(['SAM_PERSONAL']);
  });
});
