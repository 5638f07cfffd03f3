import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemCodes } from '../../src/api/openapi/problemCodes';
import { statusByKind } from '../../src/api/problemDetails.plugin';
import type { ProblemKind } from '../../src/errors';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const kindStatus = (kind: string) => statusByKind[kind as ProblemKind];

/**
 * The ways src/ names a problem's code, each with how to tell its status: an error class of a
 * kind, a kind named beside the code, or a status named beside it.
 */
const PATTERNS: Array<[RegExp, (match: RegExpExecArray) => number | undefined]> = [
  [/new Forbidden\([^;]*?,\s*'([a-z_]+)'/g, () => 403],
  [/new NotFound\([^;]*?,\s*'([a-z_]+)'/g, () => 404],
  [/new RuleViolation\(\s*'([a-z_]+)'/g, () => 409],
  [/super\(\s*'(\w+)',\s*'([a-z_]+)'/g, (m) => kindStatus(m[1]!)],
  [/\.add\(\s*'(\w+)',\s*'([a-z_]+)'/g, (m) => kindStatus(m[1]!)],
  [/new ProblemError\(\s*'(\w+)',\s*'([a-z_]+)'/g, (m) => kindStatus(m[1]!)],
  [/invalid\(\s*'([a-z_]+)'/g, () => 400],
  [/(?:sendProblem\([^,]+|problemOf\()\s*,?\s*(\d{3}),\s*'([a-z_]+)'/g, (m) => Number(m[1])],
  [/status: (\d{3}), code: '([a-z_]+)'/g, (m) => Number(m[1])],
];

describe('Problem codes in the OpenAPI document', () => {
  it('lists every code the source answers with, under its status', () => {
    const found: string[] = [];
    for (const file of sourceFiles('src')) {
      const text = readFileSync(file, 'utf8');
      for (const [pattern, statusOf] of PATTERNS) {
        for (const match of text.matchAll(pattern)) {
          const status = statusOf(match);
          const code = match[match.length - 1]!;
          found.push(`${status} ${code}`);
          const listed: readonly string[] = problemCodes[status as keyof typeof problemCodes] ?? [];
          expect(listed, `${file}: ${code} (${status}) is missing from src/api/openapi/problemCodes.ts`).toContain(code);
        }
      }
    }
    // The patterns do find the codes (so the check above is not vacuous).
    expect(found).toEqual(expect.arrayContaining(['403 ws_claim', '404 secret_not_found', '409 last_admin', '400 invalid_unicode', '503 records_unavailable', '412 stale_revision', '503 not_ready']));
  });

  it('lists the default codes of the error classes', () => {
    expect(problemCodes[403]).toContain('forbidden');
    expect(problemCodes[404]).toContain('not_found');
  });
});
