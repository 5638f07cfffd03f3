import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { token, useTestApp } from '../support/testService';
import { bodyOf, etagOf, expectProblem, workspaceWith } from '../support/workspaces';

/** What the body parser and the write preconditions accept (DESIGN §6): text, structure, If-Match. */
describe('Request bodies and preconditions', () => {
  const t = useTestApp();
  const call = t.call;
  let ws: string;
  let secrets: string;
  const alice = () => token('alice');

  beforeAll(async () => {
    ws = await workspaceWith(call, 'alice', {});
    secrets = `/v1/workspaces/${ws}/secrets`;
  });

  describe('keys named like Object.prototype members are ordinary keys', () => {
    it('saves __proto__ and constructor through a batch just as PUT does, and lists and reveals them', async () => {
      const batch = await call('PATCH', secrets, { token: alice(), rawBody: '{"set":{"__proto__":"proto-value-1","constructor":"ctor-value-1"}}' });
      expect(batch.status, batch.text).toBe(200);
      expect((await call('PUT', `${secrets}/toString`, { token: alice(), body: { value: 'tostring-value-1' } })).status).toBe(201);
      const listed = bodyOf<{ secrets: { key: string }[] }>(await call('GET', secrets, { token: alice() })).secrets.map((s) => s.key);
      expect(listed).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'toString']));
      const revealed = await call('POST', `${secrets}/__proto__/reveal`, { token: alice() });
      expect(bodyOf<{ value: string }>(revealed).value).toBe('proto-value-1');
      expect((await call('DELETE', secrets, { token: alice(), rawBody: '{"delete":["constructor"]}', headers: { 'content-type': 'application/json' } })).status).toBe(404);
      expect((await call('PATCH', secrets, { token: alice(), body: { delete: ['constructor'] } })).status).toBe(200);
      expect(({} as Record<string, unknown>)['proto-value-1']).toBeUndefined();
    });

    it('resolves input holding __proto__ and constructor keys and returns them as sent', async () => {
      const rawBody = `{"workspaceId":"${ws}","trigger":"manual","triggeredBy":"alice","input":{"__proto__":{"a":"{{__proto__}}"},"constructor":"{{ toString }}"}}`;
      const reply = await call('POST', '/v1/resolve', { token: token('runner', { scope: 'secrets:resolve' }), rawBody });
      expect(reply.status, reply.text).toBe(200);
      expect(reply.text).toContain('"output":{"__proto__":{"a":"proto-value-1"},"constructor":"tostring-value-1"}');
    });
  });

  describe('text', () => {
    it('refuses a body that is not UTF-8', async () => {
      const raw = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
      const reply = await call('POST', '/v1/workspaces', { token: alice(), rawBody: raw });
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ code: 'invalid_json', detail: expect.stringContaining('UTF-8') });
    });

    it.each([
      ['a value', () => [`${secrets}/K`, 'PUT', '{"value":"ab\\ud800cd"}'] as const],
      ['a key', () => [secrets, 'PATCH', '{"set":{"K\\udc00":"v"}}'] as const],
      ['a workspace name', () => ['/v1/workspaces', 'POST', '{"name":"\\udfffname"}'] as const],
      ['an email', () => [`/v1/workspaces/${ws}/invitations`, 'POST', '{"email":"a\\ud83d@example.com","permission":"read"}'] as const],
      ['a display name', () => [`${secrets}/K`, 'PATCH', '{"displayName":"\\ud800"}'] as const],
    ])('refuses a lone surrogate in %s with 400, writing nothing', async (_what, request) => {
      const [url, method, rawBody] = request();
      const before = await t.stores.eventStore.headPosition();
      expectProblem(await call(method, url, { token: alice(), rawBody }), 400, 'invalid_unicode');
      expect(await t.stores.eventStore.headPosition()).toBe(before);
    });

    it('saves any well-formed value byte for byte and refuses any other, writing nothing (property)', async () => {
      const unit = fc.oneof(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
        fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
        fc.constantFrom('\ufeff', '\u0000', '"', '\\', '\u{1F511}'),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(unit, { minLength: 1, maxLength: 12 }), async (units) => {
          const value = units.join('');
          const before = await t.stores.eventStore.headPosition();
          // JSON.stringify writes a lone surrogate as a \u escape, as a client's JSON would.
          const saved = await call('PUT', `${secrets}/PROP`, { token: alice(), rawBody: JSON.stringify({ value }) });
          if (!value.isWellFormed()) {
            expectProblem(saved, 400, 'invalid_unicode');
            expect(await t.stores.eventStore.headPosition()).toBe(before);
            return;
          }
          expect(saved.status, saved.text).toBeLessThan(300);
          expect(bodyOf<{ value: string }>(await call('POST', `${secrets}/PROP/reveal`, { token: alice() })).value).toBe(value);
        }),
        { numRuns: 60 },
      );
    });

    it('keeps a leading U+FEFF: the value comes back byte for byte and its fingerprint matches', async () => {
      for (const value of ['\ufeff', '\ufeffsk_live_bom', 'emoji \u{1F511} and \ufeff inside']) {
        expect((await call('PUT', `${secrets}/BOM`, { token: alice(), body: { value } })).status).toBeLessThan(300);
        expect(bodyOf<{ value: string }>(await call('POST', `${secrets}/BOM/reveal`, { token: alice() })).value).toBe(value);
        const check = await call('POST', `${secrets}/BOM/fingerprint-check`, { token: alice(), body: { value } });
        expect(bodyOf<{ matches: unknown[] }>(check).matches.length).toBeGreaterThan(0);
      }
    });
  });

  describe('structure', () => {
    const deep = (depth: number) => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
    const padded = (json: string) => `{"name":"${'p'.repeat(20_000)}","extra":${json}}`;

    it('refuses a large body nested deeper than 100 levels before parsing it', async () => {
      expectProblem(await call('POST', '/v1/workspaces', { token: alice(), rawBody: padded(deep(101)) }), 400, 'body_too_deep');
      expectProblem(await call('POST', '/v1/workspaces', { token: alice(), rawBody: deep(3_000_000) }), 400, 'body_too_deep');
      // Within the bound (the outer object is one level), the body is parsed and then validated as usual.
      expectProblem(await call('POST', '/v1/workspaces', { token: alice(), rawBody: padded(deep(99)) }), 400, 'validation_failed');
    });

    it('refuses a large body of more than 100,000 values', async () => {
      const many = `[${'{},'.repeat(100_000)}{}]`;
      expectProblem(await call('POST', '/v1/workspaces', { token: alice(), rawBody: many }), 400, 'body_too_complex');
      const strings = `{"a":"${'{[,:'.repeat(100_000)}"}`;
      expectProblem(await call('POST', '/v1/workspaces', { token: alice(), rawBody: strings }), 400, 'validation_failed');
    });

    it('takes DELETE with a JSON content type and no body', async () => {
      expect((await call('PUT', `${secrets}/GONE`, { token: alice(), body: { value: 'v' } })).status).toBe(201);
      const reply = await call('DELETE', `${secrets}/GONE`, { token: alice(), headers: { 'content-type': 'application/json' } });
      expect(reply.status).toBe(204);
    });

    it('still refuses an empty body where one is needed', async () => {
      expectProblem(await call('POST', '/v1/workspaces', { token: alice(), headers: { 'content-type': 'application/json' } }), 400, 'invalid_json');
    });

    it('refuses a batch of more keys than a scope holds by the scope rule (409)', async () => {
      const set = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`K${i}`, 'v']));
      expectProblem(await call('PATCH', secrets, { token: alice(), body: { set } }), 409, 'too_many_secrets');
    });

    // A batch of tens of thousands of keys must not be checked key by key (a tenth to a quarter of
    // a second of one event loop): no scope holds more than 1,000 secrets, so its size decides first.
    it('refuses a batch setting more keys than a scope holds by its size, before checking each key', async () => {
      const set = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`bad-${i}`, 'v']));
      const reply = await call('PATCH', secrets, { token: alice(), body: { set } });
      expectProblem(reply, 409, 'too_many_secrets');
      expect(bodyOf<{ errors?: unknown }>(reply).errors).toBeUndefined();
    });

    it('refuses a batch deleting more keys than a scope holds as one error on delete, before checking each key', async () => {
      const reply = await call('PATCH', secrets, { token: alice(), body: { delete: Array.from({ length: 1001 }, (_, i) => `bad-${i}`) } });
      expectProblem(reply, 400, 'validation_failed');
      expect(bodyOf<{ errors: unknown[] }>(reply).errors).toEqual([{ field: 'delete', message: 'at most 1000 keys: a scope holds no more' }]);
      const atTheLimit = await call('PATCH', secrets, { token: alice(), body: { delete: Array.from({ length: 1000 }, (_, i) => `GONE_${i}`) } });
      expectProblem(atTheLimit, 404, 'secret_not_found');
    });

    it('lists at most 100 validation errors and counts them all', async () => {
      const set = Object.fromEntries(Array.from({ length: 900 }, (_, i) => [`bad-${i}`, 'v']));
      const reply = await call('PATCH', secrets, { token: alice(), body: { set } });
      expectProblem(reply, 400, 'validation_failed');
      const body = bodyOf<{ errors: unknown[]; errorCount: number }>(reply);
      expect(body.errors).toHaveLength(100);
      expect(body.errorCount).toBe(900);
    });
  });

  describe('If-Match', () => {
    const put = (headers: Record<string, string>) => call('PUT', `${secrets}/IFM`, { token: alice(), body: { value: `v-${Math.random()}` }, headers });
    const current = async () => Number(JSON.parse(await etagOf(call, secrets, 'alice')));

    it('takes * as any revision', async () => {
      expect((await put({ 'if-match': '*' })).status).toBeLessThan(300);
    });

    it('never matches a weak tag, even of the current revision', async () => {
      expectProblem(await put({ 'if-match': `W/"${await current()}"` }), 412, 'stale_revision');
    });

    it('matches a list if any entry does', async () => {
      const revision = await current();
      expectProblem(await put({ 'if-match': `"${revision - 1}", W/"${revision}"` }), 412, 'stale_revision');
      expect((await put({ 'if-match': `"${revision - 1}", "${revision}"` })).status).toBe(200);
      expect((await put({ 'if-match': `"abc",${await current()}` })).status).toBe(200);
    });

    it('answers 412 to a well-formed tag that names no revision', async () => {
      expectProblem(await put({ 'if-match': '"abc"' }), 412, 'stale_revision');
    });
  });
});
