import { describe, expect, it } from 'vitest';
import { INVITATIONS_PAGE } from '../../src/projections/queries';
import { token, useTestApp } from '../support/testService';
import { bodyOf, must } from '../support/workspaces';

type Page = { invitations: { id: string; workspaceName: string }[]; nextCursor: string | null };

/**
 * Anyone may create workspaces and invite any address from each: one address's pending
 * invitations are answered a page at a time, each opened (its email unsealed) as it is listed,
 * and every one can be reached by following `nextCursor`, however many there are.
 */
describe('Pending invitations of one address', () => {
  const t = useTestApp();
  const mallory = { token: token('mallory') };
  const victim = { token: token('victim') };

  it(`are answered ${INVITATIONS_PAGE} at a time, and a flood hides none of them`, async () => {
    const flood = INVITATIONS_PAGE * 2 + 1;
    for (let i = 0; i < flood; i += 1) {
      const { id } = await must<{ id: string }>(t.call, 'POST', '/v1/workspaces', { ...mallory, body: { name: `flood ${i}` } });
      await must(t.call, 'POST', `/v1/workspaces/${id}/invitations`, { ...mallory, body: { email: 'victim@example.com', permission: 'read' } });
      // Deleted, its invitation stays (an undelete brings it back) but is not shown.
      if (i % 2 === 0) await must(t.call, 'DELETE', `/v1/workspaces/${id}`, { ...mallory, body: { confirm: `flood ${i}` } });
    }
    const real = await must<{ id: string }>(t.call, 'POST', '/v1/workspaces', { token: token('alice'), body: { name: 'Real team' } });
    await must(t.call, 'POST', `/v1/workspaces/${real.id}/invitations`, { token: token('alice'), body: { email: 'victim@example.com', permission: 'write' } });
    await t.caughtUp();

    const shown: string[] = [];
    let pages = 0;
    for (let cursor: string | null = null; ; ) {
      const page: Page = bodyOf<Page>(await t.call('GET', `/v1/me/invitations${cursor ? `?cursor=${cursor}` : ''}`, victim));
      pages += 1;
      expect(page.invitations.length).toBeLessThanOrEqual(INVITATIONS_PAGE);
      shown.push(...page.invitations.map((i) => i.workspaceName));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(shown).toContain('Real team');
    expect(shown).toHaveLength(INVITATIONS_PAGE + 1);
  });
});
