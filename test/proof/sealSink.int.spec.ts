import { describe, expect, it } from 'vitest';
import { NdjsonSink } from '../../src/observability/ndjsonSink';
import { Sealer } from '../../src/proof/sealer';
import { stalledPipe } from '../support/stalledPipe';
import { clock, key, setup, sodium } from './sealedLog';

describe('SEAL_SINK (each seal copied out as NDJSON)', () => {
  it('stops copying seals, and says so, once the file stops taking them, instead of holding every seal; sealing goes on', async () => {
    const { store, move } = setup();
    const pipe = stalledPipe();
    const sink = NdjsonSink.over(pipe.out);
    const errors: string[] = [];
    const sealer = new Sealer(store, sodium, key, { intervalMs: 3_600_000, clock, log: { info: () => {}, error: (_details, message) => errors.push(message) }, sink });
    await sealer.run();
    let rounds = 0;
    for (; rounds < 3000 && errors.length === 0; rounds += 1) {
      await move(`workspace-ws_${rounds % 5}`);
      await sealer.sealUpTo(await store.headPosition());
    }
    expect(errors[0]).toMatch(/SEAL_SINK has not taken .* seal \d+ is not copied there/);
    const held = sink.buffered;
    expect(held).toBeLessThan(300 * 1024);
    for (let more = 0; more < 50; more += 1) {
      await move('workspace-ws_0');
      await sealer.sealUpTo(await store.headPosition());
    }
    // Held no more; sealed on all the same, one error per seal left out.
    expect(sink.buffered).toBe(held);
    expect(sealer.last!.sequence).toBe(rounds + 50);
    expect(errors).toHaveLength(51);

    // Once it takes lines again, the next seal is copied.
    pipe.resume();
    await sink.drained();
    await move('workspace-ws_1');
    const next = await sealer.sealUpTo(await store.headPosition());
    await sealer.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors).toHaveLength(51);
    expect(pipe.taken()).toBe(held + `${JSON.stringify(next)}\n`.length);
  });
});
