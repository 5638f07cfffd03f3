import { randomBytes } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './database';
import { positionOfStored, sortablePosition } from '../position';
import type {
  Checkpoint,
  CollectionOf,
  CollectionSpec,
  DocumentMap,
  FieldOf,
  Found,
  AsOf,
  HistorySpec,
  IndexedFields,
  ListSpec,
  Match,
  PageQuery,
  Positioned,
  ReadStore,
  RebuildTarget,
  SizedVersion,
  Version,
  VersionsQuery,
  ThinPageQuery,
  ThinVersionsQuery,
  Thinned,
  ViewRemoval,
  ViewWrite,
} from '../readStore.port';
import { checkAskedByInstant, checkHistorySpec, checkIndexed, checkListMatches, checkNotWalked, checkNumbersVersions, checkOmitted, checkRemovable, checkScanCount, partsOf, versionLabels, type KeptHistory } from '../readStore.port';
import { createHistoryIndexes, createHistoryTables, createIndexes, dropViewsOfAnotherLayout, listTable, LIVE, REBUILD } from './sqlite.viewTables';

type Row = { id: string; position: string; doc: string | null };
type VersionRow = Row & { at: string };
type Run = Statement<unknown[], unknown>;
/** The prepared statements of a write to one collection (`SqliteReadStore.writer`). */
type CollectionWriter = Readonly<{
  /** The fields with a column of their own, in the upsert's order. */
  fields: readonly string[];
  upsert: Run;
  /** For a collection with list fields: the document inserted only when its id is new (see `commit`). */
  insertNew: Run | null;
  lists: ReadonlyArray<Readonly<{ field: string; unlistOlder: Run; insert: Run }>>;
  history: Readonly<{ kept: KeptHistory; version: Run; scope: Run }> | null;
}>;

const FIELD = /^[A-Za-z]+$/;

/**
 * Views as tables `view_<collection>(id, position, doc JSON, f_<field>…)`, with an index on the
 * column of each field the spec names, and for a field that holds a list a table
 * `view_list_<collection>_<field>(id, value)` (their making and layout: sqlite.viewTables.ts). A
 * rebuild fills `rebuild_…` tables, builds their indexes, then renames them over the live ones in
 * one transaction. Positions are stored as text that sorts as the integers do (`sortablePosition`),
 * whatever the event store behind (EventStoreDB's are far beyond SQLite's signed 64-bit INTEGER).
 */
export class SqliteReadStore<Docs extends DocumentMap> implements ReadStore<Docs> {
  private readonly checkpointName: string;
  private readonly fields: IndexedFields;
  /** The fields with a column of their own: the spec's, less those that hold lists. */
  private readonly columns: IndexedFields;
  private readonly lists: IndexedFields;
  private readonly statements = new Map<string, Statement<unknown[], unknown>>();

