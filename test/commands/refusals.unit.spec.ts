import { describe, expect, it } from 'vitest';
import { Refusals, UNCONFIRMED_KEPT, type Refusal } from '../../src/commands/refusals';

const MINUTE = 60_000;

/** Refusals whose records land in `written`, for workspaces `existing` only, at a clock the test moves. */
function refusalsOf(existing: Set<string>) {
  let now = Date.parse('2026-11-30T12:00:10.000Z');
  const written: { workspaceId: string; count: number }[] = [];
  const refusals = new Refusals(
    {
      record: async (_category, workspaceId, [record]) => {
        written.push({ workspaceId, count: (record!.data as { count: number }).count });
        return { revision: written.length, position: String(written.length) };
      },
    },
    { contextOf: async (_actor, request) => ({ requestId: request.requestId }) },
    async (workspaceId) => existing.has(workspaceId),
    () => new Date(now),
    (error) => {
      throw error;
    },
  );
  return { refusals, written, later: (ms: number) => (now += ms) };
}

const refusal = (workspaceId: string, n = 0): Refusal => ({ principal: 'runner', workspaceId, route: 'resolve', reason: 'not_member', request: { requestId: `req-${n}` } });

describe('Refusals (on the record, merged per minute)', () => {
  it(`holds at most ${UNCONFIRMED_KEPT} groups for workspaces not found, however many made-up ids a principal sends`, async () => {
    const { refusals, written } = refusalsOf(new Set(['ws_real']));
    for (let i = 0; i < 3 * UNCONFIRMED_KEPT; i += 1) refusals.note(refusal(`ws_made_up_${i}`, i));
    refusals.note(refusal('ws_real', 1));
    refusals.note(refusal('ws_real', 2));
    await refusals.settled();
    expect(refusals.held).toBe(UNCONFIRMED_KEPT + 1);
    await refusals.flush(true);
    expect(written).toEqual([{ workspaceId: 'ws_real', count: 2 }]);
    expect(refusals.held).toBe(0);
  });

  it('records a refusal for a workspace the views had not yet applied when it was noted', async () => {
    const existing = new Set<string>();
    const { refusals, written } = refusalsOf(existing);
    refusals.note(refusal('ws_new', 1));
    await refusals.settled();
    existing.add('ws_new');
    await refusals.flush(true);
    expect(written).toEqual([{ workspaceId: 'ws_new', count: 1 }]);
  });

  it('merges refusals of a new group noted before its workspace was found, and writes a minute once it is over', async () => {
    const { refusals, written, later } = refusalsOf(new Set(['ws_real']));
    for (let i = 0; i < 3; i += 1) refusals.note(refusal('ws_real', i));
    await refusals.settled();
    expect(refusals.held).toBe(1);
    await refusals.flush(false);
    expect(written).toEqual([]);
    later(MINUTE);
    refusals.note(refusal('ws_real', 4));
    await refusals.flush(false);
    expect(written).toEqual([{ workspaceId: 'ws_real', count: 3 }]);
    // The one of the new minute is written at close, its check awaited.
    await refusals.close();
    expect(written).toEqual([{ workspaceId: 'ws_real', count: 3 }, { workspaceId: 'ws_real', count: 1 }]);
  });
});
