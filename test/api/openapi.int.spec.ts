import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/testService';
import { bodyOf } from '../support/workspaces';

type Schema = { type?: string | string[]; properties?: Record<string, unknown> };
type Parameter = { in: string; name: string; required?: boolean; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
};
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

/**
 * Every route of DESIGN §3 as `METHOD path success-status [body] [query]`. `/me/secrets…` is
 * "the same for personal secrets": list, batch, one key, import, details, reveal, history.
 */
const DESIGN_ROUTES = `
POST /v1/workspaces 201 body
GET /v1/workspaces 200
GET /v1/workspaces/:ws/members 200
POST /v1/workspaces/:ws/invitations 201 body
DELETE /v1/workspaces/:ws/invitations/:id 204
GET /v1/me/invitations 200
POST /v1/invitations/:id/accept 200
PATCH /v1/workspaces/:ws/members/:userId 200 body
DELETE /v1/workspaces/:ws/members/:userId 204
GET /v1/workspaces/:ws/secrets 200
PATCH /v1/workspaces/:ws/secrets 200 body
PUT /v1/workspaces/:ws/secrets/:key 200 body
DELETE /v1/workspaces/:ws/secrets/:key 204
POST /v1/workspaces/:ws/secrets/import 200 body
GET /v1/workspaces/:ws/secrets/:key 200
PATCH /v1/workspaces/:ws/secrets/:key 200 body
GET /v1/workspaces/:ws/secrets/:key/members 200
POST /v1/workspaces/:ws/secrets/:key/members 201 body
PATCH /v1/workspaces/:ws/secrets/:key/members/:userId 200 body
DELETE /v1/workspaces/:ws/secrets/:key/members/:userId 204
POST /v1/workspaces/:ws/secrets/:key/reveal 200 body
GET /v1/workspaces/:ws/secrets/:key/history 200
GET /v1/workspaces/:ws/variables 200
GET /v1/workspaces/:ws/audit 200 query
GET /v1/me/secrets 200
PATCH /v1/me/secrets 200 body
PUT /v1/me/secrets/:key 200 body
DELETE /v1/me/secrets/:key 204
POST /v1/me/secrets/import 200 body
GET /v1/me/secrets/:key 200
PATCH /v1/me/secrets/:key 200 body
POST /v1/me/secrets/:key/reveal 200 body
GET /v1/me/secrets/:key/history 200
GET /v1/me/audit 200 query
GET /v1/audit 200 query
GET /v1/audit/workspaces 200
GET /v1/workspaces/:ws/audit/export 200
POST /v1/workspaces/:ws/audit/verify 200
GET /v1/audit/public-keys 200
GET /v1/workspaces/:ws/secrets/changes 200
POST /v1/workspaces/:ws/secrets/:key/rollback 200 body
POST /v1/me/secrets/:key/rollback 200 body
POST /v1/workspaces/:ws/secrets/:key/restore 200
POST /v1/me/secrets/:key/restore 200
POST /v1/workspaces/:ws/secrets/:key/destroy 200 body
POST /v1/me/secrets/:key/destroy 200 body
POST /v1/me/erase 200 body
GET /v1/workspaces/:ws/secrets/:key/access 200
POST /v1/resolve 200 body
DELETE /v1/workspaces/:ws 202 body
POST /v1/workspaces/:ws/undelete 200
POST /v1/workspaces/:ws/leave 200
GET /healthz 200
GET /readyz 200
GET /metrics 200
`;

/** Routes the app has beyond DESIGN §3's table, each with its reason. */
const EXTRA_ROUTES = `
POST /v1/workspaces/:ws/secrets/:key/fingerprint-check 200 body
POST /v1/me/secrets/:key/fingerprint-check 200 body
POST /v1/me/secrets/:key/members 409
POST /v1/workspaces/:ws/secrets/reveal 200 body
POST /v1/me/secrets/reveal 200 body
`;

/** The named fields of a schema, or of the first of its alternatives that has some (an optional body, a union of answers). */
function propertiesOf(schema: { properties?: Record<string, unknown>; anyOf?: unknown[] } | undefined): Record<string, unknown> {
  if (schema?.properties) return schema.properties;
  for (const option of schema?.anyOf ?? []) {
    const found = propertiesOf(option as { properties?: Record<string, unknown> });
    if (Object.keys(found).length > 0) return found;
  }
  return {};
}

type Route = { method: string; path: string; status: string; body: boolean; query: boolean };
const routes = (table: string): Route[] =>
  table
    .trim()
    .split('\n')
    .map((line) => {
      const [method, path, status, ...flags] = line.split(' ');
      return { method: method!, path: path!, status: status!, body: flags.includes('body'), query: flags.includes('query') };
    });
const openapiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
const id = (method: string, path: string) => `${method} ${path}`;

/** Every `METHOD path` fastify has, from `printRoutes` (a tree whose lines carry a segment and its methods). */
function appRoutes(tree: string): string[] {
  const prefixes: string[] = [];
  const found: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const path = (depth > 0 ? prefixes[depth - 1]! : '') + match[2]!;
    prefixes[depth] = path;
    for (const method of match[3]?.split(', ') ?? []) if (method !== 'HEAD') found.push(id(method, path));
  }
  return found;
}

