import type { OpenAPIV3_1 } from 'openapi-types';
import { problemCodes, type ProblemStatus } from './problemCodes';

type Schema = OpenAPIV3_1.SchemaObject;

/** Why a reference resolved to nothing (DESIGN §10), when the answer says. */
const MISSING_REASONS = ['unknown', 'deleted', 'destroyed', 'personal_unavailable'];

/**
 * RFC 9457 problem details as src/api/problemDetails.plugin.ts sends them: `type`, `title`,
 * `status`, our `code` and `detail`, and the extensions some problems carry. No other field.
 */
const problem: Schema = {
  type: 'object',
  description: 'An RFC 9457 problem (application/problem+json). `code` is stable; `detail` is for people.',
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string', description: 'Always about:blank: the status and `code` say what happened' },
    title: { type: 'string', description: "The status's reason phrase" },
    status: { type: 'integer' },
    code: { type: 'string', description: 'What went wrong, for programs' },
    detail: { type: 'string', description: 'What went wrong, for people; never holds a secret value' },
    errors: {
      type: 'array',
      description: 'Validation: each field; a refused batch or bulk reveal: each refused key (`set.KEY`, `delete.KEY`, `keys.KEY`) with its `code`',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string' },
          message: { type: 'string' },
          code: { type: 'string' },
          line: { type: 'integer', description: 'The .env line the error is on' },
        },
        additionalProperties: false,
      },
    },
    errorCount: { type: 'integer', description: 'How many errors there were in all, when `errors` lists only the first' },
    revision: { type: 'integer', description: '412: the current revision of the scope' },
    missing: {
      type: 'array',
      description: '422: the first 100 references that resolved to nothing',
      items: {
        type: 'object',
        required: ['key', 'path'],
        properties: {
          key: { type: 'string' },
          path: { type: 'string', description: 'JSON pointer of the string in `input`' },
          reason: { type: 'string', enum: MISSING_REASONS },
        },
        additionalProperties: false,
      },
    },
    missingCount: { type: 'integer', description: '422: how many {key, path} were missing in all' },
    workspaces: { type: 'array', items: { type: 'string' }, description: '409 last_admin of an erasure: the workspaces the caller is the last admin of (the first 100)' },
    workspaceCount: { type: 'integer', description: '409 last_admin of an erasure: how many workspaces the caller is the last admin of' },
    cost: { type: 'integer', description: '409 over_rate_budget: how many requests of its rate budget the request costs at once (a fingerprint check: one a page of 1,000 versions; a settings read: one a hundred rows it goes through)' },
    perMinute: { type: 'integer', description: '409 over_rate_budget: the most that budget allows a minute' },
    deletedAt: { type: 'string', description: '409 retention_expired: when the workspace was deleted' },
    retentionEndedAt: { type: 'string', description: '409 retention_expired: when its retention ended' },
  },
  additionalProperties: false,
};

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

export const problemSchemaName = (status: ProblemStatus) => `Problem${status}`;

/** `Problem`, and one `Problem<status>` per status with its `code` values as an enum. */
export function problemComponents(): Record<string, Schema> {
  const byStatus = Object.entries(problemCodes).map(([status, codes]): [string, Schema] => [
    problemSchemaName(Number(status) as ProblemStatus),
    {
      allOf: [
        { $ref: '#/components/schemas/Problem' },
        { type: 'object', properties: { status: { const: Number(status) }, code: { type: 'string', enum: [...codes] } } },
      ],
    },
  ]);
  return { Problem: problem, ...Object.fromEntries(byStatus) };
}
