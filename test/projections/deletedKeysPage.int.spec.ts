import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { uncharged } from '../../src/projections/queries';
import { startWorld, user, type World } from './world.fixture';

const alice = user('alice');

/** The deleted keys a scope can restore, a page at a time (`GET …/secrets?deleted=true`). */
describe('A page of deleted keys', () => {
  let t: World;
  beforeEach(async () => {
    t = await startWorld();
  });
  afterEach(() => t.close());

  it('is read without the lifetimes each key ended, which it never shows', async () => {
    const ws = (await t.workspaces.create(alice, 'Acme')).workspaceId;
    // Three lifetimes of K: two ended by a delete and replaced, the last one deleted.
    for (let i = 0; i < 3; i += 1) {
      await t.secrets.saveWorkspace(alice, ws, t.batch({ K: `v-${i}` }));
      await t.secrets.saveWorkspace(alice, ws, t.batch({}, ['K']));
    }
    await t.settled();
    const read = vi.spyOn(t.readStore, 'page');
    const page = await t.service.deps.views.deletedSecretsPage(`workspace:${ws}`, undefined, 10, uncharged);
    expect(page.deleted).toEqual([{ key: 'K', lastVersion: 3, deletedAt: expect.any(String), deletedBy: 'alice' }]);
    const [found] = (await read.mock.results[0]!.value) as { doc: object }[];
    expect(Object.keys(found!.doc)).not.toContain('ended');
    // The view itself keeps them: the retention sweeper reads them.
    expect((await t.readStore.all('deletedSecrets'))[0]!.doc.ended).toHaveLength(2);
  });
});
