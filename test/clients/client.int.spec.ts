import { describe, expect, it } from 'vitest';
import { createSecretsClient, liveSecrets, redact, resolve, SecretsApiError, unwrap } from '../../clients/typescript';
import { injectTransport } from '../support/clientTransport';
import { token, useTestApp } from '../support/testService';

describe('The TypeScript client against the service (in process)', () => {
  const t = useTestApp();
  const as = (sub: string, options: Parameters<typeof token>[1] = {}) => {
    const { baseUrl, fetch } = injectTransport(t.app);
    return createSecretsClient({ baseUrl, token: token(sub, options), fetch });
  };

  it('saves with If-Match from the listed ETag, and reads a stale one as a SecretsApiError with the current revision', async () => {
    const alice = as('alice');
    const { id: ws } = unwrap(await alice.POST('/v1/workspaces', { body: { name: 'Typed' } }));
    const listed = await alice.GET('/v1/workspaces/{ws}/secrets', { params: { path: { ws } } });
    const etag = listed.response.headers.get('etag')!;
    expect(etag).toBe(`"${liveSecrets(unwrap(listed)).revision}"`);
    const saved = await alice.PATCH('/v1/workspaces/{ws}/secrets', { params: { path: { ws }, header: { 'If-Match': etag } }, body: { set: { API_KEY: 'sk_typed_1' } } });
    expect(unwrap(saved).revision).toBe(liveSecrets(unwrap(listed)).revision + 2);
    const stale = await alice.PATCH('/v1/workspaces/{ws}/secrets', { params: { path: { ws }, header: { 'If-Match': etag } }, body: { set: { API_KEY: 'sk_typed_2' } } });
    let error: unknown;
    try {
      unwrap(stale);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SecretsApiError);
    expect(error).toMatchObject({ status: 412, code: 'stale_revision', problem: { revision: unwrap(saved).revision } });
    expect((error as SecretsApiError).requestId).toMatch(/\S+/);
  });

  it("resolves for an executor and hides the resolved values in a run's log", async () => {
    const alice = as('alice');
    const { id: ws } = unwrap(await alice.POST('/v1/workspaces', { body: { name: 'Runs' } }));
    unwrap(await alice.PUT('/v1/workspaces/{ws}/secrets/{key}', { params: { path: { ws, key: 'API_KEY' } }, body: { value: 'sk_run_42' } }));
    const runner = as('runner', { scope: 'secrets:resolve', email: null });
    const request = { workspaceId: ws, trigger: 'manual' as const, triggeredBy: 'alice', input: { auth: 'Bearer {{API_KEY}}' }, run: { id: 'run-1' }, masks: true };
    const { output, masks } = await resolve(runner, request);
    expect(output).toEqual({ auth: 'Bearer sk_run_42' });
    expect(redact(`calling with ${JSON.stringify(output)}`, masks!)).toBe('calling with {"auth":"Bearer [REDACTED]"}');
    const missing = await resolve(runner, { ...request, input: '{{NOPE}}' }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ status: 422, code: 'missing_references', problem: { missing: [{ key: 'NOPE', path: '' }] } });
  });
});
