import { z } from 'zod';
import {
  KEY_PATTERN,
  MAX_DESCRIPTION,
  MAX_DISPLAY_NAME,
  MAX_SECRETS_PER_SCOPE,
  MAX_VALUE_BYTES,
  secretKeySchema,
  secretRoleSchema,
  workspacePermissionSchema,
} from '../events/values';
import { DELETED_PAGE_MAX, HISTORY_PAGE_MAX, STORED_BYTES_PER_ROW } from '../projections/queries';
import { chargedByRows } from './readCharges';
import { POSITION_PATTERN } from '../stores/position';
import type { AsOf } from '../stores/readStore.port';

/** Shared request and response schemas: they validate, type the handlers and feed /docs. */
export const positionSchema = z.string().regex(POSITION_PATTERN, 'must be a log position (a decimal string)');

export const secretValueSchema = z
  .string()
  .min(1, 'must not be empty')
  .refine((value) => Buffer.byteLength(value, 'utf8') <= MAX_VALUE_BYTES, `must be at most ${MAX_VALUE_BYTES} bytes (UTF-8)`);

export const idSchema = z.string().min(1).max(128);
export const workspaceParams = z.object({ ws: idSchema });
export const keyParams = z.object({ key: secretKeySchema });
export const workspaceKeyParams = workspaceParams.extend(keyParams.shape);

export const consistencyQuery = z.object({ minPosition: positionSchema.optional() });

/**
 * `asOf` (DESIGN §9): a log position (a decimal string), or an RFC 3339 instant with any offset,
 * compared in UTC to the millisecond (finer digits are dropped: an event at .000 is at or before
 * .0005, one at .001 is not).
 */
export const asOfParam = z.union([
  positionSchema.transform((position): AsOf => ({ position })),
  z.iso.datetime({ offset: true }).transform((instant): AsOf => ({ instant: new Date(instant).toISOString() })),
]);

/** A read that can answer as of a moment in the past, or wait for a position (read-your-writes). */
export const asOfQuery = z.strictObject({ asOf: asOfParam.optional(), minPosition: positionSchema.optional() });

/**
 * The secrets lists take `deleted=true` besides: the deleted keys that can be restored (DESIGN §9),
 * paged by `cursor` (by key; the previous page's `nextCursor`) and `limit`. `limit` has no default
 * here, so a list without `deleted=true` can tell it was given (400); the route applies the default.
 */
export const secretListQuery = asOfQuery
  .extend({
    deleted: z.enum(['true', 'false']).optional(),
    cursor: secretKeySchema.optional(),
    limit: z.coerce.number().int().min(1).max(DELETED_PAGE_MAX).optional(),
  })
  .superRefine((query, context) => {
    if (query.deleted === 'true') return;
    for (const field of ['cursor', 'limit'] as const) {
      if (query[field] !== undefined) context.addIssue({ code: 'custom', path: [field], message: 'pages the deleted keys only (deleted=true)' });
    }
  });

export const deletedSecretList = z.object({
  deleted: z.array(z.object({ key: z.string(), lastVersion: z.number().int(), deletedAt: z.string(), deletedBy: z.string() })),
  /** The key to ask after for the next page; null when there are no more. */
  nextCursor: z.string().nullable(),
});

/** The moment a past answer is from: the last event of the scope's own last write at or before the one asked, and its time. */
export const momentSchema = z.object({ position: positionSchema, at: z.string() });

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * `{KEY: value}` of a batch. Made by hand rather than with z.record, which drops a `__proto__`
 * key (a valid secret key here) without a word. The parsed body's own object is passed on, so
 * the key stays an own data property; each issue names its key (`set.KEY`). How many keys a
 * batch may set is the scope's rule (409 too_many_secrets): a batch of more keys than a scope
 * holds is left whole to that rule, unchecked key by key, since checking tens of thousands of
 * keys would hold the event loop for a tenth of a second.
 */
export const secretValuesSchema = z
  .custom<Readonly<Record<string, string>>>(isPlainObject, 'must be an object of KEY: value')
  .superRefine((values, ctx) => {
    const keys = Object.keys(values);
    if (keys.length > MAX_SECRETS_PER_SCOPE) return;
    for (const key of keys) {
      const problem = secretKeySchema.safeParse(key).error ?? secretValueSchema.safeParse(values[key]).error;
      if (problem) ctx.addIssue({ code: 'custom', path: [key], message: problem.issues[0]?.message ?? 'is invalid' });
    }
  })
  .meta({
    type: 'object',
    propertyNames: { pattern: KEY_PATTERN.source },
    additionalProperties: { type: 'string', minLength: 1 },
  });

