import { describe, expect, it, onTestFinished } from 'vitest';
import { GENESIS } from '../../src/proof/eventHash';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { subjects } from '../../src/crypto/subjectKeys';
import { readKeptSeal } from '../../src/proof/verifyExportFile';
import { sealHash } from '../../src/proof/seal';
import { startTestApp, useTestApp } from '../support/testService';
import { as, bodyOf, expectProblem, setWorkspaceSecret } from '../support/workspaces';
import { busyWorkspace, exportText, findingsOf, sealAll, sealing, testPublicKey, verifyText } from './proofSupport';

describe('seals, the proof export and its verification', () => {
  // Its tests export and verify as alice more often than a principal may in a minute (RATE_LIMIT_VERIFY_MAX).
  const app = useTestApp({ ...sealing, settings: { rateLimits: { verifyMax: 1000 } } });
  const { call } = app;

  it('seals the heads of every stream, signed, each seal naming the one before', async () => {
    const ws = await busyWorkspace(call);
    const first = await sealAll(app);
    await setWorkspaceSecret(call, ws, 'alice', 'LATER', 'v');
    const second = await sealAll(app);
    expect(second.sequence).toBe(first.sequence + 1);
    expect(second.prevSeal).toBe(sealHash(first));
    expect(first.sequence === 1 ? first.prevSeal : null).toBe(first.sequence === 1 ? GENESIS : null);
    expect(second.keyId).toBe('test-seals');
    // Nothing changed: no seal.
    expect(await app.service.sealer!.sealNow()).toBeNull();
  });

  it('exports a workspace that verifies, with every stream proven against the newest seal', async () => {
    const ws = await busyWorkspace(call);
    await sealAll(app);
    const text = await exportText(call, ws);
    const lines = text.trim().split('\n').map((line) => JSON.parse(line) as { kind: string; stream?: string });
    expect(lines[0]).toMatchObject({ kind: 'export', workspaceId: ws, format: 1 });
    expect(lines.at(-1)).toMatchObject({ kind: 'end' });
    expect(new Set(lines.filter((l) => l.kind === 'event').map((l) => l.stream))).toEqual(
      new Set([`workspace-${ws}`, `workspaceSecrets-${ws}`, `workspaceRecords-${ws}.main`]),
    );
    expect(text).not.toContain('ciphertext');
    expect(text).not.toContain('first-value');
    const report = await verifyText(text, [await testPublicKey()]);
    expect(findingsOf(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.streams).toBe(3);
  });

  it('reports events after the newest seal as unsealed, not as breaks', async () => {
    const ws = await busyWorkspace(call);
    await sealAll(app);
    await setWorkspaceSecret(call, ws, 'alice', 'NEWER', 'v');
    const report = await verifyText(await exportText(call, ws), [await testPublicKey()]);
    expect(report.ok).toBe(true);
    expect(report.unsealedEvents).toBeGreaterThan(0);
  });

  it('checks a seal kept from before against the later history (?sinceSeal=N)', async () => {
    const ws = await busyWorkspace(call);
    const kept = await sealAll(app);
    await setWorkspaceSecret(call, ws, 'bob', 'LATER', 'v');
    await sealAll(app);
    const text = await exportText(call, ws, kept.sequence);
    expect(findingsOf(await verifyText(text, [await testPublicKey()], kept))).toEqual([]);
    // Without ?sinceSeal the kept seal cannot be checked, and the verifier says so.
    expect(findingsOf(await verifyText(await exportText(call, ws), [await testPublicKey()], kept))).toEqual([`kept_seal_absent seal ${kept.sequence}`]);
  });

  it('answers 404 seal_not_found for a seal that does not exist, and 400 for one that is not a number', async () => {
    const ws = await busyWorkspace(call);
    await sealAll(app);
    expectProblem(await call('GET', `/v1/workspaces/${ws}/audit/export?sinceSeal=99999`, as('alice')), 404, 'seal_not_found');
    expectProblem(await call('GET', `/v1/workspaces/${ws}/audit/export?sinceSeal=first`, as('alice')), 400);
  });

  it('lets only workspace admins and audit:read tokens export and verify', async () => {
    const ws = await busyWorkspace(call);
    expectProblem(await call('GET', `/v1/workspaces/${ws}/audit/export`, as('bob')), 403);
    expectProblem(await call('POST', `/v1/workspaces/${ws}/audit/verify`, as('bob')), 403);
    expectProblem(await call('GET', `/v1/workspaces/${ws}/audit/export`, as('mallory')), 404);
    expect((await call('GET', `/v1/workspaces/${ws}/audit/export`, as('auditor', { scope: 'audit:read' }))).status).toBe(200);
  });

  it('verifies the stored history on the server, streaming what it finds, and records the verification', async () => {
    const ws = await busyWorkspace(call);
    await sealAll(app);
    const reply = await call('POST', `/v1/workspaces/${ws}/audit/verify`, as('alice'));
    expect(reply.status, reply.text).toBe(200);
    const lines = reply.text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.at(-1)).toMatchObject({ kind: 'result', ok: true, findings: 0, workspaceId: ws });
    const audit = await call('GET', `/v1/workspaces/${ws}/audit?type=AuditVerified`, as('alice'));
    expect(bodyOf<{ entries: Array<{ detail: Record<string, unknown> }> }>(audit).entries.map((e) => e.detail)).toEqual([
      expect.objectContaining({ outcome: 'intact', findings: 0 }),
    ]);
  });

  it('keeps a chain that verifies when a person is erased, the audit showing [erased] (their key destroyed)', async () => {
    const ws = await busyWorkspace(call);
    await sealAll(app);
    await app.service.subjectKeys.destroy(subjects.user('bob'));
    await app.service.subjectKeys.destroy(subjects.email('bob@example.com'));
    const report = await verifyText(await exportText(call, ws), [await testPublicKey()]);
    expect(findingsOf(report)).toEqual([]);
    const members = bodyOf<{ members: Array<{ userId: string; email: string }> }>(await call('GET', `/v1/workspaces/${ws}/members`, as('alice'))).members;
    expect(members.find((m) => m.userId === 'bob')?.email).toBe('[erased]');
    const audit = bodyOf<{ entries: Array<{ type: string; subject: { email?: string } | null }> }>(await call('GET', `/v1/workspaces/${ws}/audit?type=InvitationAccepted`, as('alice')));
    expect(audit.entries.map((e) => e.subject?.email)).toContain('[erased]');
  });

  it('lists the public keys seals are signed with, to anyone, without a token', async () => {
    const reply = await call('GET', '/v1/audit/public-keys');
    expect(reply.status).toBe(200);
    const { keyId, publicKey } = await testPublicKey();
    expect(bodyOf<{ keys: unknown[] }>(reply).keys).toEqual([{ keyId, algorithm: 'Ed25519', publicKey, validFrom: expect.any(String), validUntil: null }]);
  });
});

