import type { ProblemStatus } from './problemCodes';

/**
 * What the API's conventions make a route answer, worked out from its method, path and schema
 * alone, so that a route added later is documented like the others without a word in its file.
 * A route documents an answer these rules cannot know (a 422, a 503 of its own) in its schema's
 * `response`, with `problemSchema`.
 */
export type RouteFacts = Readonly<{
  /** Upper case: GET, POST, … */
  method: string;
  /** As in the document: `/v1/workspaces/{ws}/secrets`. */
  path: string;
  /** Needs a bearer token (the /v1 API but its public routes). */
  api: boolean;
  hasBody: boolean;
  hasPathParams: boolean;
  hasQuery: boolean;
}>;

/** POSTs that read a value or the history and put the read on the record, rather than change a scope. */
const RECORDED_READS = new Set(['reveal', 'fingerprint-check', 'verify']);

const lastSegment = (path: string) => path.slice(path.lastIndexOf('/') + 1);

export const isRecordedRead = (route: RouteFacts) => route.path === '/v1/resolve' || RECORDED_READS.has(lastSegment(route.path));

/** A write that changes a workspace, its members or a secrets scope. */
export const isCommand = (route: RouteFacts) => route.api && route.method !== 'GET' && !isRecordedRead(route);

/** Writes to a secrets scope take If-Match and answer its new revision as the ETag. */
export const takesIfMatch = (route: RouteFacts) => isCommand(route) && route.path.includes('/secrets');

/** The list of a scope and a secret's details answer the scope's revision as the ETag (not with asOf). */
export const answersEtag = (route: RouteFacts) =>
  takesIfMatch(route) || (route.api && route.method === 'GET' && /\/secrets(\/\{key\})?$/.test(route.path));

/** Every write and recorded read answers the log position of what it wrote (resolution and verification aside: they answer values and findings). */
export const answersPosition = (route: RouteFacts) => route.api && route.method !== 'GET' && route.path !== '/v1/resolve' && lastSegment(route.path) !== 'verify';

/** Reads of the views (and resolution) can wait for a position the client saw. */
export const waitsForPosition = (route: RouteFacts) => route.api && (route.method === 'GET' || route.path === '/v1/resolve');

/** Every error status the route can answer by the API's conventions. */
export function errorStatusesOf(route: RouteFacts): ProblemStatus[] {
  const statuses = new Set<ProblemStatus>([500]);
  if (route.api || route.hasBody || route.hasPathParams || route.hasQuery) statuses.add(400);
  if (route.hasBody) [413, 415].forEach((s) => statuses.add(s as ProblemStatus));
  if (route.hasPathParams) statuses.add(414);
  if (route.api) [401, 403, 429, 503].forEach((s) => statuses.add(s as ProblemStatus));
  if (route.api && (route.hasPathParams || isRecordedRead(route) || isCommand(route))) statuses.add(404);
  if (isCommand(route)) statuses.add(409);
  if (takesIfMatch(route)) statuses.add(412);
  // A destroyed version is gone: revealing, checking, rolling back or restoring it (DESIGN §9).
  if (route.api && route.method === 'POST' && /\/secrets\/\{key\}\/[^/]+$/.test(route.path) && lastSegment(route.path) !== 'members') statuses.add(410);
  return [...statuses].sort((a, b) => a - b);
}
