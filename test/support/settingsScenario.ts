import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Client, Reply, RequestOptions } from './client';
import { token } from './testService';

/**
 * Issue 3's surface over any client: .env import (dry run and real), details, sharing, reveal,
 * history, fingerprint check, audit (paged and NDJSON), masks. Returns the values it stored and
 * every answer that must not hold one (all but resolve and reveal).
 */
export async function runSettingsScenario(client: Client): Promise<{ values: string[]; bodiesWithoutValues: string[] }> {
  const alice = token('alice');
  const bob = token('bob');
  const auditor = token('reviewer', { scope: 'audit:read', email: null });
  const runner = token('runner', { scope: 'secrets:resolve', email: null });
  const value = (name: string) => `${name}_${randomBytes(10).toString('hex')}`;
  const values = { db: value('db'), api: value('api'), rotated: value('rotated'), mine: value('mine') };
  const bodiesWithoutValues: string[] = [];
  const call = async (method: string, url: string, options?: RequestOptions): Promise<Reply> => {
    const reply = await client(method, url, options);
    if (!url.endsWith('/reveal') && url !== '/v1/resolve') bodiesWithoutValues.push(reply.text);
    return reply;
  };

  const ws = ((await call('POST', '/v1/workspaces', { token: alice, body: { name: 'Settings' } })).body as { id: string }).id;
  const invitation = await call('POST', `/v1/workspaces/${ws}/invitations`, { token: alice, body: { email: 'bob@example.com', permission: 'write' } });
  await call('POST', `/v1/invitations/${(invitation.body as { id: string }).id}/accept`, { token: bob });
  const secrets = `/v1/workspaces/${ws}/secrets`;

  const dotenv = `# imported\nDB_URL=${values.db}\nexport API_TOKEN="${values.api}"\n`;
  const dry = await call('POST', `${secrets}/import`, { token: alice, body: { dotenv, dryRun: true } });
  expect(dry.body).toEqual({ dryRun: true, keys: ['DB_URL', 'API_TOKEN'], existing: [], errors: [] });
  expect((await call('POST', `${secrets}/import`, { token: alice, body: { dotenv } })).status).toBe(200);
  expect((await call('PATCH', `${secrets}/DB_URL`, { token: alice, body: { displayName: 'Database', description: 'Primary' } })).status).toBe(200);
  expect((await call('POST', `${secrets}/DB_URL/members`, { token: alice, body: { email: 'bob@example.com', role: 'member' } })).status).toBe(201);
  expect((await call('PUT', `${secrets}/DB_URL`, { token: alice, body: { value: values.rotated } })).status).toBe(200);
  expect((await call('PUT', '/v1/me/secrets/MINE', { token: bob, body: { value: values.mine } })).status).toBe(201);

  const revealed = await call('POST', `${secrets}/DB_URL/reveal`, { token: bob });
  expect(revealed.body).toEqual({ value: values.rotated, version: 2 });
  const history = await call('GET', `${secrets}/DB_URL/history`, { token: bob });
  expect((history.body as { versions: unknown[] }).versions).toHaveLength(2);
  const check = await call('POST', `${secrets}/DB_URL/fingerprint-check`, { token: auditor, body: { value: values.db } });
  expect((check.body as { matches: { version: number }[] }).matches.map((m) => m.version)).toEqual([1]);

  const resolved = await call('POST', '/v1/resolve', {
    token: runner,
    body: { workspaceId: ws, trigger: 'manual', triggeredBy: 'bob', input: '{{DB_URL}} {{MINE}}', masks: true },
  });
  expect((resolved.body as { masks: string[] }).masks.sort()).toEqual([values.rotated, values.mine].sort());

  const page = await call('GET', `/v1/workspaces/${ws}/audit?limit=1000`, { token: auditor });
  const entries = (page.body as { entries: { type: string }[] }).entries;
  expect(entries.map((e) => e.type)).toEqual(expect.arrayContaining(['SecretSet', 'SecretRevealed', 'FingerprintChecked', 'SecretMemberAdded']));
  const ndjson = await call('GET', `/v1/workspaces/${ws}/audit`, { token: auditor, headers: { accept: 'application/x-ndjson' } });
  expect(ndjson.text.trim().split('\n').map((line) => JSON.parse(line))).toEqual(entries);
  return { values: Object.values(values), bodiesWithoutValues };
}
