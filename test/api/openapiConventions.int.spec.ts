import { validate } from '@readme/openapi-parser';
import type { OpenAPIV3_1 } from 'openapi-types';
import { beforeAll, describe, expect, it } from 'vitest';
import { problemCodes } from '../../src/api/openapi/problemCodes';
import { OpenapiAnswers } from '../support/openapiAnswers';
import { useTestApp } from '../support/testService';
import { bodyOf } from '../support/workspaces';

type Document = OpenAPIV3_1.Document;
type Operation = OpenAPIV3_1.OperationObject;
type Parameter = OpenAPIV3_1.ParameterObject;
type Response = OpenAPIV3_1.ResponseObject;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
/** The routes anyone may call: probes, metrics and the keys a verifier needs. */
const PUBLIC = ['GET /healthz', 'GET /readyz', 'GET /metrics', 'GET /v1/audit/public-keys'];

describe('The OpenAPI document is complete (DESIGN §10)', () => {
  const t = useTestApp();
  let doc: Document;
  let operations: Array<{ name: string; path: string; method: string; operation: Operation }>;
  beforeAll(async () => {
    doc = bodyOf<Document>(await t.call('GET', '/docs/json'));
    operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      METHODS.filter((m) => item?.[m]).map((method) => ({ name: `${method.toUpperCase()} ${path}`, path, method, operation: item![method]! })),
    );
  });
  const headerParams = (operation: Operation) => ((operation.parameters ?? []) as Parameter[]).filter((p) => p.in === 'header').map((p) => p.name);
  const responsesOf = (operation: Operation) => (operation.responses ?? {}) as Record<string, Response>;

  it('is accepted by a standard OpenAPI validator', async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('gives every operation a unique camelCase operationId', () => {
    const ids = operations.map((o) => o.operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]*$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operations.find((o) => o.name === 'GET /v1/workspaces/{ws}/secrets/{key}')!.operation.operationId).toBe('getWorkspaceSecret');
    expect(operations.find((o) => o.name === 'POST /v1/resolve')!.operation.operationId).toBe('postResolve');
  });

  it('asks a bearer token on every /v1 route but the public keys, and none of the health routes and /metrics', () => {
    for (const { name, operation } of operations) {
      const expected = PUBLIC.includes(name) ? [] : [{ bearer: [] }];
      expect(operation.security, name).toEqual(expected);
    }
    expect(doc.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('documents X-Request-Id on every request and every answer', () => {
    for (const { name, operation } of operations) {
      expect(headerParams(operation), name).toContain('X-Request-Id');
      for (const [status, response] of Object.entries(responsesOf(operation))) {
        expect(response.headers?.['X-Request-Id'], `${name} ${status}`).toMatchObject({ required: true });
      }
    }
  });

  it('documents If-Match and 412 on the writes of a secrets scope, and ETag and X-Position on their answers', () => {
    const writes = ['PATCH /v1/workspaces/{ws}/secrets', 'PUT /v1/me/secrets/{key}', 'DELETE /v1/workspaces/{ws}/secrets/{key}', 'PATCH /v1/workspaces/{ws}/secrets/{key}', 'POST /v1/workspaces/{ws}/secrets/import'];
    for (const name of writes) {
      const { operation } = operations.find((o) => o.name === name)!;
      expect(headerParams(operation), name).toContain('If-Match');
      const success = Object.entries(responsesOf(operation)).filter(([status]) => status.startsWith('2'));
      for (const [, response] of success) expect(Object.keys(response.headers ?? {}), name).toEqual(expect.arrayContaining(['ETag', 'X-Position']));
      expect(responsesOf(operation)['412'], name).toBeDefined();
    }
    for (const name of ['POST /v1/workspaces', 'POST /v1/resolve', 'POST /v1/workspaces/{ws}/secrets/{key}/reveal']) {
      expect(headerParams(operations.find((o) => o.name === name)!.operation), name).not.toContain('If-Match');
    }
  });

  it('documents ETag on the reads of a scope, and X-Min-Position on every read of the API and on resolution', () => {
    for (const name of ['GET /v1/workspaces/{ws}/secrets', 'GET /v1/me/secrets', 'GET /v1/workspaces/{ws}/secrets/{key}']) {
      expect(Object.keys(responsesOf(operations.find((o) => o.name === name)!.operation)['200']!.headers ?? {}), name).toContain('ETag');
    }
    const reads = operations.filter((o) => (o.method === 'get' && o.operation.security?.length) || o.name === 'POST /v1/resolve');
    expect(reads.length).toBeGreaterThan(15);
    for (const { name, operation } of reads) expect(headerParams(operation), name).toContain('X-Min-Position');
  });

  it('documents the errors every API route can answer as problems, each status with its codes as an enum', () => {
    for (const { name, operation } of operations.filter((o) => o.operation.security?.length)) {
      const responses = responsesOf(operation);
      expect(Object.keys(responses), name).toEqual(expect.arrayContaining(['400', '401', '403', '429', '500']));
      for (const [status, response] of Object.entries(responses).filter(([s]) => Number(s) >= 400)) {
        expect(response.content?.['application/problem+json']?.schema, `${name} ${status}`).toEqual({ $ref: `#/components/schemas/Problem${status}` });
      }
      expect(responses['429']!.headers?.['Retry-After'], name).toBeDefined();
    }
    const schemas = doc.components!.schemas!;
    for (const [status, codes] of Object.entries(problemCodes)) {
      const byStatus = schemas[`Problem${status}`] as { allOf: Array<{ properties?: { code?: { enum?: string[] } } }> };
      expect(byStatus.allOf[1]!.properties!.code!.enum).toEqual(codes);
    }
    const resolve = responsesOf(operations.find((o) => o.name === 'POST /v1/resolve')!.operation);
    expect(Object.keys(resolve)).toEqual(expect.arrayContaining(['404', '422']));
    expect(Object.keys(responsesOf(operations.find((o) => o.name === 'GET /readyz')!.operation))).toContain('503');
  });

  it('keeps the enums of event types and reasons', () => {
    const audit = operations.find((o) => o.name === 'GET /v1/workspaces/{ws}/audit')!.operation;
    const entry = responsesOf(audit)['200']!.content!['application/x-ndjson']!.schema as { properties: { type: { enum: string[] } } };
    expect(entry.properties.type.enum).toEqual(expect.arrayContaining(['SecretSet', 'SecretRevealed', 'SecretsResolved', 'AccessRefused']));
    const typeParam = ((audit.parameters ?? []) as Parameter[]).find((p) => p.name === 'type')!;
    expect(JSON.stringify(typeParam.schema)).toContain('SecretRevealed');
  });

  it('describes every operation', () => {
    for (const { name, operation } of operations) expect(operation.summary ?? operation.description, name).toBeTruthy();
    expect(doc.info.description).toContain('problem+json');
  });
});

describe('The answers the API tests check against the document', () => {
  const t = useTestApp();
  let answers: OpenapiAnswers;
  beforeAll(async () => {
    answers = new OpenapiAnswers(bodyOf<Document>(await t.call('GET', '/docs/json')));
  });
  const json = (body: unknown, extra: Record<string, string> = {}) => ({
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'r1', ...extra },
    text: JSON.stringify(body),
  });
  const problem = (status: number, code: string) => ({
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', 'x-request-id': 'r1' },
    text: JSON.stringify({ type: 'about:blank', title: 'x', status, code, detail: 'd' }),
  });

  it('accept an answer as documented', () => {
    expect(answers.problemsOf('GET', '/v1/workspaces', { status: 200, ...json({ workspaces: [], nextCursor: null }) })).toEqual([]);
    expect(answers.problemsOf('GET', '/v1/workspaces/w1/secrets/K', problem(404, 'secret_not_found'))).toEqual([]);
  });

  it('refuse an undocumented status, field, code, content type or header, and a missing X-Request-Id', () => {
    expect(answers.problemsOf('GET', '/v1/workspaces', problem(422, 'missing_references'))[0]).toContain('does not list');
    expect(answers.problemsOf('GET', '/v1/workspaces', { status: 200, ...json({ workspaces: [], extra: 1 }) })[0]).toContain('additional properties');
    expect(answers.problemsOf('GET', '/v1/workspaces/w1/secrets/K', problem(404, 'no_such_code'))[0]).toContain('allowed values');
    expect(answers.problemsOf('GET', '/v1/workspaces', { status: 200, headers: { 'content-type': 'text/html', 'x-request-id': 'r' }, text: '<p>' })[0]).toContain('content type');
    expect(answers.problemsOf('GET', '/v1/workspaces', { status: 200, ...json({ workspaces: [], nextCursor: null }, { etag: '"1"' }) })[0]).toContain('etag');
    const { headers, text } = json({ workspaces: [], nextCursor: null });
    expect(answers.problemsOf('GET', '/v1/workspaces', { status: 200, headers: { 'content-type': headers['content-type'] }, text })[0]).toContain('x-request-id');
  });

  it('pick the route fastify picks: a fixed segment over a parameter', () => {
    const bulk = { status: 200, ...json({ secrets: [] }, { 'x-position': '3' }) };
    expect(answers.problemsOf('POST', '/v1/workspaces/w1/secrets/reveal', bulk)).toEqual([]);
    expect(answers.problemsOf('POST', '/v1/workspaces/w1/secrets/K/reveal', bulk)[0]).toContain('required property');
  });
});
