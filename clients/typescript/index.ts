/**
 * The TypeScript client of the secrets service: typed calls generated from its OpenAPI document
 * (openapi-typescript + openapi-fetch), the executor's resolve with retries, and redact.
 */
export { createSecretsClient, type SecretsClient, type SecretsClientOptions } from './client';
export { SecretsApiError, unwrap, type Problem } from './apiError';
export { resolve, retryAfterMs, type ResolveRequest, type Resolution, type RetryOptions } from './resolve';
export { redact, encodingsOf, type RedactOptions } from './redact';
export { deletedSecrets, liveSecrets } from './secretLists';
export { assertTokenMayTravel, InsecureTransport, isLoopback } from './tokenTransport';
export type { paths, components, operations } from './schema';
