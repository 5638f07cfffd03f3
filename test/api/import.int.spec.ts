import { beforeAll, describe, expect, it } from 'vitest';
import type { Reply, RequestOptions } from '../support/client';
import { leaksIn } from '../support/leaks';
import { token, useTestApp } from '../support/testService';
import { bodyOf, etagOf, expectProblem, fieldsOf, resolver, workspaceWith } from '../support/workspaces';

const V = {
  db: 'postgres://u:p@db.internal/import-9d1',
  quoted: 'quoted value # not a comment 4c2',
  multi: 'line one\nline two 7e0',
  exported: 'exported-value-b3a',
  leaked: 'sk-leaked-in-a-bad-line-0f8',
  personal: 'personal-import-value-61d',
};

const goodEnv = [
  '# database',
  `DATABASE_URL=${V.db}`,
  '',
  `QUOTED="${V.quoted}"`,
  `MULTI="${V.multi.replace('\n', '\\n')}"`,
  `export EXPORTED=${V.exported} # trailing comment`,
].join('\r\n');

describe('.env import: POST /v1/workspaces/:ws/secrets/import and /v1/me/secrets/import (DESIGN §3)', () => {
  const { call } = useTestApp();
  const resolve = resolver(call, () => Object.values(V));
  let ws: string;
  let secrets: string;
  const bodies: string[] = [];
  const api = async (method: string, url: string, options?: RequestOptions): Promise<Reply> => {
    const reply = await call(method, url, options);
    bodies.push(reply.text);
    return reply;
  };
  const importAs = (user: string, body: unknown, headers?: Record<string, string>) =>
    api('POST', `${secrets}/import`, { token: token(user), body, headers });
  const keysOf = async (url: string, user: string) =>
    bodyOf<{ secrets: { key: string; version: number }[] }>(await api('GET', url, { token: token(user) })).secrets.map((s) => `${s.key}@${s.version}`);

  beforeAll(async () => {
    ws = await workspaceWith(call, 'alice', { bob: 'write', carol: 'read' });
    secrets = `/v1/workspaces/${ws}/secrets`;
    expect((await api('PUT', `${secrets}/DATABASE_URL`, { token: token('alice'), body: { value: 'old-database-url' } })).status).toBe(201);
  });

  it('dry run: answers the keys, those that exist and no errors, and writes nothing', async () => {
    const before = await etagOf(call, secrets, 'alice');
    const reply = await importAs('bob', { dotenv: goodEnv, dryRun: true });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ dryRun: true, keys: ['DATABASE_URL', 'QUOTED', 'MULTI', 'EXPORTED'], existing: ['DATABASE_URL'], errors: [] });
    expect(await etagOf(call, secrets, 'alice')).toBe(before);
    expect(await keysOf(secrets, 'alice')).toEqual(['DATABASE_URL@1']);
  });

  it('dry run: lists every bad line by number, without quoting it', async () => {
    const dotenv = `GOOD=fine\nAPI_TOKEN: ${V.leaked}\n\nBAD-KEY=${V.leaked}\nEMPTY=\nno equals sign here`;
    const reply = await importAs('alice', { dotenv, dryRun: true });
    expect(reply.status).toBe(200);
    const { errors } = bodyOf<{ errors: { field: string; line: number }[] }>(reply);
    expect(errors.map((e) => [e.field, e.line])).toEqual([['dotenv', 2], ['dotenv', 4], ['dotenv', 5], ['dotenv', 6]]);
  });

  it('rejects the whole import for one bad line: 400 naming the line, nothing written', async () => {
    const before = await etagOf(call, secrets, 'alice');
    const reply = await importAs('alice', { dotenv: `FIRST=one-value\nSECOND=two-value\nTHIRD ${V.leaked}\nFOURTH=four` });
    expectProblem(reply, 400, 'validation_failed');
    expect(bodyOf<{ errors: { field: string; line: number; message: string }[] }>(reply).errors).toEqual([
      { field: 'dotenv', line: 3, message: expect.stringContaining('line 3') },
    ]);
    expect(await etagOf(call, secrets, 'alice')).toBe(before);
    expect(await keysOf(secrets, 'alice')).toEqual(['DATABASE_URL@1']);
  });

  it('lists at most 100 errors and counts them all, however many bad lines come', async () => {
    const lines = 99_999;
    const dotenv = 'x\n'.repeat(lines);
    for (const dryRun of [true, false]) {
      const reply = await importAs('alice', { dotenv, dryRun });
      expect(reply.status).toBe(dryRun ? 200 : 400);
      const body = bodyOf<{ errors: { line: number }[]; errorCount: number }>(reply);
      expect(body.errors).toHaveLength(100);
      expect(body.errors[99]!.line).toBe(100);
      expect(body.errorCount).toBe(lines);
      expect(reply.text.length).toBeLessThan(20_000);
    }
  });

  it('refuses a text of more than 100,000 lines, naming the limit, and more keys than a scope holds with 409', async () => {
    const long = await importAs('alice', { dotenv: 'K=v\n'.repeat(100_001), dryRun: true });
    expect(bodyOf<{ errors: { line: number; message: string }[] }>(long).errors).toEqual([
      { field: 'dotenv', line: 100_001, message: 'line 100001: the text has more than 100000 lines' },
    ]);
    const keys = Array.from({ length: 1_001 }, (_, i) => `K${i}=v`).join('\n');
    for (const dryRun of [true, false]) expectProblem(await importAs('alice', { dotenv: keys, dryRun }), 409, 'too_many_secrets');
  });

  it('checks membership before reading the text: a non-member learns nothing of it', async () => {
    expectProblem(await importAs('dave', { dotenv: 'no equals sign' }), 404, 'workspace_not_found');
    expectProblem(await importAs('dave', { dotenv: 'no equals sign', dryRun: true }), 404, 'workspace_not_found');
  });

  it('refuses malformed bodies naming the field', async () => {
    expect(fieldsOf(await importAs('alice', { dotenv: '' }))).toEqual(['dotenv']);
    expect(fieldsOf(await importAs('alice', { dotenv: 'A=1', dryRun: 'yes' }))).toEqual(['dryRun']);
    expect(fieldsOf(await importAs('alice', { dotenv: 'A=1', overwrite: true }))).toEqual(['overwrite']);
  });

  it('refuses read members (403), write members touching a key they do not admin (403), non-members (404)', async () => {
    const before = await etagOf(call, secrets, 'alice');
    expectProblem(await importAs('carol', { dotenv: 'NEW_KEY=carol-value' }), 403);
    expectProblem(await importAs('bob', { dotenv: goodEnv }), 403);
    expectProblem(await importAs('dave', { dotenv: 'NEW_KEY=dave-value' }), 404, 'workspace_not_found');
    expectProblem(await importAs('dave', { dotenv: 'NEW_KEY=dave-value', dryRun: true }), 404, 'workspace_not_found');
    expect(await etagOf(call, secrets, 'alice')).toBe(before);
  });

  it('honours If-Match: 412 when stale, and sets every key in one write when current', async () => {
    const before = await etagOf(call, secrets, 'alice');
    const revision = Number(JSON.parse(before));
    expectProblem(await importAs('alice', { dotenv: goodEnv }, { 'if-match': `"${revision - 1}"` }), 412, 'stale_revision');
    expect(await etagOf(call, secrets, 'alice')).toBe(before);

    const reply = await importAs('alice', { dotenv: goodEnv }, { 'if-match': before });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ keys: ['DATABASE_URL', 'QUOTED', 'MULTI', 'EXPORTED'], position: expect.stringMatching(/^[0-9]+$/) });
    const after = bodyOf<{ revision: number }>(reply).revision;
    expect(after).toBeGreaterThan(revision);
    expect(reply.headers.etag).toBe(`"${after}"`);
    expect(await keysOf(secrets, 'alice')).toEqual(['DATABASE_URL@2', 'EXPORTED@1', 'MULTI@1', 'QUOTED@1']);
  });

  it('makes the imported values resolvable', async () => {
    const input = { db: '{{DATABASE_URL}}', q: '{{QUOTED}}', m: '{{MULTI}}', e: '{{ EXPORTED }}' };
    const resolved = await resolve({ workspaceId: ws, trigger: 'api', workflowOwnerId: 'alice', input });
    expect(resolved.status).toBe(200);
    expect(bodyOf<{ output: unknown }>(resolved).output).toEqual({ db: V.db, q: V.quoted, m: V.multi, e: V.exported });
  });

  it('imports personal secrets the same way: dry run, bad line, If-Match, then resolvable for their owner', async () => {
    const me = '/v1/me/secrets';
    const mine = (body: unknown, headers?: Record<string, string>) => api('POST', `${me}/import`, { token: token('bob'), body, headers });
    await api('PUT', `${me}/OLD`, { token: token('bob'), body: { value: 'old-personal' } });
    const before = await etagOf(call, me, 'bob');

    const dry = await mine({ dotenv: `OLD=x\nBOB_PERSONAL=${V.personal}`, dryRun: true });
    expect(dry.body).toEqual({ dryRun: true, keys: ['OLD', 'BOB_PERSONAL'], existing: ['OLD'], errors: [] });
    const bad = await mine({ dotenv: `BOB_PERSONAL=${V.personal}\n\n=${V.leaked}` });
    expectProblem(bad, 400);
    expect(bodyOf<{ errors: { line: number }[] }>(bad).errors.map((e) => e.line)).toEqual([3]);
    expectProblem(await mine({ dotenv: `BOB_PERSONAL=${V.personal}` }, { 'if-match': `"${Number(JSON.parse(before)) + 5}"` }), 412);
    expect(await etagOf(call, me, 'bob')).toBe(before);

    const done = await mine({ dotenv: `BOB_PERSONAL=${V.personal}` }, { 'if-match': before });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ keys: ['BOB_PERSONAL'] });
    expect(await keysOf(me, 'bob')).toEqual(['BOB_PERSONAL@1', 'OLD@1']);
    const resolved = await resolve({ workspaceId: ws, trigger: 'manual', triggeredBy: 'bob', input: '{{BOB_PERSONAL}}' });
    expect(bodyOf<{ output: unknown }>(resolved).output).toBe(V.personal);
  });

  it('never answers a value, in any form', () => {
    expect(bodies.length).toBeGreaterThan(20);
    expect(leaksIn(bodies.join('\n'), Object.values(V))).toEqual([]);
  });
});
