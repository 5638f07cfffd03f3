/** A page of a list the service answers along a cursor (the audit, a secret's history). */
export type CursorPage<Entry> = Readonly<{ entries: readonly Entry[]; nextCursor: string | null }>;

/**
 * Up to `limit` entries (Infinity: all of them), page after page along `nextCursor`: a page may
 * hold fewer entries than asked, even none, while more follow (the service examines a bounded
 * number of audit rows per page). `more`: whether entries are left beyond those. A cursor that is
 * no string (null, or absent from a service from before the paging) ends the reading.
 */
export async function followCursor<Entry>(limit: number, pageOf: (cursor: string | undefined, left: number) => Promise<CursorPage<Entry>>): Promise<{ entries: Entry[]; more: boolean }> {
  const entries: Entry[] = [];
  for (let cursor: string | undefined; ; ) {
    const page = await pageOf(cursor, limit - entries.length);
    entries.push(...page.entries);
    const more = typeof page.nextCursor === 'string';
    if (!more || entries.length >= limit) return { entries, more };
    cursor = page.nextCursor;
  }
}
