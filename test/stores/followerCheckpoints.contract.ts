import { describe, expect, it } from 'vitest';
import type { FollowerCheckpoints } from '../../src/stores/followerCheckpoints.port';
import { countTurns } from '../support/eventLoopTurns';

/** The contract every follower-checkpoint store keeps. */
export function followerCheckpointsContract(name: string, make: () => Promise<FollowerCheckpoints>) {
  describe(`Follower checkpoints (${name})`, () => {
    it('knows no position before the first save, then the one saved', async () => {
      const checkpoints = await make();
      expect(await checkpoints.get('reactor')).toBeNull();
      await checkpoints.save('reactor', '17');
      expect(await checkpoints.get('reactor')).toBe('17');
    });

    it('only moves forward, comparing positions as integers (9 < 10, 40 digits)', async () => {
      const checkpoints = await make();
      await checkpoints.save('reactor', '10');
      await checkpoints.save('reactor', '9');
      expect(await checkpoints.get('reactor')).toBe('10');
      const far = '1'.padEnd(40, '0');
      await checkpoints.save('reactor', far);
      expect(await checkpoints.get('reactor')).toBe(far);
    });

    it('keeps each follower apart', async () => {
      const checkpoints = await make();
      await checkpoints.save('a', '5');
      await checkpoints.save('b', '7');
      expect([await checkpoints.get('a'), await checkpoints.get('b'), await checkpoints.get('c')]).toEqual(['5', '7', null]);
    });

    it("keeps a follower's state whole, replaced by the next one, apart from its position and from other followers", async () => {
      const checkpoints = await make();
      expect(await whole(checkpoints, 'sealer')).toBeNull();
      await checkpoints.saveState('sealer', ['{"v":1}']);
      await checkpoints.saveState('other', ['']);
      await checkpoints.save('sealer', '3');
      expect(await whole(checkpoints, 'sealer')).toBe('{"v":1}');
      expect(await whole(checkpoints, 'other')).toBe('');
      await checkpoints.saveState('sealer', ['{"v":2}']);
      expect(await whole(checkpoints, 'sealer')).toBe('{"v":2}');
      expect(await checkpoints.get('sealer')).toBe('3');
    });

    it('gives one of two states saved at once, whole', async () => {
      const checkpoints = await make();
      await checkpoints.saveState('sealer', ['first']);
      const [a, b] = ['a'.repeat(1000), 'b'.repeat(1000)];
      await Promise.all([checkpoints.saveState('sealer', [a]), checkpoints.saveState('sealer', [b])]);
      expect([a, b]).toContain(await whole(checkpoints, 'sealer'));
    });

    it('keeps a state larger than a MongoDB document, characters outside the BMP included, as it was given', async () => {
      const checkpoints = await make();
      // 17 MiB of 𝔘 (4 bytes of UTF-8 per pair): parts must never split a pair.
      const state = `[${'𝔘'.repeat(17 * 1024 * 256)}é]`;
      await checkpoints.saveState('sealer', [state]);
      expect(await whole(checkpoints, 'sealer')).toBe(state);
      await checkpoints.saveState('sealer', ['small']);
      expect(await whole(checkpoints, 'sealer')).toBe('small');
    });

    it('keeps the pieces it is given as one text, in order: pieces longer than a part, empty ones, characters outside the BMP', async () => {
      const checkpoints = await make();
      const pieces = ['{"a":', '', 'y'.repeat(600_000), `${'𝔘'.repeat(10)}\n`, 'z'];
      await checkpoints.saveState('state:s', pieces);
      expect(await whole(checkpoints, 'state:s')).toBe(pieces.join(''));
    });

    it('keeps a surrogate pair split between two pieces whole', async () => {
      const checkpoints = await make();
      await checkpoints.saveState('sealer', ['x\ud835', '\udd18y']);
      expect(await whole(checkpoints, 'sealer')).toBe('x𝔘y');
    });

    it('lets the event loop turn while a large state is saved and read (a 9 MB state held it ~250 ms in one SQLite row)', async () => {
      const checkpoints = await make();
      const state = 'x'.repeat(3 * 1024 * 1024);
      expect(await turnsWhile(() => checkpoints.saveState('sealer', [state]))).toBeGreaterThan(2);
      expect(await turnsWhile(() => checkpoints.saveState('sealer', [state]))).toBeGreaterThan(2);
      let read: string | null = null;
      expect(
        await turnsWhile(async () => {
          read = await whole(checkpoints, 'sealer');
        }),
      ).toBeGreaterThan(2);
      expect(read).toBe(state);
    });

    it('gives a reader the state it began to read whole, or none, never parts of two', async () => {
      const checkpoints = await make();
      const [a, b] = ['a'.repeat(2 * 1024 * 1024), 'b'.repeat(2 * 1024 * 1024)];
      await checkpoints.saveState('sealer', [a]);
      const [read] = await Promise.all([whole(checkpoints, 'sealer'), checkpoints.saveState('sealer', [b])]);
      expect([a, null]).toContain(read);
      expect(await whole(checkpoints, 'sealer')).toBe(b);
    });
  });
}

/** How many times the event loop turned while `work` ran. */
async function turnsWhile(work: () => Promise<unknown>): Promise<number> {
  const turns = countTurns();
  try {
    await work();
  } finally {
    turns.stop();
  }
  return turns.turns;
}

/** A saved state as one text (its parts joined), or null. */
async function whole(checkpoints: FollowerCheckpoints, follower: string): Promise<string | null> {
  return (await checkpoints.getState(follower))?.join('') ?? null;
}
