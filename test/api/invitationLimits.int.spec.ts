import { describe, expect, it } from 'vitest';
import { INVITATIONS_LISTED } from '../../src/projections/queries';
import { token, useTestApp } from '../support/testService';
import { bodyOf, must } from '../support/workspaces';

/**
 * Anyone may create workspaces and invite any address from each: one address's pending
 * invitations are listed up to a bound, each opened (its email unsealed) as it is listed.
 */
describe('Pending invitations of one address', () => {
  const t = useTestApp();
  const mallory = { token: token('mallory') };

  it(`are listed up to ${INVITATIONS_LISTED}, however many workspaces invited the address`, async () => {
    for (let i = 0; i <= INVITATIONS_LISTED; i += 1) {
      const { id } = await must<{ id: string }>(t.call, 'POST', '/v1/workspaces', { ...mallory, body: { name: `flood ${i}` } });
      await must(t.call, 'POST', `/v1/workspaces/${id}/invitations`, { ...mallory, body: { email: 'victim@example.com', permission: 'read' } });
    }
    await t.caughtUp();
    const listed = bodyOf<{ invitations: unknown[] }>(await t.call('GET', '/v1/me/invitations', { token: token('victim') })).invitations;
    expect(listed).toHaveLength(INVITATIONS_LISTED);
  });
});