describe('OpenAPI document at /docs/json (DESIGN §3)', () => {
  const t = useTestApp();
  let doc: Document;
  beforeAll(async () => {
    const reply = await t.call('GET', '/docs/json');
    expect(reply.status).toBe(200);
    doc = bodyOf<Document>(reply);
  });

  const operation = (route: Route) => doc.paths[openapiPath(route.path)]?.[route.method.toLowerCase()];

  it('is OpenAPI 3', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
  });

  it('documents every route of DESIGN §3, and each is a route of the app', () => {
    const missing = routes(DESIGN_ROUTES).filter((route) => !operation(route));
    expect(missing.map((r) => id(r.method, r.path))).toEqual([]);
    for (const route of routes(DESIGN_ROUTES)) expect(t.app.hasRoute({ method: route.method as 'GET', url: route.path }), route.path).toBe(true);
  });

  it("documents every route the app has (/docs' own and the settings page's files at /ui aside), and nothing else", () => {
    const served = appRoutes(t.app.printRoutes({ commonPrefix: false })).filter((route) => !route.includes(' /docs') && !route.includes(' /ui'));
    expect(served.length).toBeGreaterThan(40);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => id(m.toUpperCase(), path)));
    expect(served.map((route) => route.replace(/:(\w+)/g, '{$1}')).sort()).toEqual(documented.sort());
    const known = [...routes(DESIGN_ROUTES), ...routes(EXTRA_ROUTES)].map((r) => id(r.method, r.path));
    expect(served.filter((route) => !known.includes(route))).toEqual([]);
  });

  it('documents the path parameters of every route', () => {
    for (const route of [...routes(DESIGN_ROUTES), ...routes(EXTRA_ROUTES)]) {
      const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      const inPath = (operation(route)!.parameters ?? []).filter((p) => p.in === 'path');
      expect(inPath.map((p) => p.name).sort(), id(route.method, route.path)).toEqual([...names].sort());
      for (const p of inPath) expect(p.required && p.schema?.type, `${route.path} ${p.name}`).toBe('string');
    }
  });

  it('documents a JSON request body with its fields wherever the route takes one, and none elsewhere', () => {
    for (const route of [...routes(DESIGN_ROUTES), ...routes(EXTRA_ROUTES)]) {
      const body = operation(route)!.requestBody?.content['application/json']?.schema;
      const name = id(route.method, route.path);
      if (route.body) expect(Object.keys(propertiesOf(body)).length, name).toBeGreaterThan(0);
      else expect(body, name).toBeUndefined();
    }
  });

  it('documents the audit filters and paging as query parameters', () => {
    for (const route of routes(DESIGN_ROUTES).filter((r) => r.query)) {
      const query = (operation(route)!.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      expect(query).toEqual(expect.arrayContaining(['from', 'to', 'actor', 'key', 'type', 'runId', 'order', 'cursor', 'limit']));
    }
  });

  it('documents minPosition on every query of the API', () => {
    // The public keys come from the seals stream, not the views, and need no token: nothing to wait for.
    const queries = [...routes(DESIGN_ROUTES), ...routes(EXTRA_ROUTES)].filter((r) => r.method === 'GET' && r.path.startsWith('/v1') && r.path !== '/v1/audit/public-keys');
    for (const route of queries) {
      const query = (operation(route)!.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      expect(query, id(route.method, route.path)).toContain('minPosition');
    }
  });

  it('documents the success status of every route with its response schema (204: no content)', () => {
    for (const route of routes(DESIGN_ROUTES)) {
      const responses = operation(route)!.responses;
      const name = id(route.method, route.path);
      expect(Object.keys(responses), name).toContain(route.status);
      // The export and the verification answer NDJSON: their schema is that of one line.
      const content = responses[route.status]!.content;
      const schema = (content?.['application/json'] ?? content?.['application/x-ndjson'])?.schema;
      if (route.status === '204') {
        expect(schema, name).toBeUndefined();
        expect(responses['200'], name).toBeUndefined();
      } else if (route.path !== '/metrics') {
        // /metrics answers Prometheus text, not JSON.
        const union = schema as { anyOf?: unknown; oneOf?: unknown } | undefined;
        expect(schema?.type ?? union?.anyOf ?? union?.oneOf, name).toBeDefined();
      }
      if (route.method === 'PUT') expect(responses['201']?.content?.['application/json']?.schema, `${name} 201`).toBeDefined();
    }
  });

  it('documents the named fields of the main answers', () => {
    const fieldsOf = (method: string, path: string, status: string) =>
      Object.keys(propertiesOf(doc.paths[openapiPath(path)]![method]!.responses[status]!.content!['application/json']!.schema));
    expect(fieldsOf('get', '/v1/workspaces/:ws/secrets', '200')).toEqual(['revision', 'secrets', 'asOf']);
    expect(fieldsOf('post', '/v1/workspaces/:ws/secrets/:key/reveal', '200').sort()).toEqual(['value', 'version']);
    expect(fieldsOf('get', '/v1/workspaces/:ws/audit', '200').sort()).toEqual(['entries', 'nextCursor']);
    expect(fieldsOf('post', '/v1/resolve', '200')).toEqual(expect.arrayContaining(['output', 'references']));
    expect(fieldsOf('post', '/v1/workspaces', '201')).toEqual(expect.arrayContaining(['id', 'name']));
  });
});
