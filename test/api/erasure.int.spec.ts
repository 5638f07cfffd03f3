import { describe, expect, it } from 'vitest';
import { busyWorkspace, exportText, findingsOf, sealAll, sealing, testPublicKey, verifyText } from '../proof/proofSupport';
import { useTestApp } from '../support/testService';
import { as, bodyOf, expectProblem, must, setPersonalSecret, workspaceWith } from '../support/workspaces';

type Member = { userId: string; email: string | null };

/**
 * POST /v1/me/erase (DESIGN §9): I leave every workspace, my personal secrets and the keys of my
 * emails and addresses are destroyed; the history shows [erased] where my data was, and the
 * chain still verifies.
 */
describe('Erasure', () => {
  const app = useTestApp(sealing);
  const { call } = app;

  it('leaves every workspace, destroys my personal secrets and erases my emails, the chain still verifying', async () => {
    const ws = await busyWorkspace(call);
    const other = await workspaceWith(call, 'alice', { bob: 'read' });
    await setPersonalSecret(call, 'bob', 'MINE', 'bob-personal');
    await sealAll(app);

    expectProblem(await call('POST', '/v1/me/erase', { ...as('bob'), body: { confirm: 'bob' } }), 400);
    const erased = await must<{ left: string[]; secretsDestroyed: number }>(call, 'POST', '/v1/me/erase', { ...as('bob'), body: { confirm: 'me' } });
    expect([...erased.left].sort()).toEqual([ws, other].sort());
    expect(erased.secretsDestroyed).toBe(1);

    const members = bodyOf<{ members: Member[] }>(await call('GET', `/v1/workspaces/${ws}/members`, as('alice'))).members;
    expect(members.map((m) => m.userId)).not.toContain('bob');
    const audit = bodyOf<{ entries: Array<{ type: string; subject: { userId?: string; email?: string | null } | null }> }>(
      await call('GET', `/v1/workspaces/${ws}/audit?type=InvitationAccepted`, as('alice')),
    );
    expect(audit.entries.find((e) => e.subject?.userId === 'bob')?.subject?.email).toBe('[erased]');
    expectProblem(await call('POST', '/v1/me/secrets/MINE/reveal', { ...as('bob'), body: { version: 1 } }), 410, 'destroyed');

    await sealAll(app);
    expect(findingsOf(await verifyText(await exportText(call, ws), [await testPublicKey()]))).toEqual([]);
  });

  it('refuses the last admin of a workspace (409), leaving none and destroying nothing', async () => {
    const ws = await workspaceWith(call, 'carol', {});
    await setPersonalSecret(call, 'carol', 'KEEP', 'still here');
    expectProblem(await call('POST', '/v1/me/erase', { ...as('carol'), body: { confirm: 'me' } }), 409, 'last_admin');
    expect(bodyOf<{ value: string }>(await call('POST', '/v1/me/secrets/KEEP/reveal', as('carol'))).value).toBe('still here');
    expect((await call('GET', `/v1/workspaces/${ws}/members`, as('carol'))).status).toBe(200);
  });
});
