import { describe, expect, it } from 'vitest';
import type { FollowerCheckpoints } from '../../src/stores/followerCheckpoints.port';

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
      expect(await checkpoints.getState('sealer')).toBeNull();
      await checkpoints.saveState('sealer', '{"v":1}');
      await checkpoints.saveState('other', '');
      await checkpoints.save('sealer', '3');
      expect(await checkpoints.getState('sealer')).toBe('{"v":1}');
      expect(await checkpoints.getState('other')).toBe('');
      await checkpoints.saveState('sealer', '{"v":2}');
      expect(await checkpoints.getState('sealer')).toBe('{"v":2}');
      expect(await checkpoints.get('sealer')).toBe('3');
    });

    it('gives one of two states saved at once, whole', async () => {
      const checkpoints = await make();
      await checkpoints.saveState('sealer', 'first');
      const [a, b] = ['a'.repeat(1000), 'b'.repeat(1000)];
      await Promise.all([checkpoints.saveState('sealer', a), checkpoints.saveState('sealer', b)]);
      expect([a, b]).toContain(await checkpoints.getState('sealer'));
    });

    it('keeps a state larger than a MongoDB document, characters outside the BMP included, as it was given', async () => {
      const checkpoints = await make();
      // 17 MiB of 𝔘 (4 bytes of UTF-8 per pair): parts must never split a pair.
      const state = `[${'𝔘'.repeat(17 * 1024 * 256)}é]`;
      await checkpoints.saveState('sealer', state);
      expect(await checkpoints.getState('sealer')).toBe(state);
      await checkpoints.saveState('sealer', 'small');
      expect(await checkpoints.getState('sealer')).toBe('small');
    });
  });
}
