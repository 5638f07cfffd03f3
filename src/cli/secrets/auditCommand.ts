import { unwrap } from '../../../clients/typescript';
import { EXIT, UsageError } from './cliErrors';
import { followCursor } from './cursorPages';
import type { Command } from './context';
import { scopeOf, signedInClient } from './settings';

const UNITS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `--since`: an RFC 3339 instant, or a span back from now (`30m`, `12h`, `7d`). */
export function sinceInstant(since: string, now = Date.now()): string {
  const span = /^(\d+)([smhd])$/.exec(since);
  if (span) return new Date(now - Number(span[1]) * UNITS[span[2]!]!).toISOString();
  if (!Number.isNaN(Date.parse(since)) && /^\d{4}-\d{2}-\d{2}T/.test(since)) return since;
  throw new UsageError(`--since takes an RFC 3339 time (2026-01-31T09:00:00Z) or a span such as 30m, 12h, 7d; not "${since}"`);
}

/** `audit [--since WHEN] [--type T] [--key K] [--limit N]`: the workspace's audit (admins, audit:read) or your own. */
export const audit: Command = async (context) => {
  if (context.args.length > 0) throw new UsageError('usage: secrets audit [--since WHEN] [--type TYPE] [--key KEY] [--limit N]');
  const { options } = context;
  const client = signedInClient(options, context.env);
  const scope = scopeOf(options, context.env);
  const limit = options.limit === undefined ? 100 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError('--limit takes a number from 1 to 1000');
  const filters = {
    ...(typeof options.since === 'string' ? { from: sinceInstant(options.since) } : {}),
    ...(typeof options.key === 'string' ? { key: options.key } : {}),
    ...(typeof options.type === 'string' ? { type: options.type.split(',') as never } : {}),
  };
  const { entries, more } = await followCursor(limit, async (cursor, left) => {
    const query = { ...filters, limit: left, ...(cursor === undefined ? {} : { cursor }) };
    const page = unwrap(
      scope.kind === 'workspace'
        ? await client.GET('/v1/workspaces/{ws}/audit', { params: { path: { ws: scope.ws }, query } })
        : await client.GET('/v1/me/audit', { params: { query } }),
    );
    if (!('entries' in page)) throw new Error('The service answered no page of the audit');
    return page;
  });
  for (const entry of entries) {
    if (options.json) context.out(`${JSON.stringify(entry)}\n`);
    else context.out(`${[entry.at, entry.type, entry.actor, entry.key ?? '-', entry.version ?? '-'].join('\t')}\n`);
  }
  if (more) context.err(`(more entries: narrow with --since, or raise --limit)\n`);
  return EXIT.ok;
};