/**
 * The keys a batch deletes. No scope holds more than MAX_SECRETS_PER_SCOPE, so a longer list is
 * one error on `delete`, found before any key is checked (tens of thousands of checks and
 * refusals would hold the event loop for a quarter of a second); each issue of a shorter list
 * names its place (`delete.0`).
 */
export const deletedKeysSchema = z
  .custom<readonly string[]>(Array.isArray, 'must be an array of keys')
  .superRefine((keys, ctx) => {
    if (keys.length > MAX_SECRETS_PER_SCOPE) {
      ctx.addIssue({ code: 'custom', message: `at most ${MAX_SECRETS_PER_SCOPE} keys: a scope holds no more` });
      return;
    }
    keys.forEach((key, i) => {
      const problem = secretKeySchema.safeParse(key).error;
      if (problem) ctx.addIssue({ code: 'custom', path: [i], message: problem.issues[0]?.message ?? 'is invalid' });
    });
  })
  .meta({ type: 'array', items: { type: 'string', pattern: KEY_PATTERN.source }, maxItems: MAX_SECRETS_PER_SCOPE });

export const batchBody = z.strictObject({
  set: secretValuesSchema.default({}),
  delete: deletedKeysSchema.default([]),
});

export const putSecretBody = z.strictObject({ value: secretValueSchema });

export const writeResult = z.object({ revision: z.number().int(), position: positionSchema });
export const putResult = writeResult.extend({ key: z.string(), version: z.number().int() });

/** A 204 answer: no body (documented as such in /docs). */
export const noContent = z.null().describe('No content');

export const secretListItem = z.object({
  key: z.string(),
  displayName: z.string().nullable(),
  description: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  myRole: secretRoleSchema.nullable(),
});

/** With `asOf`: no ETag, the revision the scope had then, and the moment (null: the scope had no event by then). */
export const secretList = z.object({ revision: z.number().int(), secrets: z.array(secretListItem), asOf: momentSchema.nullable().optional() });

export const detailsBody = z
  .strictObject({
    displayName: z.string().trim().max(MAX_DISPLAY_NAME).nullable().optional(),
    description: z.string().max(MAX_DESCRIPTION).nullable().optional(),
  })
  .refine((body) => body.displayName !== undefined || body.description !== undefined, {
    message: 'give displayName, description or both',
    path: ['displayName'],
  });

/** Which way a page goes (the audit, a secret's history): oldest first unless asked. */
export const orderParam = z.enum(['asc', 'desc']).default('asc');

/** A page of a secret's versions by version number: `cursor` is the previous page's `nextCursor`. */
export const historyQuery = z.strictObject({
  ...consistencyQuery.shape,
  order: orderParam,
  cursor: z.string().regex(/^\d{1,10}$/, 'a version number, the previous page\'s nextCursor').optional(),
  limit: z.coerce.number().int().min(1).max(HISTORY_PAGE_MAX).default(HISTORY_PAGE_MAX),
});
export type HistoryQuery = z.infer<typeof historyQuery>;

export const historyDescription =
  `Versions by version number, oldest first (\`order=desc\`: newest first), at most \`limit\` (default and most ${HISTORY_PAGE_MAX}) a page. ` +
  'While `nextCursor` is not null there are more: ask again with `cursor` set to it. A page after the last version is empty; a key that never had a version is a 404. ' +
  `${chargedByRows('the versions it lists')} Besides, each version counts once more for each whole ${STORED_BYTES_PER_ROW / 1024} KiB of its stored document (its sealed value, mostly): that part is known, and paid, once the versions are read, 100 at a time, before the next 100 are read or the page answers.`;

/** Every version; `destroyed` once its lifetime was destroyed, `rollbackOf` the version a rollback set again. */
export const historyResult = z.object({
  key: z.string(),
  versions: z.array(
    z.object({
      version: z.number().int(),
      at: z.string(),
      actor: z.string(),
      fingerprint: z.string(),
      destroyed: z.boolean(),
      rollbackOf: z.number().int().nullable(),
    }),
  ),
  /** The version to ask after for the next page; null when there are no more. */
  nextCursor: z.string().nullable(),
});

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    code: z.string(),
    detail: z.string(),
    /** Validation: each field; a refused batch or bulk reveal: each key (`set.KEY`, `delete.KEY`, `keys.KEY`) with its `code`. */
    errors: z.array(z.object({ field: z.string(), message: z.string(), code: z.string().optional() })).optional(),
    errorCount: z.number().int().optional(),
  })
  .passthrough();

export { workspacePermissionSchema, secretRoleSchema };
