import { describe, expect, it } from 'vitest';
import { createSecretsClient, resolve, retryAfterMs, SecretsApiError, type ResolveRequest } from '../../clients/typescript';

const request: ResolveRequest = { workspaceId: 'w1', trigger: 'manual', triggeredBy: 'alice', input: { auth: '{{API_KEY}}' }, run: { id: 'run-1' } };
const resolved = { output: { auth: 'sk_1' }, references: [{ key: 'API_KEY', scope: 'workspace', version: 1 }] };

function problem(status: number, code: string, headers: Record<string, string> = {}) {
  const body = { type: 'about:blank', title: 'x', status, code, detail: `${code} happened` };
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req-1', ...headers } });
}
const ok = () => new Response(JSON.stringify(resolved), { status: 200, headers: { 'content-type': 'application/json' } });

/** A service that answers these, in order, and records what it was sent. */
function service(...answers: Array<() => Response>) {
  const seen: Request[] = [];
  const fetch = async (r: Request) => {
    seen.push(r);
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next();
  };
  const waits: number[] = [];
  const sleep = async (ms: number) => void waits.push(ms);
  return { client: createSecretsClient({ baseUrl: 'http://127.0.0.1:3000', token: 'tok', fetch }), seen, waits, sleep };
}

describe('resolve (the executor)', () => {
  it('answers the resolution, sending the token and the run', async () => {
    const s = service(ok);
    expect(await resolve(s.client, request, { sleep: s.sleep })).toEqual(resolved);
    expect(s.seen[0]!.headers.get('authorization')).toBe('Bearer tok');
    expect(s.seen[0]!.url).toBe('http://127.0.0.1:3000/v1/resolve');
    expect(await s.seen[0]!.json()).toMatchObject({ run: { id: 'run-1' } });
  });

  it('retries a 429 after its Retry-After, and a 503 after a growing backoff', async () => {
    const s = service(() => problem(429, 'rate_limited', { 'retry-after': '2' }), () => problem(503, 'views_not_caught_up'), () => problem(503, 'records_unavailable'), ok);
    expect(await resolve(s.client, request, { sleep: s.sleep, backoffMs: 100 })).toEqual(resolved);
    expect(s.waits).toEqual([2000, 200, 400]);
    expect(s.seen).toHaveLength(4);
  });

  it('gives up after the last retry with the last answer', async () => {
    const s = service(...Array.from({ length: 3 }, () => () => problem(503, 'stream_busy')));
    const error = await resolve(s.client, request, { sleep: s.sleep, retries: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretsApiError);
    expect(error).toMatchObject({ status: 503, code: 'stream_busy', requestId: 'req-1' });
    expect(s.seen).toHaveLength(3);
  });

  it('does not wait longer than allowed: a Retry-After beyond it is thrown at once', async () => {
    const s = service(() => problem(429, 'rate_limited', { 'retry-after': '120' }));
    await expect(resolve(s.client, request, { sleep: s.sleep, maxDelayMs: 10_000 })).rejects.toMatchObject({ status: 429 });
    expect(s.waits).toEqual([]);
  });

  it('throws any other refusal at once, with its problem (a 422 lists what is missing)', async () => {
    const missing = () =>
      new Response(JSON.stringify({ type: 'about:blank', title: 'x', status: 422, code: 'missing_references', detail: 'd', missing: [{ key: 'X', path: '/auth' }], missingCount: 1 }), {
        status: 422,
        headers: { 'content-type': 'application/problem+json' },
      });
    const s = service(missing);
    const error = (await resolve(s.client, request, { sleep: s.sleep }).catch((e: unknown) => e)) as SecretsApiError;
    expect(error.status).toBe(422);
    expect(error.problem?.missing).toEqual([{ key: 'X', path: '/auth' }]);
    expect(s.seen).toHaveLength(1);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('Wed, 31 Dec 2025 00:00:05 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});
