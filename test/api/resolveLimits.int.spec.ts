import { beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../support/client';
import { useTestApp } from '../support/testService';
import { bodyOf, executor, expectProblem, resolver, setWorkspaceSecret, workspaceWith } from '../support/workspaces';

type Missing = { missing: { key: string; path: string; reason: string }[]; missingCount: number; detail: string };

/** What one resolution may ask for (DESIGN §6), over HTTP: a 400 naming the limit, a bounded 422. */
describe('Resolution limits (POST /v1/resolve)', () => {
  const { call } = useTestApp();
  let ws: string;
  const resolveAs = resolver(call);
  const resolve = (input: unknown, extra: object = {}) => resolveAs({ workspaceId: ws, trigger: 'manual', triggeredBy: 'alice', input, ...extra });
  const rawResolve = (inputJson: string) =>
    call('POST', '/v1/resolve', { token: executor(), rawBody: `{"workspaceId":"${ws}","trigger":"manual","triggeredBy":"alice","input":${inputJson}}` });

  beforeAll(async () => {
    ws = await workspaceWith(call, 'alice', {});
    await setWorkspaceSecret(call, ws, 'alice', 'BIG', 'b'.repeat(64 * 1024));
  });

  function limitNamed(reply: Reply, message: string) {
    expectProblem(reply, 400, 'validation_failed');
    expect(reply.body).toMatchObject({ errors: [{ field: 'input', message }] });
  }

  it('refuses the ~650 KB input that once ran the process out of memory, naming a limit', async () => {
    let input: unknown = Array.from({ length: 50_000 }, (_, i) => `{{MISSING_${i}}}`).join('');
    for (let i = 0; i < 100; i += 1) input = { [`${'k'.repeat(999)}${i % 10}`]: input };
    const reply = await resolve(input);
    expectProblem(reply, 400);
    expect(reply.text.length).toBeLessThan(2_000);
  });

  it('refuses input nested 2,000 deep with a 400, not a 500', async () => {
    limitNamed(await rawResolve(`${'['.repeat(2_000)}"{{A}}"${']'.repeat(2_000)}`), 'nested deeper than 64 levels');
    limitNamed(await rawResolve(`${'['.repeat(65)}"x"${']'.repeat(65)}`), 'nested deeper than 64 levels');
    expect((await rawResolve(`${'['.repeat(64)}"x"${']'.repeat(64)}`)).status).toBe(200);
  });

  it('refuses 100,000 distinct keys in one string', async () => {
    limitNamed(await resolve(Array.from({ length: 100_000 }, (_, i) => `{{K${i}}}`).join('')), 'more than 1000 distinct keys');
  });

  it('refuses more than 10,000 strings or references', async () => {
    limitNamed(await resolve(Array.from({ length: 10_001 }, () => 'x')), 'more than 10000 strings');
    limitNamed(await resolve('{{A}}'.repeat(10_001)), 'more than 10000 references');
  });

  it('refuses references that would substitute more than 8 MiB of values', async () => {
    limitNamed(await resolve('{{BIG}}'.repeat(129)), 'the references would substitute more than 8388608 bytes of values');
    expect((await resolve('{{BIG}}'.repeat(100))).status).toBe(200);
  });

  it('lists at most 100 missing {key, path} entries in a 422, and counts them all', async () => {
    const input = Array.from({ length: 1_000 }, (_, i) => ({ at: `{{M${i}}} {{M${i}}}` }));
    const reply = await resolve(input);
    expectProblem(reply, 422, 'missing_references');
    const body = bodyOf<Missing>(reply);
    expect(body.missing).toHaveLength(100);
    expect(body.missing[0]).toEqual({ key: 'M0', path: '/0/at', reason: 'unknown' });
    expect(body.missingCount).toBe(1_000);
    expect(body.detail).toContain('1000 missing references in all');
    expect(reply.text.length).toBeLessThan(20_000);
  });

  it('keeps a small 422 as it was: every entry, and the count', async () => {
    const body = bodyOf<Missing>(await resolve({ a: '{{NOPE}}', b: ['{{NOPE}} {{ALSO_NOPE}}'] }));
    expect(body.missing).toEqual([
      { key: 'NOPE', path: '/a', reason: 'unknown' },
      { key: 'NOPE', path: '/b/0', reason: 'unknown' },
      { key: 'ALSO_NOPE', path: '/b/0', reason: 'unknown' },
    ]);
    expect(body.missingCount).toBe(3);
  });
});
