import { describe, expect, it } from 'vitest';
import { CHECKPOINT_AT_LEAST_EVERY, SecretRolesReactor } from '../../src/commands/secretRoles.reactor';
import { recordStreamId, streamIds } from '../../src/events/streams';
import type { FollowHandler, StoredEvent } from '../../src/stores/eventStore.port';

/**
 * When the secret-roles reactor saves its checkpoint: API instances (SERVICE_ROLE=api) read it to
 * know that the reactions to a workspace's events are done, so a batch with one must be saved;
 * the records between them need not be, each time.
 */
describe('The secret-roles reactor checkpoint', () => {
  let position = 0;
  const event = (streamId: string, type: string): StoredEvent => {
    position += 1;
    return { streamId, revision: position, type, data: {}, metadata: { actor: 'alice', at: '2026-11-29T21:00:00.000Z', schemaVersion: 1 }, position: String(position) };
  };
  const records = (count: number) => Array.from({ length: count }, () => event(recordStreamId('workspaceRecords', 'main', 'ws_1'), 'SecretsResolved'));

  async function reactor() {
    const saved: string[] = [];
    let handle: FollowHandler | undefined;
    const follow = (_after: string | null, handler: FollowHandler) => {
      handle = handler;
      return { stop: async () => {} };
    };
    // No removal comes by: the streams it would act on are never touched.
    const unused = {} as never;
    const followed = new SecretRolesReactor({ follow }, { get: async () => null, save: async (_name, at) => void saved.push(at) }, unused, unused, () => new Date(), { error: () => {} });
    await followed.run();
    return { saved, followed, handle: (events: StoredEvent[]) => handle!(events) };
  }

  it('saves after a batch holding a workspace event, the positions joins and departures wait for', async () => {
    const { saved, followed, handle } = await reactor();
    await handle([...records(3), event(streamIds.workspace('ws_1'), 'WorkspaceRenamed'), ...records(2)]);
    expect(saved).toEqual([String(position)]);
    expect(followed.position()).toBe(String(position));
  });

  it('goes on without saving over batches of records alone, but reaches them in memory', async () => {
    const { saved, followed, handle } = await reactor();
    await handle(records(25));
    await handle([event(streamIds.workspaceSecrets('ws_1'), 'SecretSet'), event(streamIds.secretAccess('ws_1'), 'SecretRevealed')]);
    expect(saved).toEqual([]);
    expect(followed.position()).toBe(String(position));
  });

  it(`saves at least every ${CHECKPOINT_AT_LEAST_EVERY} events, so a restart replays no more`, async () => {
    const { saved, handle } = await reactor();
    await handle(records(CHECKPOINT_AT_LEAST_EVERY - 1));
    expect(saved).toEqual([]);
    await handle(records(2));
    expect(saved).toEqual([String(position)]);
    await handle(records(CHECKPOINT_AT_LEAST_EVERY - 1));
    expect(saved).toHaveLength(1);
  });
});
