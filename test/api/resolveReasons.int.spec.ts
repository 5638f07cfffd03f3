import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/testService';
import { as, executor, expectProblem, must, removeMember, setPersonalSecret, setWorkspaceSecret, workspaceWith } from '../support/workspaces';

type Missing = { missing: Array<{ key: string; path: string; reason: string }> };

/** Each entry of a 422 says why its key is missing (DESIGN §10). */
describe('Why a reference is missing', () => {
  const { call } = useTestApp();
  const resolve = (ws: string, body: object) => call('POST', '/v1/resolve', { token: executor(), body: { workspaceId: ws, ...body } });

  it('says unknown, deleted, destroyed, or personal_unavailable', async () => {
    const ws = await workspaceWith(call, 'alice', { bob: 'write' });
    const url = (key: string, action = '') => `/v1/workspaces/${ws}/secrets/${key}${action}`;
    await setWorkspaceSecret(call, ws, 'alice', 'DELETED', 'd');
    await must(call, 'DELETE', url('DELETED'), as('alice'));
    await setWorkspaceSecret(call, ws, 'alice', 'DESTROYED', 'x');
    await must(call, 'POST', url('DESTROYED', '/destroy'), { ...as('alice'), body: { confirm: 'DESTROYED' } });
    await setPersonalSecret(call, 'bob', 'BOBS', 'personal');

    const reply = await resolve(ws, { trigger: 'manual', triggeredBy: 'alice', input: ['{{NEVER}}', '{{DELETED}}', '{{DESTROYED}}'] });
    expectProblem(reply, 422, 'missing_references');
    expect((reply.body as Missing).missing.map((m) => [m.key, m.reason])).toEqual([
      ['NEVER', 'unknown'],
      ['DELETED', 'deleted'],
      ['DESTROYED', 'destroyed'],
    ]);

    // Bob's runs resolve his personal secret while he is a member, and not once he is gone.
    expect((await resolve(ws, { trigger: 'schedule', workflowOwnerId: 'bob', input: '{{BOBS}}' })).status).toBe(200);
    await removeMember(call, ws, 'alice', 'bob');
    const gone = await resolve(ws, { trigger: 'schedule', workflowOwnerId: 'bob', input: '{{BOBS}}' });
    expect((gone.body as Missing).missing).toEqual([{ key: 'BOBS', path: '', reason: 'personal_unavailable' }]);
  });

  it('passes \\{{ through as a literal {{', async () => {
    const ws = await workspaceWith(call, 'alice', {});
    await setWorkspaceSecret(call, ws, 'alice', 'K', 'value');
    const reply = await resolve(ws, { trigger: 'manual', triggeredBy: 'alice', input: 'Hi \\{{ name }}: {{K}}' });
    expect(reply.status, reply.text).toBe(200);
    expect((reply.body as { output: string }).output).toBe('Hi {{ name }}: value');
  });
});
