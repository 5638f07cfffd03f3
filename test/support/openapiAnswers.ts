import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { OpenAPIV3_1 } from 'openapi-types';

type Document = OpenAPIV3_1.Document;
type Operation = OpenAPIV3_1.OperationObject;
type Response = OpenAPIV3_1.ResponseObject;

export type Answer = Readonly<{ status: number; headers: Readonly<Record<string, string | string[] | undefined>>; text: string }>;

/** Paths the document leaves out on purpose: its own pages and the settings page's files. */
const UNDOCUMENTED = [/^\/docs(\/|$)/, /^\/ui(\/|$)/];
/** Headers of the API's conventions: present only where the document says so. */
const CONVENTION_HEADERS = ['etag', 'x-position', 'retry-after'];
const DOC_ID = 'openapi.json';

type Route = Readonly<{ method: string; path: string; segments: readonly string[]; operation: Operation }>;

/**
 * Checks an answer of the API against the OpenAPI document: its status is documented for its
 * route, its content type is one documented for that status, its body (each line of NDJSON)
 * matches the schema, the headers the document requires are there, and ETag, X-Position and
 * Retry-After appear only where documented. An answer no route matched must be a problem.
 */
export class OpenapiAnswers {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly routes: Route[];
  private readonly validators = new Map<object, ValidateFunction>();
  /** What an answer no route matched must be. */
  private readonly problem = { $ref: `${DOC_ID}#/$defs/Problem` };

  constructor(document: Document) {
    addFormats(this.ajv);
    // Schemas are compiled one by one; their references point into the document, added whole.
    const rooted = JSON.parse(JSON.stringify(document).replaceAll('"$ref":"#/components/schemas/', `"$ref":"${DOC_ID}#/$defs/`)) as Document;
    this.ajv.addSchema({ $id: DOC_ID, $defs: rooted.components?.schemas ?? {} });
    this.routes = Object.entries(rooted.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item ?? {})
        .filter(([, operation]) => typeof operation === 'object' && operation !== null && 'responses' in operation)
        .map(([method, operation]) => ({ method: method.toUpperCase(), path, segments: path.split('/'), operation: operation as Operation })),
    );
  }

  /** What is wrong with the answer, one sentence each; none when it matches the document. */
  problemsOf(method: string, url: string, answer: Answer): string[] {
    const path = url.split('?')[0]!;
    if (method === 'OPTIONS' || method === 'HEAD' || UNDOCUMENTED.some((pattern) => pattern.test(path))) return [];
    const route = this.routeOf(method, path);
    if (!route) {
      if (answer.status < 400) return [`${method} ${path} answered ${answer.status} but no documented route matches it`];
      return this.contentProblems('no route', { content: { 'application/problem+json': { schema: this.problem } } }, answer);
    }
    const where = `${route.method} ${route.path}`;
    const response = route.operation.responses?.[String(answer.status)] as Response | undefined;
    if (!response) return [`${where} answered ${answer.status}, which its document does not list (${Object.keys(route.operation.responses ?? {}).join(', ')}): ${answer.text.slice(0, 300)}`];
    return [...this.headerProblems(`${where} ${answer.status}`, response, answer), ...this.contentProblems(`${where} ${answer.status}`, response, answer)];
  }

  /** The route fastify would pick: at the first segment where two templates differ, a fixed one wins over a parameter. */
  private routeOf(method: string, path: string): Route | undefined {
    const segments = path.split('/').map((segment) => safeDecode(segment));
    const matching = this.routes.filter(
      (r) => r.method === method && r.segments.length === segments.length && r.segments.every((s, i) => isParam(s) ? segments[i] !== '' : s === segments[i]),
    );
    return matching.sort((a, b) => rank(a) - rank(b))[0];
  }

  private headerProblems(where: string, response: Response, answer: Answer): string[] {
    const documented = Object.fromEntries(Object.entries(response.headers ?? {}).map(([name, header]) => [name.toLowerCase(), header as OpenAPIV3_1.HeaderObject]));
    const problems: string[] = [];
    for (const [name, header] of Object.entries(documented)) if (header.required && answer.headers[name] === undefined) problems.push(`${where}: no ${name} header`);
    for (const name of CONVENTION_HEADERS) if (answer.headers[name] !== undefined && !documented[name]) problems.push(`${where}: ${name} header not documented`);
    return problems;
  }

  private contentProblems(where: string, response: Pick<Response, 'content'>, answer: Answer): string[] {
    const contentType = String(answer.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (!response.content) return answer.text === '' ? [] : [`${where}: a body where the document says there is none`];
    const media = response.content[contentType];
    if (!media) return [`${where}: content type "${contentType}" is not one of ${Object.keys(response.content).join(', ')}`];
    if (!media.schema || !contentType.includes('json')) return [];
    const validate = this.validatorOf(media.schema);
    const bodies = contentType === 'application/x-ndjson' ? answer.text.split('\n').filter((line) => line !== '') : [answer.text];
    return bodies.flatMap((text, i) => {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return [`${where}: the body is not JSON`];
      }
      if (validate(body)) return [];
      const line = bodies.length > 1 ? ` (line ${i + 1})` : '';
      return [`${where}${line}: ${this.ajv.errorsText(validate.errors, { dataVar: 'body' })}: ${text.slice(0, 300)}`];
    });
  }

  private validatorOf(schema: object): ValidateFunction {
    let validate = this.validators.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.validators.set(schema, validate);
    }
    return validate;
  }
}

const isParam = (segment: string) => /^\{\w+\}$/.test(segment);

/** Lower ranks first: a template whose parameters come later is the more specific one. */
function rank(route: Route): number {
  return route.segments.reduce((sum, segment, i) => sum + (isParam(segment) ? 2 ** (32 - i) : 0), 0);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
