import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { subjects } from '../../src/crypto/subjectKeys';
import { SEALS_STREAM } from '../../src/events/streams';
import { POSITION_PATTERN } from '../../src/stores/position';
import { leaksIn } from '../support/leaks';
import { token, useTestApp } from '../support/testService';
import { bodyOf, createWorkspace, setPersonalSecret, setWorkspaceSecret } from '../support/workspaces';

const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 300);
const VALUE = 'fuzz-secret-value-7d1e';

type Operation = { method: string; path: string };

/**
 * Property-based fuzzing of every route of /docs/json: arbitrary path parameters, query strings,
 * headers and bodies (valid-looking and not). No answer is a 5xx, a refused request writes
 * nothing but records (the log's head and the key store stay as they were, but for the records
 * and the subject key a principal's first record is sealed under), and the server keeps answering.
 */
describe('Bad input: fuzzing every route (fast-check)', () => {
  const t = useTestApp();
  let operations: Operation[];
  let ws: string;
  const alice = token('alice');
  const answers: string[] = [];
  const statuses = new Map<number, number>();

  /** The subject keys of the principals the fuzzer calls as. */
  const principalKeys = new Set<string>();

  beforeAll(async () => {
    for (const principal of ['alice', 'runner']) principalKeys.add(await t.service.subjectKeys.idOf(subjects.user(principal)));
    ws = await createWorkspace(t.call, 'alice', 'Fuzz');
    await setWorkspaceSecret(t.call, ws, 'alice', 'KEY', VALUE);
    await setPersonalSecret(t.call, 'alice', 'KEY', VALUE);
    const doc = bodyOf<{ paths: Record<string, Record<string, unknown>> }>(await t.call('GET', '/docs/json'));
    operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path })));
  });

  const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom('', ' ', '%', '..', '../..', 'KEY', '-', '__proto__'));
  const param = (name: string) =>
    fc.oneof(text, name === 'ws' ? fc.constant('WS') : name === 'key' ? fc.constant('KEY') : fc.constant('alice'), fc.string({ minLength: 257, maxLength: 400 }));
  const notAPosition = text.filter((s) => !POSITION_PATTERN.test(s));
  const query = fc.dictionary(fc.constantFrom('minPosition', 'limit', 'cursor', 'from', 'to', 'actor', 'key', 'type', 'x'), notAPosition, { maxKeys: 4 });
  const json = fc.oneof(
    fc.jsonValue(),
    fc.record({ set: fc.dictionary(text, fc.oneof(text, fc.jsonValue())), delete: fc.array(text) }, { requiredKeys: [] }),
    fc.record({ value: fc.oneof(text, fc.jsonValue()), extra: fc.jsonValue() }, { requiredKeys: ['value'] }),
    fc.record({ dotenv: text, dryRun: fc.jsonValue() }, { requiredKeys: ['dotenv'] }),
    fc.record({ workspaceId: fc.constantFrom('WS', 'nope'), trigger: text, triggeredBy: text, workflowOwnerId: text, input: fc.jsonValue() }, { requiredKeys: [] }),
    fc.record({ email: text, permission: text, role: text, name: text, displayName: fc.jsonValue(), description: fc.jsonValue() }, { requiredKeys: [] }),
  );
  const body = fc.oneof(json.map((v) => JSON.stringify(v)), text, fc.constant(undefined));
  const headers = fc.record(
    {
      'content-type': fc.constantFrom('application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded'),
      'if-match': text,
      'x-min-position': notAPosition,
      accept: fc.constantFrom('application/json', 'application/x-ndjson', '*/*'),
      authorization: fc.oneof(fc.constant(`Bearer ${alice}`), fc.constant(`Bearer ${token('runner', { scope: 'secrets:resolve audit:read' })}`), text),
    },
    { requiredKeys: ['authorization'] },
  );

  it('never answers 5xx, and a refused request writes nothing but AccessRefused (and a missing resolution its record)', async () => {
    for (const operation of operations) {
      const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const params = fc.tuple(...names.map(param));
      await fc.assert(
        fc.asyncProperty(params, query, body, headers, async (values, q, payload, h) => {
          let url = operation.path;
          names.forEach((name, i) => (url = url.replace(`{${name}}`, encodeURIComponent(values[i] === 'WS' ? ws : values[i]!))));
          const search = new URLSearchParams(q).toString();
          const headBefore = await t.stores.eventStore.headPosition();
          const keysBefore = new Set(await t.stores.keyStore.dataKeyIds());
          // Straight to inject, not through the client: the headers go as generated, a missing content type included.
          const reply = await t.app.inject({
            method: operation.method as 'GET',
            url: search ? `${url}?${search}` : url,
            headers: h,
            payload: payload?.replaceAll('"WS"', JSON.stringify(ws)),
          });
          answers.push(reply.body);
          statuses.set(reply.statusCode, (statuses.get(reply.statusCode) ?? 0) + 1);
          expect(reply.statusCode, `${operation.method} ${url}: ${reply.body.slice(0, 300)}`).toBeLessThan(500);
          if (reply.statusCode >= 400) {
            // A refused request writes nothing but records (DESIGN §7): refusals merged per minute,
            // and the record of a resolution that missed keys (its 422). Seals are the sealer's, on its own clock.
            const since = (await t.stores.eventStore.readAll(headBefore, 100)).filter((e) => e.streamId !== SEALS_STREAM);
            const allowed = reply.statusCode === 422 ? ['AccessRefused', 'SecretsResolved'] : ['AccessRefused'];
            expect(since.map((e) => e.type).filter((type) => !allowed.includes(type)), `${operation.method} ${url}`).toEqual([]);
            // No data key either, but the principal's subject key: the first record of one (an
            // AccessRefused, a 422's SecretsResolved) seals its addresses under it (DESIGN §8).
            const made = (await t.stores.keyStore.dataKeyIds()).filter((id) => !keysBefore.has(id) && !principalKeys.has(id));
            expect(made, `${operation.method} ${url}`).toEqual([]);
          }
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
    expect((await t.call('GET', '/healthz')).status).toBe(200);
    console.log('fuzzed answers by status:', Object.fromEntries([...statuses].sort(([a], [b]) => a - b)));
    // The fuzzer reaches past authentication and validation too, not only the 401s and 400s.
    expect([...statuses.keys()].filter((s) => s < 300).length).toBeGreaterThan(0);
    expect(statuses.get(400)).toBeGreaterThan(0);
    expect(statuses.get(404)).toBeGreaterThan(0);
  });

  it('answers no value outside reveals and resolutions', () => {
    expect(operations.length).toBeGreaterThan(40);
    const withoutValues = answers.filter((a) => !a.includes('"output"') && !a.includes('"value":"'));
    expect(leaksIn(withoutValues.join('\n'), [VALUE])).toEqual([]);
  });
});
