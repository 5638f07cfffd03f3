import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { createSecretsClient, unwrap } from '../../clients/typescript';
import { recording, type Transport } from './clientTransport';
import { token } from './testService';

/**
 * Issue 3's surface through the TypeScript client (clients/typescript), over any transport (a
 * server over HTTP, or an app in process): .env import (dry run and real), details, sharing,
 * reveal, history, fingerprint check, audit (paged and NDJSON), masks. Returns the values it
 * stored and every answer that must not hold one (all but resolve and reveal).
 */
export async function runSettingsScenario(transport: Transport): Promise<{ values: string[]; bodiesWithoutValues: string[] }> {
  const recorded = recording(transport, (_method, path) => !path.endsWith('/reveal') && path !== '/v1/resolve');
  const as = (sub: string, options: Parameters<typeof token>[1] = {}) => createSecretsClient({ baseUrl: recorded.baseUrl, token: token(sub, options), fetch: recorded.fetch });
  const alice = as('alice');
  const bob = as('bob');
  const auditor = as('reviewer', { scope: 'audit:read', email: null });
  const runner = as('runner', { scope: 'secrets:resolve', email: null });
  const value = (name: string) => `${name}_${randomBytes(10).toString('hex')}`;
  const values = { db: value('db'), api: value('api'), rotated: value('rotated'), mine: value('mine') };

  const { id: ws } = unwrap(await alice.POST('/v1/workspaces', { body: { name: 'Settings' } }));
  const path = { ws };
  const invitation = unwrap(await alice.POST('/v1/workspaces/{ws}/invitations', { params: { path }, body: { email: 'bob@example.com', permission: 'write' } }));
  unwrap(await bob.POST('/v1/invitations/{id}/accept', { params: { path: { id: invitation.id } } }));

  const dotenv = `# imported\nDB_URL=${values.db}\nexport API_TOKEN="${values.api}"\n`;
  const dry = unwrap(await alice.POST('/v1/workspaces/{ws}/secrets/import', { params: { path }, body: { dotenv, dryRun: true } }));
  expect(dry).toEqual({ dryRun: true, keys: ['DB_URL', 'API_TOKEN'], existing: [], errors: [] });
  unwrap(await alice.POST('/v1/workspaces/{ws}/secrets/import', { params: { path }, body: { dotenv } }));
  const db = { ws, key: 'DB_URL' };
  unwrap(await alice.PATCH('/v1/workspaces/{ws}/secrets/{key}', { params: { path: db }, body: { displayName: 'Database', description: 'Primary' } }));
  const shared = await alice.POST('/v1/workspaces/{ws}/secrets/{key}/members', { params: { path: db }, body: { email: 'bob@example.com', role: 'member' } });
  expect(shared.response.status).toBe(201);
  const rotated = await alice.PUT('/v1/workspaces/{ws}/secrets/{key}', { params: { path: db }, body: { value: values.rotated } });
  expect(rotated.response.status).toBe(200);
  expect((await bob.PUT('/v1/me/secrets/{key}', { params: { path: { key: 'MINE' } }, body: { value: values.mine } })).response.status).toBe(201);

  expect(unwrap(await bob.POST('/v1/workspaces/{ws}/secrets/{key}/reveal', { params: { path: db }, body: {} }))).toEqual({ value: values.rotated, version: 2 });
  expect(unwrap(await bob.GET('/v1/workspaces/{ws}/secrets/{key}/history', { params: { path: db } })).versions).toHaveLength(2);
  const check = unwrap(await auditor.POST('/v1/workspaces/{ws}/secrets/{key}/fingerprint-check', { params: { path: db }, body: { value: values.db } }));
  expect(check.matches.map((m) => m.version)).toEqual([1]);

  const resolved = unwrap(
    await runner.POST('/v1/resolve', { body: { workspaceId: ws, trigger: 'manual', triggeredBy: 'bob', input: '{{DB_URL}} {{MINE}}', masks: true } }),
  );
  expect(resolved.masks!.sort()).toEqual([values.rotated, values.mine].sort());

  // The answer is a page (application/json) or entries (application/x-ndjson, asked below).
  const page = unwrap(await auditor.GET('/v1/workspaces/{ws}/audit', { params: { path, query: { limit: 1000 } } }));
  if (!('entries' in page)) throw new Error('a page of the audit was expected');
  const { entries } = page;
  expect(entries.map((e) => e.type)).toEqual(expect.arrayContaining(['SecretSet', 'SecretRevealed', 'FingerprintChecked', 'SecretMemberAdded']));
  const ndjson = unwrap(await auditor.GET('/v1/workspaces/{ws}/audit', { params: { path }, headers: { accept: 'application/x-ndjson' }, parseAs: 'text' }));
  expect(ndjson.trim().split('\n').map((line) => JSON.parse(line))).toEqual(entries);
  return { values: Object.values(values), bodiesWithoutValues: recorded.texts };
}
