/**
 * Every `code` a problem answer can carry, by HTTP status: the OpenAPI document lists them as
 * an enum per status, and the tests' response validator refuses any other. A new code thrown
 * anywhere in src/ must be added here (test/api/openapi/problemCodes.unit.spec.ts finds the
 * codes thrown in the source and fails on one that is missing).
 */
export const problemCodes = {
  400: [
    'validation_failed',
    'invalid_json',
    'invalid_content_length',
    'invalid_unicode',
    'body_too_deep',
    'body_too_complex',
    'bad_request',
    'bad_url',
    'missing_host',
    'malformed_request',
  ],
  401: ['unauthorized'],
  403: ['forbidden', 'ws_claim', 'reveal_disabled', 'email_not_verified', 'not_a_member'],
  404: ['not_found', 'route_not_found', 'workspace_not_found', 'secret_not_found', 'invitation_not_found', 'member_not_found', 'seal_not_found', 'version_not_found'],
  408: ['request_timeout'],
  409: [
    'rule',
    'too_many_secrets',
    'too_many_keys_ever',
    'too_many_lifetimes',
    'personal_not_shareable',
    'workspace_admin',
    'already_shared',
    'too_many_secret_members',
    'last_secret_admin',
    'already_member',
    'already_invited',
    'too_many_invitations',
    'too_many_invitations_ever',
    'too_many_members',
    'workspace_exists',
    'last_admin',
    'other_lifetime',
    'secret_exists',
    'retention_expired',
    'workspace_not_deleted',
    'over_rate_budget',
  ],
  410: ['destroyed'],
  412: ['stale_revision'],
  413: ['body_too_large', 'chunk_extensions_too_large'],
  414: ['uri_too_long'],
  415: ['unsupported_media_type'],
  417: ['expectation_failed'],
  422: ['missing_references'],
  429: ['rate_limited'],
  431: ['headers_too_large'],
  500: ['internal_error'],
  503: ['views_not_caught_up', 'records_unavailable', 'stream_busy', 'not_ready', 'shutting_down', 'ui_not_built'],
} as const satisfies Record<number, readonly string[]>;

export type ProblemStatus = keyof typeof problemCodes;

/** What each status means in this API, as the document describes it. */
export const problemDescriptions: Readonly<Record<ProblemStatus, string>> = {
  400: 'Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`)',
  401: 'No token, or a bad or expired one',
  403: 'Authenticated, but not allowed (a refused batch lists every refused key in `errors`)',
  404: 'Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal',
  408: 'The request did not arrive in full in time',
  409: 'A rule refuses it (last admin, too many secrets, sharing a personal secret, …)',
  410: 'What was asked for (a version, a lifetime, a secret) was destroyed',
  412: 'Stale If-Match: `revision` is the current one',
  413: 'The body is larger than 8 MiB',
  414: 'The URL, or one of its parameters, is too long',
  415: 'The body is not application/json',
  417: 'An Expect other than 100-continue',
  422: 'References that resolve to nothing: `missing` lists the first 100 {key, path, reason}, `missingCount` how many in all',
  429: 'Rate limited: retry after Retry-After seconds',
  431: 'The request headers are larger than 16 KiB',
  500: 'Something went wrong on our side',
  503: 'The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry',
};
