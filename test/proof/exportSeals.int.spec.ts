import { describe, expect, it } from 'vitest';
import { workspaceAuditExport } from '../../src/proof/auditExport';
import type { ExportLine } from '../../src/proof/exportFormat';
import { SealHistory } from '../../src/proof/sealHistory';
import { SEALS_STREAM } from '../../src/events/streams';
import type { EventStore } from '../../src/stores/eventStore.port';
import { testPublicKey, verifyText } from './proofSupport';
import { clock, countingReads, setup, sodium } from './sealedLog';

/**
 * An export since a seal carries every seal from it on: a deployment makes thousands a day, so
 * they are read again from the seals stream as the lines are written, never held all at once.
 */
describe('the seals of an export since a seal', () => {
  it('are read no further than the kept seal before the first line, then streamed up to the newest', async () => {
    const { store, sealRounds } = setup();
    await sealRounds(2500);
    const history = new SealHistory(store, sodium);
    await history.refresh();
    const { counted, starts } = countingReads(store);
    // Only the reads this test counts go through it; the rest of the port is never called here.
    const source = { store: counted as EventStore, history, sodium, clock };

    const lines = await workspaceAuditExport(source, 'ws_1', { sinceSeal: 2, digestEnvelopes: true });
    // Seal 2 is in the stream's first page: the tree at it is read from there, and nothing beyond.
    expect(starts).toEqual([0]);

    const all: ExportLine[] = [];
    for await (const line of lines) all.push(line);
    const sealed = all.flatMap((line) => (line.kind === 'seal' ? [line.seal.sequence] : []));
    expect(sealed).toEqual(Array.from({ length: 2499 }, (_, i) => i + 2));
    // Then the seals from seal 2 on, a page at a time, from where seal 2 is.
    expect(starts.slice(1, 4)).toEqual([2, 1002, 2002]);
    const report = await verifyText(all.map((line) => JSON.stringify(line)).join('\n'), [await testPublicKey()]);
    expect(report.findings).toEqual([]);
    expect(report.newestSeal).toBe(2500);
  });

  it('end at the newest seal the export names, even when the shared history moves on while it prepares', async () => {
    const { store, sealRounds } = setup();
    await sealRounds(5);
    const history = new SealHistory(store, sodium);
    // The workspace's own streams wait until told: meanwhile a seal lands and another request refreshes the history.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const gated: EventStore = Object.assign(Object.create(store) as EventStore, {
      readStream: async (stream: string, after?: number, limit?: number) => {
        if (stream !== SEALS_STREAM) await gate;
        return store.readStream(stream, after, limit);
      },
    });
    const exporting = workspaceAuditExport({ store: gated, history, sodium, clock }, 'ws_1', { allSeals: true, digestEnvelopes: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await sealRounds(1);
    await history.refresh();
    expect(history.last!.sequence).toBe(6);
    open();

    const all: ExportLine[] = [];
    for await (const line of await exporting) all.push(line);
    const header = all[0] as Extract<ExportLine, { kind: 'export' }>;
    expect(header.newestSeal).toBe(5);
    expect(all.flatMap((line) => (line.kind === 'seal' ? [line.seal.sequence] : []))).toEqual([1, 2, 3, 4, 5]);
    expect((await verifyText(all.map((line) => JSON.stringify(line)).join('\n'), [await testPublicKey()])).findings).toEqual([]);
  });
});
