import { describe, expect, it } from 'vitest';
import { NdjsonSink } from '../../src/observability/ndjsonSink';
import { AuditSink } from '../../src/projections/auditSink';
import type { ViewWrite } from '../../src/stores/readStore.port';
import type { AuditDoc, ViewDocs } from '../../src/projections/views';
import { stalledPipe } from '../support/stalledPipe';

const rowsOf = (n: number, batch: number): ViewWrite<ViewDocs>[] =>
  Array.from({ length: n }, (_, i) => ({ collection: 'audit', id: `a${batch}-${i}`, position: String(batch * n + i + 1), doc: { type: 'SecretsResolved', detail: 'x'.repeat(500) } as unknown as AuditDoc }));

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('AUDIT_SINK (audit rows copied out as NDJSON)', () => {
  it('asks the projector to wait once the stream stops taking lines, instead of holding every row', async () => {
    const pipe = stalledPipe();
    const sink = new AuditSink(NdjsonSink.over(pipe.out), { auditRow: async (row) => row as never }, (error) => {
      throw error;
    });
    // A batch or two is buffered without a wait: a pipe that reads on takes it.
    expect(sink.write(rowsOf(25, 0))).toBeUndefined();
    await settle();
    let waiting: Promise<void> | undefined;
    for (let batch = 1; batch < 1000 && waiting === undefined; batch += 1) {
      waiting = sink.write(rowsOf(25, batch));
      await settle();
    }
    expect(waiting).toBeInstanceOf(Promise);
    let kept = false;
    void waiting!.then(() => (kept = true));
    await settle();
    expect(kept).toBe(false);
    pipe.resume();
    for (let i = 0; i < 1000 && !kept; i += 1) await settle();
    expect(kept).toBe(true);
    expect(pipe.taken()).toBeGreaterThan(1024 * 1024);
  });
});
