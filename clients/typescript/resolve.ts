import { SecretsApiError, unwrap } from './apiError';
import type { SecretsClient } from './client';
import type { paths } from './schema';

export type ResolveRequest = paths['/v1/resolve']['post']['requestBody']['content']['application/json'];
export type Resolution = paths['/v1/resolve']['post']['responses'][200]['content']['application/json'];

export type RetryOptions = Readonly<{
  /** Retries after a 503 or 429 (default 5); then the last answer is thrown. */
  retries?: number;
  /** The longest wait between two tries (default 30 s): a Retry-After beyond it is thrown at once. */
  maxDelayMs?: number;
  /** Without Retry-After, the first wait (default 200 ms), doubled on each retry. */
  backoffMs?: number;
  /** How to wait (tests pass their own). */
  sleep?: (ms: number) => Promise<void>;
}>;

const RETRIED = new Set([429, 503]);

/**
 * The executor's resolution (`POST /v1/resolve`): `{{KEY}}` references in `input` replaced by
 * their values. A 503 (the views not caught up, a record not written — no value left then) or a
 * 429 is retried after its Retry-After (else an exponential backoff), a bounded number of times.
 * Pass `run: {id}` so every try is recorded under the run. Any other refusal (422 with `missing`,
 * 403, …) is thrown as a SecretsApiError at once.
 */
export async function resolve(client: SecretsClient, request: ResolveRequest, options: RetryOptions = {}): Promise<Resolution> {
  const { retries = 5, maxDelayMs = 30_000, backoffMs = 200, sleep = (ms) => new Promise((done) => setTimeout(done, ms)) } = options;
  for (let attempt = 0; ; attempt += 1) {
    const result = await client.POST('/v1/resolve', { body: request });
    if (result.response.ok || !RETRIED.has(result.response.status) || attempt >= retries) return unwrap(result);
    const delay = retryAfterMs(result.response.headers.get('retry-after')) ?? backoffMs * 2 ** attempt;
    if (delay > maxDelayMs) return unwrap(result);
    await sleep(delay);
  }
}

/** Retry-After as seconds or an HTTP date (RFC 9110), in milliseconds from now; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export { SecretsApiError };
