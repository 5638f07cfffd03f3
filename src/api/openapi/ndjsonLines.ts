import { z } from 'zod';

/** Where a JSON answer's schema carries the schema of the lines the same route streams as NDJSON. */
export const NDJSON_LINE = 'x-ndjson-line';
export const NDJSON = 'application/x-ndjson';

/**
 * Metadata for the schema of a JSON answer that `Accept: application/x-ndjson` turns into a
 * stream of `line`s: the document then lists both content types, each with its own schema
 * (src/api/openapi/documentTransforms.ts moves it there).
 */
export function streamedAs(line: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(line, { io: 'output' });
  return { [NDJSON_LINE]: schema };
}
