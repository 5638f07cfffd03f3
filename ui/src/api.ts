/**
 * Calls to the service's /v1 API with the session's token. Errors are the service's problem
 * documents (RFC 9457), kept whole so a screen can place `errors[]` entries on their rows.
 */
export type FieldProblem = Readonly<{ field: string; message: string; code?: string }>;

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: readonly FieldProblem[] = [],
  ) {
    super(detail);
  }
}

/** What to tell the user about a failed call. */
export function messageOf(error: unknown): string {
  if (error instanceof Problem) return error.detail;
  return error instanceof Error ? error.message : String(error);
}

export type Answer<T> = Readonly<{ body: T; etag: string | null }>;
type Options = Readonly<{ body?: unknown; ifMatch?: string | null; query?: Record<string, string | undefined> }>;

let bearer: string | null = null;
let onUnauthorized: () => void = () => {};

/** The token every call sends, and what to do when the service refuses it (401). */
export function useToken(token: string | null, unauthorized: () => void): void {
  bearer = token;
  onUnauthorized = unauthorized;
}

async function problemOf(response: Response): Promise<Problem> {
  let body: Partial<{ code: string; detail: string; errors: FieldProblem[] }> = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not a problem document (a proxy's page): the status says enough.
  }
  const detail = body.detail ?? `The service answered ${response.status} ${response.statusText}`.trim();
  return new Problem(response.status, body.code ?? 'http_error', detail, Array.isArray(body.errors) ? body.errors : []);
}

export async function call<T>(method: string, path: string, options: Options = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.ifMatch) headers['if-match'] = options.ifMatch;
  const query = Object.entries(options.query ?? {}).filter((e): e is [string, string] => e[1] !== undefined);
  const url = query.length > 0 ? `${path}?${new URLSearchParams(query)}` : path;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    throw new Problem(0, 'network', 'The service could not be reached; check your connection and retry');
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401) onUnauthorized();
    throw problem;
  }
  const text = await response.text();
  return { body: (text === '' ? null : JSON.parse(text)) as T, etag: response.headers.get('etag') };
}

/** URL pieces: ids and keys are encoded, never pasted raw into a path. */
export const at = (strings: TemplateStringsArray, ...parts: string[]) =>
  strings.reduce((url, piece, i) => url + piece + (i < parts.length ? encodeURIComponent(parts[i]!) : ''), '');

// The shapes the service answers (see the routes in src/api/routes).
export type Workspace = Readonly<{ id: string; name: string; permission: 'admin' | 'write' | 'read'; external: boolean }>;
export type SecretItem = Readonly<{
  key: string;
  displayName: string | null;
  description: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string;
  myRole: 'admin' | 'member' | null;
}>;
export type SecretList = Readonly<{ revision: number; secrets: readonly SecretItem[] }>;
export type Batch = Readonly<{ set: Record<string, string>; delete: string[] }>;
export type Variables = Readonly<{ workspace: readonly { key: string }[]; personal: readonly { key: string; shadowed: boolean }[] }>;
export type SharedWith = Readonly<{ userId: string; email: string | null; role: 'admin' | 'member'; source: 'workspace' | 'explicit' }>;
export type Version = Readonly<{ version: number; at: string; actor: string; fingerprint: string }>;
export type AuditEntry = Readonly<{
  position: string;
  type: string;
  actor: string;
  at: string;
  key: string | null;
  version: number | null;
  detail: Record<string, unknown> | null;
  subject: Record<string, unknown> | null;
}>;

/** A secrets scope: a workspace's, or the signed-in user's own (`/v1/me`). */
export type Scope = Readonly<{ kind: 'workspace'; ws: string } | { kind: 'personal' }>;

export const scopeBase = (scope: Scope) => (scope.kind === 'workspace' ? at`/v1/workspaces/${scope.ws}/secrets` : '/v1/me/secrets');
export const secretPath = (scope: Scope, key: string) => `${scopeBase(scope)}/${encodeURIComponent(key)}`;
