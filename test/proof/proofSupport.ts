import { expect } from 'vitest';
import { loadSodium } from '../../src/crypto/sodium';
import { ExportVerifier, type VerificationReport } from '../../src/proof/exportVerifier';
import type { SignedSeal } from '../../src/proof/seal';
import { parseSigningKey, type PublicKey } from '../../src/proof/signingKey';
import type { Client } from '../support/client';
import { testMasterKeys, type TestApp } from '../support/testService';
import { as, executor, must, setWorkspaceSecret, workspaceWith } from '../support/workspaces';

/** One signing key for every service of the proof tests, so a restart keeps it. */
export const TEST_SIGNING_KEY = `test-seals:${Buffer.alloc(32, 42).toString('base64')}`;

export async function testPublicKey(): Promise<PublicKey> {
  const { keyId, publicKey } = parseSigningKey(TEST_SIGNING_KEY, await loadSodium());
  return { keyId, publicKey };
}

/** The same keys on every start, so a service restarted on a data directory reads what it wrote. */
const masterKeys = testMasterKeys('proof');
export const sealing = { sealing: { signingKey: TEST_SIGNING_KEY }, masterKeys };

/** Seals everything in the log now. */
export async function sealAll(app: Pick<TestApp, 'service' | 'stores'>): Promise<SignedSeal> {
  const seal = await app.service.sealer!.sealUpTo(await app.stores.eventStore.headPosition());
  expect(seal).not.toBeNull();
  return seal!;
}

/** A workspace with members, secrets, details, a resolution and a reveal: every kind of stream it has. */
export async function busyWorkspace(call: Client): Promise<string> {
  const ws = await workspaceWith(call, 'alice', { bob: 'write', carol: 'read' });
  await setWorkspaceSecret(call, ws, 'alice', 'API_KEY', 'first-value');
  await setWorkspaceSecret(call, ws, 'bob', 'DB_URL', 'postgres://x');
  await setWorkspaceSecret(call, ws, 'alice', 'API_KEY', 'second-value');
  await must(call, 'PATCH', `/v1/workspaces/${ws}/secrets/API_KEY`, { ...as('alice'), body: { displayName: 'The API key' } });
  await must(call, 'POST', '/v1/resolve', { token: executor(), body: { workspaceId: ws, trigger: 'manual', triggeredBy: 'alice', input: '{{API_KEY}} {{DB_URL}}' } });
  await must(call, 'POST', `/v1/workspaces/${ws}/secrets/API_KEY/reveal`, as('alice'));
  return ws;
}

/** The export of a workspace as text (as an admin). */
export async function exportText(call: Client, ws: string, sinceSeal?: number): Promise<string> {
  const reply = await call('GET', `/v1/workspaces/${ws}/audit/export${sinceSeal === undefined ? '' : `?sinceSeal=${sinceSeal}`}`, as('alice'));
  expect(reply.status, reply.text).toBe(200);
  expect(reply.headers['content-type']).toContain('application/x-ndjson');
  return reply.text;
}

export async function verifyText(text: string, keys: readonly PublicKey[], kept: SignedSeal | null = null): Promise<VerificationReport> {
  const verifier = new ExportVerifier(await loadSodium(), keys, kept);
  for (const line of text.split('\n')) verifier.line(line);
  return verifier.finish();
}

/** The findings of a report as `problem stream revision` lines, easy to compare. */
export function findingsOf(report: VerificationReport): string[] {
  return report.findings.map((f) => [f.problem, f.stream ?? `seal ${f.seal}`, f.revision ?? ''].join(' ').trim());
}
