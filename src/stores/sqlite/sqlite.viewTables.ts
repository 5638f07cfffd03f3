import type { IndexedFields } from '../readStore.port';
import type { SqliteDatabase } from './database';

/**
 * The tables and indexes of the SQLite views, and their layout. Live tables are `view_<name>`;
 * a rebuild fills `rebuild_<name>` tables and renames them over the live ones.
 */
export const LIVE = 'view_';
export const REBUILD = 'rebuild_';


/** The layout of the view tables; a data directory made with another one has its views rebuilt. */
const LAYOUT_VERSION = 9;

/**
 * Views are rebuildable. Tables of an older layout, or made for a spec that queried other fields
 * (a table without the column or list table of a field queried now), are dropped with the
 * checkpoint, and the projector rebuilds them from the log when it starts. The older layouts:
 * 1. indexed json_extract expressions, and had no field columns;
 * 2. did not index the audit rows by stream;
 * 3. kept versions in tables keyed by (id, position), and indexed null fields;
 * 4. indexed the audit and key rows by stream, which a pruning no longer goes by;
 * 5. kept a document per key an audit row is about, where a list table now holds a (key, id) pair;
 * 6. stored positions, and audit row ids, zero-padded to 40 digits (`sortablePosition` now);
 * 7. kept no number with a version (a secret's versions were a view of their own, a second copy of
 *    every envelope the time-travel history already held);
 * 8. kept a list field's pairs by (value, id), which a save of ten keys wrote in ten places.
 */
export function dropViewsOfAnotherLayout(db: SqliteDatabase, columns: IndexedFields, lists: IndexedFields): void {
  if (db.pragma('user_version', { simple: true }) === LAYOUT_VERSION && storesEveryField(db, columns, lists)) return;
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND (name GLOB 'view_*' OR name GLOB 'rebuild_*' OR name = 'checkpoints')")
    .all();
  db.transaction(() => {
    for (const { name } of tables) db.exec(`DROP TABLE "${name}"`);
    db.pragma(`user_version = ${LAYOUT_VERSION}`);
  })();
}

/** Whether every live table there is has a column, or a list table, for each field the spec queries it by. */
function storesEveryField(db: SqliteDatabase, columns: IndexedFields, lists: IndexedFields): boolean {
  const columnsOf = db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)');
  const exists = db.prepare<[string], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?");
  return Object.entries(columns).every(([collection, fields]) => {
    const stored = new Set(columnsOf.all(`${LIVE}${collection}`).map((column) => column.name));
    if (stored.size === 0) return true;
    return fields.every((field) => stored.has(`f_${field}`)) && (lists[collection] ?? []).every((field) => exists.get(`${LIVE}${listTable(collection, field)}`) !== undefined);
  });
}

/**
 * The history of a collection: every version of every document (id, position), with the event's
 * time, the scope the version was in and the number the document gave it (a secret's version;
 * null for a collection whose documents number none), and the ids each scope ever held. Versions are appended
 * in log order to a rowid table, so a version is written at the table's end and only its small
 * index entries land among the older ones (a table keyed by (id, position) placed every large
 * version among the older versions of its document, a page written per version). A rebuild
 * table gets its indexes just before it is swapped in.
 */
export function createHistoryTables(db: SqliteDatabase, prefix: string, collection: string, byInstant: boolean) {
  db.exec(`
    CREATE TABLE IF NOT EXISTS ${prefix}hist_${collection} (id TEXT NOT NULL, position TEXT NOT NULL, at TEXT NOT NULL, scope TEXT, number INTEGER, doc TEXT) STRICT;
    CREATE TABLE IF NOT EXISTS ${prefix}scope_${collection} (scope TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (scope, id)) STRICT, WITHOUT ROWID;
  `);
  if (prefix === LIVE) createHistoryIndexes(db, LIVE, collection, byInstant);
}

/**
 * A document's versions by position (unique: a replayed version is ignored), by time (only for a
 * collection read `byInstant`), and by number (partial: only versions that have one cost an entry).
 */
export function createHistoryIndexes(db: SqliteDatabase, prefix: string, collection: string, byInstant: boolean, tag?: string) {
  const table = `${prefix}hist_${collection}`;
  createIndex(db, table, `${LIVE}hist_${collection}_version`, tag, (name) => `CREATE UNIQUE INDEX ${name} ON ${table} (id, position)`);
  if (byInstant) createIndex(db, table, `${LIVE}hist_${collection}_at`, tag, (name) => `CREATE INDEX ${name} ON ${table} (id, at, position)`);
  createIndex(db, table, `${LIVE}hist_${collection}_number`, tag, (name) => `CREATE INDEX ${name} ON ${table} (id, number, position) WHERE number IS NOT NULL`);
}

/**
 * One index per queried field, with the id after it: equality lookups come back in id order.
 * Partial: a document without the field (an audit row of no run, a live workspace's deletedAt)
 * costs no index write, and no query looks for a null (every condition on a field compares it
 * to a value, which SQLite knows implies IS NOT NULL).
 */
export function createIndexes(db: SqliteDatabase, prefix: string, collection: string, fields: readonly string[], tag?: string) {
  const table = `${prefix}${collection}`;
  for (const field of fields) createIndex(db, table, `ix_${collection}_${field}`, tag, (name) => `CREATE INDEX ${name} ON ${table} (f_${field}, id) WHERE f_${field} IS NOT NULL`);
}

/**
 * Creates an index (`statement` makes the SQL for a name) unless the table has it already.
 * SQLite cannot rename an index, and a rebuild builds its indexes on its tables before they take
 * the live names, beside the live ones, so those are named `<name>__<tag of that rebuild>`: an
 * index is the table's by either name.
 */
function createIndex(db: SqliteDatabase, table: string, name: string, tag: string | undefined, statement: (name: string) => string) {
  const existing = db
    .prepare<[string, string, string], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND (name = ? OR name GLOB ?)")
    .get(table, name, `${name}__*`);
  if (existing === undefined) db.exec(statement(tag === undefined ? name : `${name}__${tag}`));
}

/** The table of a list field's (id, value) pairs, without its live or rebuild prefix. */
export function listTable(collection: string, field: string): string {
  return `list_${collection}_${field}`;
}