describe('SEAL_SINK', () => {
  it('gets every seal as one line, which verify-audit takes as the kept seal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seal-sink-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const sink = join(dir, 'seals.ndjson');
    const own = await startTestApp(':memory:', { ...sealing, sealing: { ...sealing.sealing, sink } });
    await busyWorkspace(own.call);
    const first = await sealAll(own);
    await setWorkspaceSecret(own.call, (await busyWorkspace(own.call)), 'alice', 'MORE', 'v');
    const second = await sealAll(own);
    await expect.poll(() => readFileSync(sink, 'utf8').trim().split('\n').length).toBe(2);
    expect(readFileSync(sink, 'utf8').trim().split('\n').map((line) => JSON.parse(line))).toEqual([first, second]);
    expect(readKeptSeal(sink)).toEqual(second);
    expect(statSync(sink).mode & 0o777).toBe(0o600);
  });
});

describe('signing keys rotate by id', () => {
  it('keeps the old key listed until the new one signs, and old seals checkable with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seals-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const first = await startTestApp(dir, sealing);
    const ws = await busyWorkspace(first.call);
    await sealAll(first);
    await first.close();
    const next = `next-key:${Buffer.alloc(32, 9).toString('base64')}`;
    const second = await startTestApp(dir, { ...sealing, sealing: { signingKey: next } });
    await setWorkspaceSecret(second.call, ws, 'alice', 'AFTER', 'v');
    await sealAll(second);
    const keys = bodyOf<{ keys: Array<{ keyId: string; validUntil: string | null; publicKey: string }> }>(await second.call('GET', '/v1/audit/public-keys')).keys;
    expect(keys.map((k) => [k.keyId, k.validUntil === null])).toEqual([
      ['test-seals', false],
      ['next-key', true],
    ]);
    const report = await verifyText(await exportText(second.call, ws, 1), keys);
    expect(findingsOf(report)).toEqual([]);
  });
});
