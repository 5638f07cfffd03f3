import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chainHashOf } from '../../src/proof/chain';
import type { ServiceOptions } from '../../src/service';
import type { EventStore, StoredEvent } from '../../src/stores/eventStore.port';
import { liveAndRebuiltViews } from '../support/viewsCheck';
import { openTestStores, startTestApp, type OwnTestApp } from '../support/testService';
import { as, must, setPersonalSecret, setWorkspaceSecret, workspaceWith } from '../support/workspaces';
import { exportText, sealAll, sealing, testPublicKey, verifyText } from '../proof/proofSupport';

const DAY = 24 * 60 * 60 * 1000;
const recorded0 = (events: readonly StoredEvent[]) => events[0]?.data;
const alice = as('alice');

type Entry = { type: string; actor: string; key: string | null; detail: Record<string, unknown> | null };

/**
 * RECORD_RETENTION_DAYS (DESIGN §7), with an injected clock across restarts: the projector's
 * instance prunes a record stream's prefix through its newest sealed head among events all older
 * than the retention, records the pruning first, never prunes what no seal covers, and does it
 * once however often it runs or restarts. The audit and the proof export follow.
 */
describe('The pruning of records past their retention', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  let now = Date.parse('2026-01-01T00:00:00.000Z');
  /** Seals only when a test says so (and at a clean shutdown). */
  const at = (dir: string, recordRetentionDays: number, extra: Partial<ServiceOptions> = {}) =>
    startTestApp(dir, {
      ...sealing,
      sealing: { ...sealing.sealing, intervalMs: 3_600_000 },
      clock: () => new Date(now),
      settings: { recordRetentionDays },
      ...extra,
    });
  const reveal = (app: OwnTestApp, ws: string) => must(app.call, 'POST', `/v1/workspaces/${ws}/secrets/API_KEY/reveal`, alice);
  const streamOf = async (app: Pick<OwnTestApp, 'stores'>, stream: string): Promise<StoredEvent[]> => app.stores.eventStore.readStream(stream);
  const revisions = async (app: Pick<OwnTestApp, 'stores'>, stream: string) => (await streamOf(app, stream)).map((e) => e.revision);
  const prunings = async (app: Pick<OwnTestApp, 'stores'>, stream: string) => (await streamOf(app, stream)).filter((e) => e.type === 'RecordsPruned');
  const audit = async (app: OwnTestApp, ws: string, query: string) => {
    await app.caughtUp();
    return (await must<{ entries: Entry[] }>(app.call, 'GET', `/v1/workspaces/${ws}/audit?${query}`, alice)).entries;
  };

  it('prunes through the newest covering seal, records it first, leaves what no seal covers, and does it once across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'record-retention-'));
    dirs.push(dir);
    const first = await at(dir, 30);
    const ws = await workspaceWith(first.call, 'alice', {});
    const other = await workspaceWith(first.call, 'alice', {});
    await setWorkspaceSecret(first.call, ws, 'alice', 'API_KEY', 'value-1');
    await setWorkspaceSecret(first.call, other, 'alice', 'API_KEY', 'value-2');
    const records = `workspaceRecords-${ws}.main`;
    const unsealed = `workspaceRecords-${other}.main`;
    await reveal(first, ws);
    await reveal(first, ws);
    const seal1 = await sealAll(first);
    await reveal(first, ws);
    const seal2 = await sealAll(first);
    // Old, but after every seal: no seal covers it as a head.
    await reveal(first, ws);
    await reveal(first, other);
    await reveal(first, other);
    expect(await revisions(first, records)).toEqual([1, 2, 3, 4]);
    expect((await audit(first, ws, 'type=SecretRevealed')).length).toBe(4);
    const [oldest] = await first.stores.eventStore.readStream(records, 0, 1);

    now += 40 * DAY;
    expect(await first.service.pruner!.prune()).toBe(1);
    // Through revision 3, the head of seal 2 (seal 1's, 2, is older); 4 is old but no seal has it.
    const [pruning, ...more] = await prunings(first, records);
    expect(more).toEqual([]);
    const sealedThird = (await first.stores.eventStore.readLast(records))!;
    expect(sealedThird.revision).toBe(5);
    // From the oldest event it drops: the views look for the rows to remove between the two positions.
    expect(pruning).toMatchObject({ revision: 5, data: { stream: records, fromPosition: oldest!.position, throughRevision: 3, sealSequence: seal2.sequence }, metadata: { actor: 'system', at: new Date(now).toISOString() } });
    expect(seal1.sequence).toBeLessThan(seal2.sequence);
    expect(await revisions(first, records)).toEqual([4, 5]);
    expect(await revisions(first, unsealed)).toEqual([1, 2]);
    // The pruned events are off the log; the pruning is on the audit, and the rows of the pruned events are gone.
    expect((await audit(first, ws, 'type=SecretRevealed')).length).toBe(1);
    expect((await audit(first, ws, 'key=API_KEY')).filter((e) => e.type === 'SecretRevealed')).toHaveLength(1);
    expect((await audit(first, ws, 'key=API_KEY')).filter((e) => e.type === 'SecretSet')).toHaveLength(1);
    expect(await audit(first, ws, 'type=RecordsPruned')).toMatchObject([{ actor: 'system', detail: { stream: records, throughRevision: 3, sealSequence: seal2.sequence } }]);
    expect((await audit(first, other, 'type=SecretRevealed')).length).toBe(2);

    expect(await first.service.pruner!.prune()).toBe(0);
    expect(await prunings(first, records)).toHaveLength(1);
    await first.close();

    // Retention 0 keeps everything, though the shutdown sealed the other workspace's records.
    const keeping = await at(dir, 0);
    expect(await keeping.service.pruner!.prune()).toBe(0);
    expect(await revisions(keeping, unsealed)).toEqual([1, 2]);
    await keeping.close();

    // A restart prunes at start: nothing more (the other stream's only sealed head is its last event, which stays).
    const again = await at(dir, 30);
    expect(await prunings(again, records)).toHaveLength(1);
    expect(await revisions(again, records)).toEqual([4, 5]);
    expect(await revisions(again, unsealed)).toEqual([1, 2]);
    expect(await again.service.pruner!.prune()).toBe(0);

    // The proof still holds: the export anchors the pruned stream in seal 2, and both verifications pass.
    const text = await exportText(again.call, ws);
    const lines = text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.filter((line) => line.kind === 'anchor')).toEqual([
      { kind: 'anchor', seal: seal2.sequence, leaf: expect.objectContaining({ stream: records, revision: 3, hash: (pruning!.data as { hash: string }).hash }) },
    ]);
    expect(lines.filter((line) => line.kind === 'seal').map((line) => (line.seal as { sequence: number }).sequence)[0]).toBe(seal2.sequence);
    const report = await verifyText(text, [await testPublicKey()]);
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ ok: true, prunedStreams: 1 });
    const verified = await again.call('POST', `/v1/workspaces/${ws}/audit/verify`, alice);
    expect(verified.status).toBe(200);
    const result = verified.text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>).at(-1);
    expect(result).toMatchObject({ kind: 'result', ok: true, findings: 0, prunedStreams: 1 });
    await again.close();

    // Views rebuilt from the pruned log are the live ones.
    const { live, rebuilt } = await liveAndRebuiltViews(dir);
    expect(rebuilt).toEqual(live);
    const auditRows = (live.audit ?? []) as { doc: { stream: string; type: string } }[];
    expect(auditRows.filter((row) => row.doc.stream === records && row.doc.type === 'SecretRevealed')).toHaveLength(1);
  });

  it("prunes a user's personal records too, the pruning on their own audit", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'record-retention-personal-'));
    dirs.push(dir);
    const app = await at(dir, 30);
    await setPersonalSecret(app.call, 'bob', 'TOKEN', 'personal-value');
    const bob = as('bob');
    for (let i = 0; i < 3; i += 1) await must(app.call, 'POST', '/v1/me/secrets/TOKEN/reveal', bob);
    await sealAll(app);
    await must(app.call, 'POST', '/v1/me/secrets/TOKEN/reveal', bob);
    const records = 'personalRecords-bob.main';
    now += 40 * DAY;
    expect(await app.service.pruner!.prune()).toBe(1);
    expect(await revisions(app, records)).toEqual([4, 5]);
    await app.caughtUp();
    const mine = (await must<{ entries: Entry[] }>(app.call, 'GET', '/v1/me/audit', bob)).entries;
    expect(mine.filter((e) => e.type === 'SecretRevealed')).toHaveLength(1);
    expect(mine.filter((e) => e.type === 'RecordsPruned')).toMatchObject([{ actor: 'system', detail: { stream: records, throughRevision: 3 } }]);
  });

  it('records the pruning before it drops anything: a crash in between is pruned again by the next sweep', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'record-retention-crash-'));
    dirs.push(dir);
    const setup = await at(dir, 0);
    const ws = await workspaceWith(setup.call, 'alice', {});
    await setWorkspaceSecret(setup.call, ws, 'alice', 'API_KEY', 'value');
    await reveal(setup, ws);
    await reveal(setup, ws);
    await sealAll(setup);
    await reveal(setup, ws);
    await setup.close();
    const records = `workspaceRecords-${ws}.main`;

    now += 40 * DAY;
    const stores = openTestStores(dir);
    const sealedHash = chainHashOf((await stores.eventStore.readStream(records)).find((e) => e.revision === 2)!);
    let failOnce = true;
    const crashing: EventStore = Object.create(stores.eventStore, {
      pruneThrough: {
        value: async (stream: string, through: number) => {
          if (failOnce) {
            failOnce = false;
            throw new Error('the process died here');
          }
          return stores.eventStore.pruneThrough(stream, through);
        },
      },
    });
    const errors: unknown[] = [];
    // The sweep at start records the pruning, then fails to drop the events; the service starts regardless.
    const crashed = await at(dir, 30, { ...stores, eventStore: crashing, log: { info: () => {}, error: (details) => errors.push(details) } });
    expect(errors).toHaveLength(1);
    expect(await prunings(crashed, records)).toHaveLength(1);
    expect(await revisions(crashed, records)).toEqual([1, 2, 3, 4]);

    expect(recorded0(await prunings(crashed, records))).toMatchObject({ stream: records, throughRevision: 2, hash: sealedHash });

    // The next sweep prunes (and records) again: now through revision 3, which the shutdown sealed
    // and which is no longer the stream's last event.
    expect(await crashed.service.pruner!.prune()).toBe(1);
    const recorded = await prunings(crashed, records);
    expect(recorded.map((e) => (e.data as { throughRevision: number }).throughRevision)).toEqual([2, 3]);
    expect(await revisions(crashed, records)).toEqual([4, 5]);
    expect(await crashed.service.pruner!.prune()).toBe(0);
    await crashed.close();
  });
});
