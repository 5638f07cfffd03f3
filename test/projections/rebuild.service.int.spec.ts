import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MissingReferences } from '../../src/errors';
import { allProjections } from '../../src/projections';
import { rebuildViews } from '../../src/projections/rebuild';
import { alice, startWorld, user, type World } from './world.fixture';

const dave = user('dave');

/**
 * A rebuild that swaps in views holding events the running projector has not applied yet (it
 * is stalled before its commit): the projector restarts from the rebuilt checkpoint and never
 * applies those events itself, so nothing derived from its batches may stay stale.
 */
describe('A rebuild swapped in under a running service', () => {
  let w: World;
  let ws: string;
  let open: () => void;
  const resolve = (workflowOwnerId: string, input: unknown) =>
    w.service.deps.resolver.resolve({ workspaceId: ws, trigger: 'webhook', workflowOwnerId, input, onMissing: 'fail', masks: false }).then((resolution) => {
      if (!resolution.answer) throw resolution.failure;
      return resolution.answer;
    });

  beforeEach(async () => {
    w = await startWorld();
    ({ workspaceId: ws } = await w.workspaces.create(alice, 'Acme'));
    const { invitationId } = await w.workspaces.invite(alice, ws, { email: 'dave@example.com', permission: 'write', external: false });
    await w.workspaces.accept(dave, ws, invitationId);
    await w.secrets.saveWorkspace(alice, ws, w.batch({ K: 'k-1' }));
    await w.secrets.savePersonal(dave, w.batch({ DAVE_KEY: 'dave-1' }));
    await w.settled();
    // Read once, so the resolver's cache holds the secret and dave's membership.
    expect((await resolve('dave', ['{{K}}', '{{DAVE_KEY}}'])).output).toEqual(['k-1', 'dave-1']);

    const gate = new Promise<void>((resolveGate) => (open = resolveGate));
    const commit = w.readStore.commit.bind(w.readStore);
    w.readStore.commit = async (...args) => {
      await gate;
      return commit(...args);
    };
  });
  afterEach(async () => {
    open();
    await w.close();
  });

  /** Writes while the projector is stalled, rebuilds, lets the projector go; returns the last position. */
  async function writeRebuildRelease(): Promise<string> {
    await w.secrets.saveWorkspace(alice, ws, w.batch({ K: 'k-2' }));
    const removed = await w.workspaces.remove(alice, ws, dave.userId);
    await rebuildViews(w.eventStore, w.readStore, allProjections);
    return removed.position!;
  }

  it('lets a waiter for a position the rebuild covered go', async () => {
    const position = await writeRebuildRelease();
    const waiting = w.projector.waitFor(position, 3000);
    open();
    expect(await waiting).toBe(true);
  });

  it('resolves from the rebuilt views, not from documents cached before the swap', async () => {
    const position = await writeRebuildRelease();
    open();
    await vi.waitFor(() => expect(w.projector.position()).toBe(position));
    expect(await resolve('alice', '{{K}}')).toMatchObject({ output: 'k-2', references: [{ key: 'K', version: 2 }] });
    // dave was removed: his personal secrets no longer resolve.
    await expect(resolve('dave', '{{DAVE_KEY}}')).rejects.toBeInstanceOf(MissingReferences);
  });
});