  constructor(
    private readonly db: SqliteDatabase,
    private readonly spec: CollectionSpec<Docs>,
    private readonly history: HistorySpec<Docs>,
    lists: ListSpec<Docs>,
    private readonly prefix: string = LIVE,
  ) {
    this.fields = spec;
    this.lists = lists as IndexedFields;
    this.columns = Object.fromEntries(Object.entries(this.fields).map(([c, fields]) => [c, fields.filter((f) => !this.lists[c]?.includes(f))]));
    this.checkpointName = prefix;
    if (prefix === LIVE) dropViewsOfAnotherLayout(db, this.columns, this.lists);
    for (const [collection, fields] of Object.entries(this.fields)) {
      if (!/^[A-Za-z]+$/.test(collection) || !fields.every((f) => FIELD.test(f))) {
        throw new Error(`Invalid view spec for ${collection}`);
      }
      // Queried fields get columns of their own, filled from the document as it is written:
      // an index over json_extract would parse every document's JSON on every write.
      const columns = this.columns[collection]!.map((f) => `, f_${f} ANY`).join('');
      db.exec(`CREATE TABLE IF NOT EXISTS ${prefix}${collection} (id TEXT PRIMARY KEY, position TEXT NOT NULL, doc TEXT${columns}) STRICT`);
      // Rebuild tables get their indexes just before they are swapped in: bulk loading is faster without.
      if (prefix === LIVE) createIndexes(db, LIVE, collection, this.columns[collection]!);
    }
    for (const [collection, fields] of Object.entries(this.lists)) {
      if (!fields.every((f) => this.fields[collection]?.includes(f))) throw new Error(`Invalid list spec for ${collection}: its fields must be queried fields`);
      // Keyed by (id, value): a document's values are written together, at the table's end for a
      // new document, and probed one (id, value) at a time (see ListSpec).
      for (const field of fields) db.exec(`CREATE TABLE IF NOT EXISTS ${prefix}${listTable(collection, field)} (id TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (id, value)) STRICT, WITHOUT ROWID`);
    }
    checkHistorySpec(spec, history, (field) => FIELD.test(field));
    for (const [collection, kept] of Object.entries(history)) createHistoryTables(db, prefix, collection, kept?.byInstant === true);
    db.exec('CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position TEXT, generation TEXT NOT NULL) STRICT');
    db.prepare('INSERT OR IGNORE INTO checkpoints (name, position, generation) VALUES (?, NULL, ?)').run(
      this.checkpointName,
      newGeneration(),
    );
  }

