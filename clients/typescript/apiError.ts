import type { components } from './schema';

export type Problem = components['schemas']['Problem'];

/** An answer of the service that is not a success: its status and RFC 9457 problem (`code`, `detail`, `errors`, …). */
export class SecretsApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    /** The id the service recorded the request under (X-Request-Id): quote it when asking why. */
    readonly requestId: string | null,
  ) {
    super(problem ? `${status} ${problem.code}: ${problem.detail}` : `The service answered ${status}`);
    this.name = 'SecretsApiError';
  }

  get code(): string | null {
    return this.problem?.code ?? null;
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).code === 'string' && typeof (value as Problem).status === 'number';
}

/** What a typed call answered: its data on success, else a SecretsApiError thrown. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  throw new SecretsApiError(result.response.status, isProblem(result.error) ? result.error : null, result.response.headers.get('x-request-id'));
}
