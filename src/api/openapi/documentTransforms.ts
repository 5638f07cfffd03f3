import type { OpenAPIV3_1 } from 'openapi-types';
import type { SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { requestHeadersOf, responseHeadersOf } from './apiHeaders';
import { NDJSON, NDJSON_LINE } from './ndjsonLines';
import { operationIdOf } from './operationIds';
import { problemDescriptions, problemCodes, type ProblemStatus } from './problemCodes';
import { PROBLEM_MEDIA_TYPE, problemComponents, problemSchemaName } from './problemSchemas';
import { errorStatusesOf, type RouteFacts } from './routeRules';

type Document = OpenAPIV3_1.Document;
type Operation = OpenAPIV3_1.OperationObject;
type Response = OpenAPIV3_1.ResponseObject;
type Transform = typeof jsonSchemaTransform;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const SUCCESS_DESCRIPTIONS: Readonly<Record<string, string>> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No content' };

/**
 * Per route, after the zod schemas became JSON Schema: the operationId (the route's own, else
 * one derived from method and path) and its security (a bearer token where the API's scope set
 * one, see app.ts; none elsewhere).
 */
export const documentRoute: Transform = (input) => {
  const { schema, url } = jsonSchemaTransform(input);
  const method = [input.route.method].flat()[0]!;
  return { schema: { ...schema, operationId: schema.operationId ?? operationIdOf(method, url), security: schema.security ?? [] }, url };
};

/**
 * Over the whole document: the problem schemas, and in every operation the headers of the API's
 * conventions and every error status it can answer (src/api/openapi/routeRules.ts), so that a
 * route added later is documented like the rest. operationIds must be unique.
 */
export const documentConventions: SwaggerTransformObject = (input) => {
  if (!('openapiObject' in input)) throw new Error('The document is OpenAPI 3');
  const openapiObject = input.openapiObject as Partial<Document>;
  const seen = new Map<string, string>();
  for (const [path, item] of Object.entries(openapiObject.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const id = operation.operationId!;
      if (seen.has(id)) throw new Error(`operationId ${id} of ${where} is also that of ${seen.get(id)}: name one in its schema`);
      seen.set(id, where);
      documentOperation(factsOf(method, path, operation), operation);
    }
  }
  return {
    ...openapiObject,
    components: { ...openapiObject.components, schemas: { ...openapiObject.components?.schemas, ...problemComponents() } },
  };
};

function factsOf(method: string, path: string, operation: Operation): RouteFacts {
  const parameters = (operation.parameters ?? []) as OpenAPIV3_1.ParameterObject[];
  return {
    method: method.toUpperCase(),
    path,
    api: (operation.security ?? []).length > 0,
    hasBody: operation.requestBody !== undefined,
    hasPathParams: parameters.some((p) => p.in === 'path'),
    hasQuery: parameters.some((p) => p.in === 'query'),
  };
}

function documentOperation(route: RouteFacts, operation: Operation): void {
  operation.parameters = [...(operation.parameters ?? []), ...requestHeadersOf(route)];
  const responses = (operation.responses ?? {}) as Record<string, Response>;
  // Statuses a route declares itself (with problemSchema) become problems like the rest.
  const declaredErrors = Object.keys(responses).map(Number).filter((status) => status >= 400) as ProblemStatus[];
  for (const status of new Set([...errorStatusesOf(route), ...declaredErrors])) {
    if (!(status in problemCodes)) throw new Error(`${route.method} ${route.path} documents ${status}, which no problem code is listed for in problemCodes.ts`);
    responses[status] = {
      description: problemDescriptions[status],
      content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: `#/components/schemas/${problemSchemaName(status)}` } } },
    };
  }
  for (const [status, response] of Object.entries(responses)) {
    offerNdjson(response);
    if (response.description === 'Default Response') response.description = SUCCESS_DESCRIPTIONS[status] ?? response.description;
    response.headers = { ...response.headers, ...responseHeadersOf(route, Number(status)) };
  }
  operation.responses = sortedByStatus(responses);
}

/** A JSON answer whose schema names the lines of its NDJSON form (streamedAs) offers both. */
function offerNdjson(response: Response): void {
  const json = response.content?.['application/json']?.schema as Record<string, unknown> | undefined;
  const line = json?.[NDJSON_LINE] as OpenAPIV3_1.SchemaObject | undefined;
  if (!json || !line) return;
  delete json[NDJSON_LINE];
  response.content![NDJSON] = { schema: line };
}

function sortedByStatus(responses: Record<string, Response>): Record<string, Response> {
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}
