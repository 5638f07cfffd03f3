import { describe, expect, it } from 'vitest';
import type { MemberDoc } from '../../src/projections/views';
import { countTurns } from '../support/eventLoopTurns';
import { useTestApp } from '../support/testService';

/**
 * A workspace's member list opens each member's email: at the bound of 10,000 members, opened all
 * at once, that held the event loop ~100 ms. They are opened a part at a time, the loop turning
 * between parts, and answered in the order given.
 */
describe('Members shown with their emails', () => {
  const t = useTestApp();

  it('are opened a part at a time, letting the event loop turn between parts, in the order given', async () => {
    const members: MemberDoc[] = Array.from({ length: 2000 }, (_, i) => ({
      workspaceId: 'ws_x',
      userId: `user${String(i).padStart(4, '0')}`,
      email: null,
      permission: 'read',
      external: false,
      joinedAt: '2026-11-30T00:00:00.000Z',
    }));
    const turns = countTurns();
    const shown = await t.service.deps.views.membersShown(members);
    turns.stop();
    expect(shown.map((member) => member.userId)).toEqual(members.map((member) => member.userId));
    expect(turns.turns).toBeGreaterThanOrEqual(3);
  });
});