  private statement(sql: string) {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[], unknown>(sql).safeIntegers(true);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private table(collection: string): string {
    if (!Object.hasOwn(this.fields, collection)) throw new Error(`Unknown view collection ${collection}`);
    return `${this.prefix}${collection}`;
  }

  async get<C extends CollectionOf<Docs>>(collection: C, id: string): Promise<Positioned<Docs[C]> | undefined> {
    const row = this.statement(`SELECT id, position, doc FROM ${this.table(collection)} WHERE id = ?`).get(id) as Row | undefined;
    return row && toPositioned(row);
  }

  async getMany<C extends CollectionOf<Docs>>(collection: C, ids: readonly string[]): Promise<Map<string, Positioned<Docs[C]>>> {
    const get = this.statement(`SELECT id, position, doc FROM ${this.table(collection)} WHERE id = ?`);
    const found = new Map<string, Positioned<Docs[C]>>();
    for (const id of new Set(ids)) {
      const row = get.get(id) as Row | undefined;
      if (row) found.set(id, toPositioned(row));
    }
    return found;
  }

  async find<C extends CollectionOf<Docs>>(collection: C, field: FieldOf<Docs, C>, value: string): Promise<Found<Docs[C]>[]> {
    return (this.statement(`SELECT t.id, t.position, t.doc ${this.matching(collection, field)} ORDER BY t.id`).all(value) as Row[]).map(toFound<Docs[C]>);
  }

  async count<C extends CollectionOf<Docs>>(collection: C, field: FieldOf<Docs, C>, value: string): Promise<number> {
    // Statements here read integers as BigInt (positions outgrow 2^53); a count never does.
    return Number((this.statement(`SELECT count(*) AS n ${this.matching(collection, field)}`).get(value) as { n: bigint }).n);
  }

  /** The rows (`t`) whose indexed field equals the one parameter: what `find` reads and `count` counts, so the two never disagree. */
  private matching(collection: string, field: string): string {
    checkIndexed(this.fields, collection, field);
    checkNotWalked(this.lists, collection, field);
    return `FROM ${this.table(collection)} t WHERE t.f_${field} = ?`;
  }

  /** The first field's index drives a page; a field that holds lists (never the first) is probed in its table, row by row. */
  page<C extends CollectionOf<Docs>>(collection: C, query: PageQuery<Docs[C]>): Promise<Found<Docs[C]>[]>;
  page<C extends CollectionOf<Docs>>(collection: C, query: ThinPageQuery<Docs[C]>): Promise<Found<Thinned<Docs[C]>>[]>;
  async page<C extends CollectionOf<Docs>>(collection: C, query: PageQuery<Docs[C]> | ThinPageQuery<Docs[C]>): Promise<Found<Docs[C] | Thinned<Docs[C]>>[]> {
    checkListMatches(this.lists, collection, query.where);
    checkOmitted(query.omit);
    const where = Object.entries(query.where) as [string, Match][];
    const conditions = ['t.doc IS NOT NULL'];
    const values: unknown[] = [];
    for (const [index, [field, value]] of where.entries()) {
      if (this.isList(collection, field)) {
        // One probe of the (id, value) key per row, among the rows the first field leads to.
        conditions.push(`EXISTS (SELECT 1 FROM ${this.prefix}${listTable(collection, field)} WHERE id = t.id AND value = ?)`);
        values.push(value);
        continue;
      }
      // Only the first field's index may drive the query (a unary + keeps SQLite from using the
      // others'): that is the index `scanEnd` counts along, so a bounded page stays bounded. An
      // audit run's index, chosen instead, would read that run's rows of every workspace.
      const expression = `${index === 0 ? '' : '+'}${this.fieldExpression(collection, field)}`;
      // A list is one JSON parameter, so one prepared statement serves lists of every length.
      conditions.push(Array.isArray(value) ? `${expression} IN (SELECT value FROM json_each(?))` : `${expression} = ?`);
      values.push(Array.isArray(value) ? JSON.stringify(value) : value);
    }
    if (query.range?.min !== undefined) {
      conditions.push(`${this.fieldExpression(collection, query.range.field)} >= ?`);
      values.push(query.range.min);
    }
    if (query.range?.max !== undefined) {
      conditions.push(`${this.fieldExpression(collection, query.range.field)} <= ?`);
      values.push(query.range.max);
    }
    const descending = query.order === 'desc';
    if (query.afterId !== undefined) {
      conditions.push(descending ? 't.id < ?' : 't.id > ?');
      values.push(query.afterId);
    }
    if (query.throughId !== undefined) {
      conditions.push(descending ? 't.id >= ?' : 't.id <= ?');
      values.push(query.throughId);
    }
    const sql = `SELECT t.id, t.position, ${thinned('t.doc', query.omit)} AS doc FROM ${this.table(collection)} t WHERE ${conditions.join(' AND ')} ORDER BY t.id ${descending ? 'DESC' : 'ASC'} LIMIT ?`;
    return (this.statement(sql).all(...values, query.limit) as Row[]).map(toFound<Docs[C]>);
  }

  /**
   * Walks the index `page` is driven by (the first field's) or the ids, and reads only ids.
   * Several values of the first field: each value's index gives its share of the count, and the
   * scan ends where the first of them does (so it covers between a share and the whole count).
   */
  async scanEnd<C extends CollectionOf<Docs>>(collection: C, query: Pick<PageQuery<Docs[C]>, 'where' | 'afterId' | 'order'>, count: number): Promise<string | null> {
    checkScanCount(count);
    checkListMatches(this.lists, collection, query.where);
    const [first] = Object.entries(query.where) as [string, Match][];
    const descending = query.order === 'desc';
    const after = query.afterId === undefined ? '' : descending ? ' AND id < ?' : ' AND id > ?';
    const afterValues = query.afterId === undefined ? [] : [query.afterId];
    const order = `ORDER BY id ${descending ? 'DESC' : 'ASC'} LIMIT 1 OFFSET ?`;
    if (first !== undefined && this.columns[collection]?.includes(first[0])) {
      const column = `f_${checkedField(first[0])}`;
      if (!Array.isArray(first[1])) return this.idOf(`SELECT id FROM ${this.table(collection)} WHERE ${column} = ?${after} ${order}`, [first[1], ...afterValues, count - 1]);
      const share = Math.ceil(count / Math.max(first[1].length, 1));
      const each = `SELECT (SELECT id FROM ${this.table(collection)} WHERE ${column} = v.value${after} ${order}) AS id FROM json_each(?) v`;
      return this.idOf(`SELECT ${descending ? 'max' : 'min'}(id) AS id FROM (${each})`, [...afterValues, share - 1, JSON.stringify(first[1])]);
    }
    return this.idOf(`SELECT id FROM ${this.table(collection)} WHERE 1${after} ${order}`, [...afterValues, count - 1]);
  }

  private idOf(sql: string, values: readonly unknown[]): string | null {
    return (this.statement(sql).get(...values) as { id: string | null } | undefined)?.id ?? null;
  }

  private readonly writers = new Map<string, CollectionWriter>();

  /**
   * The statements a write to one collection runs, prepared once, instead of building and
   * looking up their SQL text for every document the projector writes (a few percent of its
   * profile; measured A/B, within the noise). The upsert is guarded: only a newer position
   * replaces a document.
   */
  private writer(collection: string): CollectionWriter {
    let writer = this.writers.get(collection);
    if (!writer) {
      const fields = this.columns[collection] ?? [];
      const columns = fields.map((f) => `, f_${f}`).join('');
      const assignments = fields.map((f) => `, f_${f} = excluded.f_${f}`).join('');
      const kept = this.history[collection as CollectionOf<Docs>];
      writer = {
        fields,
        upsert: this.statement(
          `INSERT INTO ${this.table(collection)} (id, position, doc${columns}) VALUES (?, ?, ?${', ?'.repeat(fields.length)})
           ON CONFLICT (id) DO UPDATE SET position = excluded.position, doc = excluded.doc${assignments}
           WHERE excluded.position > position`,
        ),
        insertNew:
          (this.lists[collection] ?? []).length === 0
            ? null
            : this.statement(`INSERT INTO ${this.table(collection)} (id, position, doc${columns}) VALUES (?, ?, ?${', ?'.repeat(fields.length)}) ON CONFLICT (id) DO NOTHING`),
        lists: (this.lists[collection] ?? []).map((field) => ({
          field,
          unlistOlder: this.unlistStatement(collection, field, 't.id = ? AND t.position < ?'),
          insert: this.statement(`INSERT OR IGNORE INTO ${this.prefix}${listTable(collection, field)} (id, value) VALUES (?, ?)`),
        })),
        history:
          kept === undefined
            ? null
            : {
                kept,
                version: this.statement(`INSERT OR IGNORE INTO ${this.prefix}hist_${collection} (id, position, at, scope, number, doc) VALUES (?, ?, ?, ?, ?, ?)`),
                scope: this.statement(`INSERT OR IGNORE INTO ${this.prefix}scope_${collection} (scope, id) VALUES (?, ?)`),
              },
      };
      this.writers.set(collection, writer);
    }
    return writer;
  }

  /**
   * Takes the values of the documents `matching` selects (of the table as `t`) out of one list
   * table, before a write at a position replaces an older document (as the upsert does) or before
   * a removal: a document's pairs are the ones keyed by its id, so its JSON need not be read.
   */
  private unlistStatement(collection: string, field: string, matching: string) {
    return this.statement(`DELETE FROM ${this.prefix}${listTable(collection, field)} WHERE id IN (SELECT t.id FROM ${this.table(collection)} t WHERE ${matching})`);
  }

  /** A queried field's own column; any other field straight from the JSON (of the table as `t`). */
  private fieldExpression(collection: string, field: string): string {
    if (this.isList(collection, field)) throw new Error(`${collection}.${field} holds lists: it is matched, not compared`);
    return this.columns[collection]?.includes(field) ? `t.f_${checkedField(field)}` : `json_extract(t.doc, '$.${checkedField(field)}')`;
  }

  private isList(collection: string, field: string): boolean {
    return this.lists[collection]?.includes(field) ?? false;
  }

  async all<C extends CollectionOf<Docs>>(collection: C): Promise<Found<Docs[C]>[]> {
    const rows = this.statement(`SELECT id, position, doc FROM ${this.table(collection)} WHERE doc IS NOT NULL ORDER BY id`).all() as Row[];
    return rows.map(toFound<Docs[C]>);
  }

  async versionAt<C extends CollectionOf<Docs>>(collection: C, id: string, asOf: AsOf): Promise<Version<Docs[C]> | undefined> {
    const versions = this.historyTable(collection);
    checkAskedByInstant(this.history, collection, asOf);
    const row = (
      'position' in asOf
        ? this.statement(`SELECT id, position, at, doc FROM ${versions} WHERE id = ? AND position <= ? ORDER BY position DESC LIMIT 1`).get(id, encodePosition(asOf.position))
        : this.statement(`SELECT id, position, at, doc FROM ${versions} WHERE id = ? AND at <= ? ORDER BY at DESC, position DESC LIMIT 1`).get(id, asOf.instant)
    ) as VersionRow | undefined;
    return row && toVersion<Docs[C]>(row);
  }

  async scopeAt<C extends CollectionOf<Docs>>(collection: C, scope: string, position: string): Promise<Found<Docs[C]>[]> {
    const versions = this.historyTable(collection);
    if (!this.history[collection]?.scope) throw new Error(`${collection} keeps no scopes`);
    // One index seek per document of the scope: its last version at or before the position.
    const rows = this.statement(
      `SELECT v.id, v.position, v.doc FROM ${this.prefix}scope_${collection} s
       JOIN ${versions} v ON v.id = s.id AND v.position = (SELECT max(position) FROM ${versions} WHERE id = s.id AND position <= ?)
       WHERE s.scope = ? AND v.scope = s.scope AND v.doc IS NOT NULL ORDER BY s.id`,
    ).all(encodePosition(position), scope) as Row[];
    return rows.map(toFound<Docs[C]>);
  }

  async scopeCount<C extends CollectionOf<Docs>>(collection: C, scope: string): Promise<number> {
    if (!this.history[collection]?.scope) throw new Error(`${collection} keeps no scopes`);
    return Number((this.statement(`SELECT count(*) AS n FROM ${this.prefix}scope_${collection} WHERE scope = ?`).get(scope) as { n: bigint }).n);
  }

  firstVersions<C extends CollectionOf<Docs>>(collection: C, id: string, query: VersionsQuery): Promise<SizedVersion<Docs[C]>[]>;
  firstVersions<C extends CollectionOf<Docs>>(collection: C, id: string, query: ThinVersionsQuery): Promise<SizedVersion<Thinned<Docs[C]>>[]>;
  async firstVersions<C extends CollectionOf<Docs>>(collection: C, id: string, query: VersionsQuery | ThinVersionsQuery): Promise<SizedVersion<Docs[C] | Thinned<Docs[C]>>[]> {
    const versions = this.historyTable(collection);
    checkNumbersVersions(this.history, collection);
    checkOmitted(query.omit);
    const [next, beyond, order] = query.order === 'desc' ? ['max', '<', 'DESC'] : ['min', '>', 'ASC'];
    // A loose scan of the (id, number, position) index: one seek to each next number, one to its
    // earliest version. However many versions share a number (its details or roles changed
    // a thousand times), a page costs two seeks per number it answers, never a walk over them.
    const rows = this.statement(
      `WITH RECURSIVE numbers(number) AS (
         SELECT ${next}(number) FROM ${versions} WHERE id = @id AND number IS NOT NULL${query.after === undefined ? '' : ` AND number ${beyond} @after`}
         UNION ALL
         SELECT (SELECT ${next}(number) FROM ${versions} WHERE id = @id AND number ${beyond} numbers.number) FROM numbers WHERE numbers.number IS NOT NULL
         LIMIT @limit
       )
       SELECT h.id, h.position, h.at, ${thinned('h.doc', query.omit)} AS doc, coalesce(octet_length(h.doc), 0) AS bytes FROM numbers
       JOIN ${versions} h ON h.id = @id AND h.position = (SELECT min(position) FROM ${versions} WHERE id = @id AND number = numbers.number)
       ORDER BY numbers.number ${order}`,
    ).all({ id, limit: query.limit, ...(query.after === undefined ? {} : { after: query.after }) }) as (VersionRow & { bytes: number | bigint })[];
    // octet_length reads the size SQLite keeps with the value: the document itself is not read for it.
    return rows.map((row) => ({ ...toVersion<Docs[C]>(row), storedBytes: Number(row.bytes) }));
  }

  private historyTable(collection: string): string {
    if (this.history[collection as CollectionOf<Docs>] === undefined) throw new Error(`${collection} keeps no history`);
    return `${this.prefix}hist_${collection}`;
  }

  async checkpoint(): Promise<Checkpoint> {
    const row = this.statement('SELECT position, generation FROM checkpoints WHERE name = ?').get(this.checkpointName) as
      | { position: string | null; generation: string }
      | undefined;
    if (!row) throw new Error(`Checkpoint ${this.checkpointName} is missing`);
    return { position: row.position === null ? null : decodePosition(row.position), generation: row.generation };
  }

  async commit(writes: readonly ViewWrite<Docs>[], position: string, generation: string, removals: readonly ViewRemoval<Docs>[] = []): Promise<boolean> {
    return this.db.transaction(() => {
      const moved = this.statement('UPDATE checkpoints SET position = ? WHERE name = ? AND generation = ?').run(
        encodePosition(position),
        this.checkpointName,
        generation,
      );
      if (moved.changes === 0) return false;
      for (const write of writes) {
        const writer = this.writer(write.collection);
        const parts = partsOf(this.history, write);
        const doc = write.doc as Record<string, unknown> | null;
        const json = doc === null ? null : JSON.stringify(doc);
        const position = encodePosition(write.position);
        if (parts.document) this.replaceDocument(writer, write.id, position, doc, json);
        const history = parts.versionAt === null ? null : writer.history;
        if (history === null) continue;
        const { scope, number } = versionLabels(history.kept, doc);
        history.version.run(write.id, position, parts.versionAt, scope, number, json);
        if (scope !== null) history.scope.run(scope, write.id);
      }
      for (const removal of removals) this.remove(removal);
      return true;
    }).immediate();
  }

  /** Writes a document (or its tombstone) over an older one, its list values with it. */
  private replaceDocument(writer: CollectionWriter, id: string, position: string, doc: Record<string, unknown> | null, json: string | null): void {
    const row = [id, position, json, ...writer.fields.map((f) => columnValue(doc?.[f]))];
    // A document with list fields has its (id, value) pairs taken out before it is replaced.
    // Most such documents are written once (an audit row), so a new id is inserted first
    // and only one that exists pays for looking up its old pairs (6.5% of a views commit).
    let applied = writer.insertNew !== null && writer.insertNew.run(...row).changes > 0;
    if (!applied) {
      for (const list of writer.lists) list.unlistOlder.run(id, position);
      applied = writer.upsert.run(...row).changes > 0;
    }
    if (!applied || doc === null) return;
    for (const { field, insert } of writer.lists) {
      const values = doc[field];
      if (Array.isArray(values)) for (const value of values) if (typeof value === 'string') insert.run(id, value);
    }
  }

  /** Through the first field's index, bounded by id; the documents' list values go with them. */
  private remove(removal: ViewRemoval<Docs>): void {
    checkRemovable(this.fields, this.history, this.lists, removal);
    const matches = Object.entries(removal.where) as [string, string][];
    const from = removal.fromId === undefined ? [] : [removal.fromId];
    const matching = [...matches.map(([field]) => `${this.fieldExpression(removal.collection, field)} = ?`), ...from.map(() => 't.id >= ?'), 't.id <= ?'].join(' AND ');
    const values = [...matches.map(([, value]) => value), ...from, removal.throughId];
    for (const field of this.lists[removal.collection] ?? []) this.unlistStatement(removal.collection, field, matching).run(...values);
    this.statement(`DELETE FROM ${this.table(removal.collection)} AS t WHERE ${matching}`).run(...values);
  }

  async startRebuild(): Promise<RebuildTarget<Docs>> {
    const tables = [
      ...Object.keys(this.fields),
      ...Object.keys(this.history).flatMap((c) => [`hist_${c}`, `scope_${c}`]),
      ...Object.entries(this.lists).flatMap(([c, fields]) => fields.map((f) => listTable(c, f))),
    ];
    const dropRebuildTables = () => {
      for (const table of tables) this.db.exec(`DROP TABLE IF EXISTS ${REBUILD}${table}`);
      this.db.prepare('DELETE FROM checkpoints WHERE name = ?').run(REBUILD);
    };
    dropRebuildTables();
    const store = new SqliteReadStore(this.db, this.spec, this.history, this.lists as ListSpec<Docs>, REBUILD);
    return {
      store,
      swapIn: async () => {
        // The indexes first, each statement its own transaction: at 1,000,000 events they take
        // ~10 s to build, which under one lock stalled the live views' writers past SQLite's busy
        // timeout. Named after this rebuild, they keep their names when their tables are renamed.
        const tag = newGeneration();
        for (const [c, fields] of Object.entries(this.columns)) createIndexes(this.db, REBUILD, c, fields, tag);
        for (const [c, kept] of Object.entries(this.history)) createHistoryIndexes(this.db, REBUILD, c, kept?.byInstant === true, tag);
        // Then the swap itself: the old tables dropped (their indexes with them), the new renamed.
        this.db.transaction(() => {
          for (const table of tables) this.db.exec(`DROP TABLE ${LIVE}${table}; ALTER TABLE ${REBUILD}${table} RENAME TO ${LIVE}${table};`);
          const rebuilt = this.db.prepare('SELECT position FROM checkpoints WHERE name = ?').get(REBUILD) as { position: string | null };
          // A new generation tells a projector still running on the old views to start over.
          this.db
            .prepare('UPDATE checkpoints SET position = ?, generation = ? WHERE name = ?')
            .run(rebuilt.position, newGeneration(), LIVE);
          this.db.prepare('DELETE FROM checkpoints WHERE name = ?').run(REBUILD);
        }).immediate();
        this.statements.clear();
        this.writers.clear();
      },
      discard: async () => dropRebuildTables(),
    };
  }

  async close(): Promise<void> {
    // A rebuild target shares the live store's connection; only the live store closes it.
    if (this.prefix === LIVE && this.db.open) this.db.close();
  }
}

/** What a queried field's column holds: strings and numbers as they are, anything else null. */
function columnValue(value: unknown): string | number | null {
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

/**
 * A document column with the fields at `paths` (checked: `checkOmitted`) left out by SQLite, which
 * parses each document in C: the large fields never reach JavaScript.
 */
function thinned(column: string, paths: readonly string[] | undefined): string {
  return paths?.length ? `json_remove(${column}, ${paths.map((path) => `'$.${path}'`).join(', ')})` : column;
}

/** Field names are put into SQL text, so only plain names pass. */
function checkedField(field: string): string {
  if (!FIELD.test(field)) throw new Error(`Invalid field name ${field}`);
  return field;
}

function newGeneration(): string {
  return randomBytes(8).toString('hex');
}

const encodePosition = sortablePosition;
const decodePosition = positionOfStored;

/** The one place a document's type is taken on trust: the JSON this store wrote for its collection. */
function parseDoc<Doc>(json: string): Doc {
  return JSON.parse(json) as Doc;
}

function toPositioned<Doc>(row: Row): Positioned<Doc> {
  return { doc: row.doc === null ? null : parseDoc<Doc>(row.doc), position: decodePosition(row.position) };
}

/** A version: the document as `toPositioned` reads it, with its time (spelled out, not spread: see merged.ts). */
function toVersion<Doc>(row: VersionRow): Version<Doc> {
  const { doc, position } = toPositioned<Doc>(row);
  return { doc, position, at: row.at };
}

function toFound<Doc>(row: Row): Found<Doc> {
  return { id: row.id, doc: parseDoc<Doc>(row.doc!), position: decodePosition(row.position) };
}
