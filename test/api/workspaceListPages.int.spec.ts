import { describe, expect, it } from 'vitest';
import { WORKSPACES_PAGE } from '../../src/projections/queries';
import { token, useTestApp } from '../support/testService';
import { bodyOf, must } from '../support/workspaces';

type Page = { workspaces: { id: string; name: string; deletedAt?: string }[]; nextCursor: string | null };

/**
 * Anyone may create workspaces without end, and a list of all of them in one answer held the
 * event loop for as long as it took (~40–190 ms at 5,000 here): `GET /v1/workspaces` answers a
 * page at a time, and every workspace is reached by following `nextCursor`.
 */
describe('My workspaces', () => {
  const t = useTestApp();
  const mallory = { token: token('mallory') };

  it(`are answered ${WORKSPACES_PAGE} at a time, the deleted ones apart, and each is reached through the pages`, async () => {
    const count = WORKSPACES_PAGE * 2 + 1;
    const names = new Set<string>();
    const deleted = new Set<string>();
    for (let i = 0; i < count; i += 1) {
      const { id } = await must<{ id: string }>(t.call, 'POST', '/v1/workspaces', { ...mallory, body: { name: `team ${i}` } });
      if (i % 3 === 0) {
        await must(t.call, 'DELETE', `/v1/workspaces/${id}`, { ...mallory, body: { confirm: `team ${i}` } });
        deleted.add(`team ${i}`);
      } else names.add(`team ${i}`);
    }
    await t.caughtUp();

    const listed = async (query: string) => {
      const shown: string[] = [];
      let pages = 0;
      for (let cursor: string | null = null; ; ) {
        const page: Page = bodyOf<Page>(await t.call('GET', `/v1/workspaces?${query}${cursor ? `&cursor=${cursor}` : ''}`, mallory));
        pages += 1;
        expect(page.workspaces.length).toBeLessThanOrEqual(WORKSPACES_PAGE);
        shown.push(...page.workspaces.map((w) => w.name));
        if (page.nextCursor === null) break;
        cursor = page.nextCursor;
      }
      return { shown, pages };
    };
    const live = await listed('deleted=false');
    expect(live.pages).toBe(3);
    expect(new Set(live.shown)).toEqual(names);
    expect(live.shown).toHaveLength(names.size);
    const gone = await listed('deleted=true');
    expect(new Set(gone.shown)).toEqual(deleted);

    // A token limited to some workspaces (`ws` claim) sees those, in one page: no cursor names another.
    const ids = bodyOf<Page>(await t.call('GET', '/v1/workspaces', mallory)).workspaces.map((w) => w.id);
    const limited = { token: token('mallory', { ws: [ids[3]!, ids[1]!] }) };
    const page = bodyOf<Page>(await t.call('GET', '/v1/workspaces', limited));
    expect(page.workspaces.map((w) => w.id)).toEqual([ids[1], ids[3]]);
    expect(page.nextCursor).toBeNull();
  });

  it("with a token's `ws` claim, shows no workspace the caller is not a member of, whatever the claim names", async () => {
    // Ids may hold `/`, as a membership's does between workspace and user: a claim naming
    // `<W>/bob` must not find the membership of a user called `bob/alice` in W.
    const carol = { token: token('carol') };
    const { id } = await must<{ id: string }>(t.call, 'POST', '/v1/workspaces', { ...carol, body: { name: 'secret team' } });
    const { id: invitation } = await must<{ id: string }>(t.call, 'POST', `/v1/workspaces/${id}/invitations`, { ...carol, body: { email: 'odd@example.com', permission: 'read' } });
    await must(t.call, 'POST', `/v1/invitations/${invitation}/accept`, { token: token('bob/alice', { email: 'odd@example.com' }) });
    await t.caughtUp();
    const alice = { token: token('alice', { ws: [id, `${id}/bob`] }) };
    expect(bodyOf<Page>(await t.call('GET', '/v1/workspaces', alice)).workspaces).toEqual([]);
  });
});
