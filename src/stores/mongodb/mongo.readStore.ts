import { randomBytes } from 'node:crypto';
import type { AnyBulkWriteOperation, Collection, Db, Filter, UpdateFilter } from 'mongodb';
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
import { checkAskedByInstant, checkHistorySpec, checkIndexed, checkListMatches, checkNotWalked, checkNumbersVersions, checkOmitted, checkRemovable, checkScanCount, partsOf, versionLabels } from '../readStore.port';
import { collectionName, duplicateIndexes, fieldIndexName, generationOf, loadedPosition, nothingToDrop, onlyDuplicateKeys, storedPosition } from './mongo.mapping';

type Row = { _id: string; position: string; doc: Record<string, unknown> | null };
type CheckpointRow = { _id: string; position: string | null; generation: string };
/** A version of a document in a collection with history: `_id` is `<id>\u0000<position>`, so a replay inserts nothing. */
type VersionRow = { _id: string; id: string; position: string; at: string; scope: string | null; number?: number; doc: Record<string, unknown> | null };
/** A document a scope ever held: `_id` is `<scope>\u0000<id>`. */
type ScopeRow = { _id: string; scope: string; id: string };

const LIVE = 'views';
const REBUILD = 'rebuild';
const FIELD = /^[A-Za-z]+$/;
/** How long a reader trusts the generation it read; a rebuild keeps the previous one alive. */
const GENERATION_TTL_MS = 1000;

/**
 * Views in MongoDB: one collection per view and generation (`views_<generation>_<name>`) of
 * `{_id, position, doc}`, indexed on `doc.<field>, _id`. Every write is an upsert guarded by
 * `position < new position`, so replays, duplicate deliveries and several projectors are safe
 * without transactions. The `checkpoints` document names the live generation: a rebuild fills
 * a new one and swaps it in with one document update.
 */
export class MongoReadStore<Docs extends DocumentMap> implements ReadStore<Docs> {
  private generation: { value: string; readAt: number } | null = null;
  private readonly fields: IndexedFields;
  private readonly lists: IndexedFields;

  constructor(
    private readonly db: Db,
    private readonly spec: CollectionSpec<Docs>,
    private readonly history: HistorySpec<Docs>,
    /** MongoDB matches a list's values in the documents another field's index leads to (no index of their own): queries are only checked against it. */
    lists: ListSpec<Docs>,
    private readonly checkpointId: string = LIVE,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {
    this.fields = spec;
    this.lists = lists as IndexedFields;
    for (const [collection, fields] of Object.entries(this.fields)) {
      if (!FIELD.test(collection) || !fields.every((f) => FIELD.test(f))) throw new Error(`Invalid view spec for ${collection}`);
    }
    checkHistorySpec(spec, history, (field) => FIELD.test(field));
  }

  private get checkpoints() {
    return this.db.collection<CheckpointRow>('checkpoints');
  }

  private async liveGeneration(): Promise<string> {
    if (this.generation && Date.now() - this.generation.readAt < GENERATION_TTL_MS) return this.generation.value;
    return (await this.checkpoint()).generation;
  }

  private async rows(collection: string) {
    if (!Object.hasOwn(this.fields, collection)) throw new Error(`Unknown view collection ${collection}`);
    return this.db.collection<Row>(collectionName(await this.liveGeneration(), collection));
  }

  async get<C extends CollectionOf<Docs>>(collection: C, id: string): Promise<Positioned<Docs[C]> | undefined> {
    const row = await (await this.rows(collection)).findOne({ _id: id });
    return row ? { doc: docOf<Docs[C]>(row), position: loadedPosition(row.position) } : undefined;
  }

  async getMany<C extends CollectionOf<Docs>>(collection: C, ids: readonly string[]): Promise<Map<string, Positioned<Docs[C]>>> {
    const rows = await (await this.rows(collection)).find({ _id: { $in: [...new Set(ids)] } }).toArray();
    return new Map(rows.map((row) => [row._id, { doc: docOf<Docs[C]>(row), position: loadedPosition(row.position) }]));
  }

  async find<C extends CollectionOf<Docs>>(collection: C, field: FieldOf<Docs, C>, value: string): Promise<Found<Docs[C]>[]> {
    checkIndexed(this.fields, collection, field);
    checkNotWalked(this.lists, collection, field);
    return this.query(collection, { [`doc.${field}`]: value }, 0);
  }

  async count<C extends CollectionOf<Docs>>(collection: C, field: FieldOf<Docs, C>, value: string): Promise<number> {
    checkIndexed(this.fields, collection, field);
    checkNotWalked(this.lists, collection, field);
    // A tombstone holds no field, so the index on it counts only what `find` answers.
    return (await this.rows(collection)).countDocuments({ [`doc.${field}`]: value } as Filter<Row>);
  }

  page<C extends CollectionOf<Docs>>(collection: C, query: PageQuery<Docs[C]>): Promise<Found<Docs[C]>[]>;
  page<C extends CollectionOf<Docs>>(collection: C, query: ThinPageQuery<Docs[C]>): Promise<Found<Thinned<Docs[C]>>[]>;
  async page<C extends CollectionOf<Docs>>(collection: C, query: PageQuery<Docs[C]> | ThinPageQuery<Docs[C]>): Promise<Found<Docs[C] | Thinned<Docs[C]>>[]> {
    checkListMatches(this.lists, collection, query.where);
    checkOmitted(query.omit);
    const filter: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(query.where)) filter[`doc.${checked(field)}`] = Array.isArray(value) ? { $in: value } : value;
    if (query.range && (query.range.min !== undefined || query.range.max !== undefined)) {
      filter[`doc.${checked(query.range.field)}`] = {
        ...(query.range.min !== undefined ? { $gte: query.range.min } : {}),
        ...(query.range.max !== undefined ? { $lte: query.range.max } : {}),
      };
    }
    const descending = query.order === 'desc';
    Object.assign(filter, idBounds(query.afterId, query.throughId, descending));
    return this.query(collection, filter, query.limit, descending ? -1 : 1, query.omit);
  }

  /**
   * Walks the first field's index (never a list field's) or the ids, reading only ids.
   * Several values of the first field: each value's index gives its share of the count, and the
   * scan ends where the first of them does.
   */
  async scanEnd<C extends CollectionOf<Docs>>(collection: C, query: Pick<PageQuery<Docs[C]>, 'where' | 'afterId' | 'order'>, count: number): Promise<string | null> {
    checkScanCount(count);
    checkListMatches(this.lists, collection, query.where);
    const [first] = Object.entries(query.where);
    const descending = query.order === 'desc';
    const bounds = idBounds(query.afterId, undefined, descending);
    const rows = await this.rows(collection);
    const nth = async (filter: Record<string, unknown>, n: number) =>
      (await rows.find({ ...filter, ...bounds } as Filter<Row>, { projection: { _id: 1 } }).sort({ _id: descending ? -1 : 1 }).skip(n - 1).limit(1).toArray())[0]?._id ?? null;
    if (first === undefined || !this.fields[collection]?.includes(first[0])) return nth({}, count);
    const field = `doc.${checked(first[0])}`;
    if (!Array.isArray(first[1])) return nth({ [field]: first[1] }, count);
    const share = Math.ceil(count / Math.max(first[1].length, 1));
    // In the order MongoDB compares strings (their UTF-8 bytes), not JavaScript's.
    const ends = (await Promise.all(first[1].map((value) => nth({ [field]: value }, share))))
      .filter((id): id is string => id !== null)
      .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    return (descending ? ends.at(-1) : ends[0]) ?? null;
  }

  async all<C extends CollectionOf<Docs>>(collection: C): Promise<Found<Docs[C]>[]> {
    return this.query(collection, {}, 0);
  }

  async versionAt<C extends CollectionOf<Docs>>(collection: C, id: string, asOf: AsOf): Promise<Version<Docs[C]> | undefined> {
    const versions = await this.versions(collection);
    checkAskedByInstant(this.history, collection, asOf);
    const [row] = await ('position' in asOf
      ? versions.find({ id, position: { $lte: storedPosition(asOf.position) } }).sort({ position: -1 })
      : versions.find({ id, at: { $lte: asOf.instant } }).sort({ at: -1, position: -1 })
    )
      .limit(1)
      .toArray();
    return row && { doc: row.doc as Docs[C] | null, position: loadedPosition(row.position), at: row.at };
  }

  async scopeAt<C extends CollectionOf<Docs>>(collection: C, scope: string, position: string): Promise<Found<Docs[C]>[]> {
    const versions = await this.versions(collection);
    if (!this.history[collection]?.scope) throw new Error(`${collection} keeps no scopes`);
    const ids = (await this.db.collection<ScopeRow>(collectionName(await this.liveGeneration(), `scope_${collection}`)).find({ scope }).toArray()).map((row) => row.id);
    // Sorted as the { id, position } index is, each id's first row is its last version by then
    // (MongoDB answers $group with $first over that sort from the index, one seek per id).
    const rows = await versions
      .aggregate<{ _id: string; doc: Record<string, unknown> | null; position: string; scope: string | null }>([
        { $match: { id: { $in: ids }, position: { $lte: storedPosition(position) } } },
        { $sort: { id: 1, position: -1 } },
        { $group: { _id: '$id', doc: { $first: '$doc' }, position: { $first: '$position' }, scope: { $first: '$scope' } } },
        { $match: { doc: { $ne: null }, scope } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    return rows.map((row) => ({ id: row._id, doc: row.doc as Docs[C], position: loadedPosition(row.position) }));
  }

  async scopeCount<C extends CollectionOf<Docs>>(collection: C, scope: string): Promise<number> {
    if (!this.history[collection]?.scope) throw new Error(`${collection} keeps no scopes`);
    return this.db.collection<ScopeRow>(collectionName(await this.liveGeneration(), `scope_${collection}`)).countDocuments({ scope });
  }

  firstVersions<C extends CollectionOf<Docs>>(collection: C, id: string, query: VersionsQuery): Promise<SizedVersion<Docs[C]>[]>;
  firstVersions<C extends CollectionOf<Docs>>(collection: C, id: string, query: ThinVersionsQuery): Promise<SizedVersion<Thinned<Docs[C]>>[]>;
  async firstVersions<C extends CollectionOf<Docs>>(collection: C, id: string, query: VersionsQuery | ThinVersionsQuery): Promise<SizedVersion<Docs[C] | Thinned<Docs[C]>>[]> {
    const versions = await this.versions(collection);
    checkNumbersVersions(this.history, collection);
    checkOmitted(query.omit);
    const direction = query.order === 'desc' ? -1 : 1;
    const beyond = (bound: number | undefined) => (bound === undefined ? {} : direction === 1 ? { $gt: bound } : { $lt: bound });
    // Numbers and positions in (number, position ascending) order, from one of the two partial
    // indexes: each number's first entry is its earliest version. MongoDB has no loose index scan,
    // so a page streams on, and seeks past a number whose states keep coming (its details or
    // roles changed over and over) instead of reading them all.
    const earliest: string[] = [];
    let bound = query.after;
    let seekPast = true;
    while (seekPast && earliest.length < query.limit) {
      seekPast = false;
      const cursor = versions
        .find({ id, number: { $exists: true, ...beyond(bound) } }, { projection: { _id: 0, number: 1, position: 1 } })
        .sort({ number: direction, position: 1 })
        // Batches no larger than the page needs: the server reads no further than the loop does.
        .batchSize(query.limit - earliest.length + STATES_BEFORE_SEEK + 1);
      let current: number | undefined;
      let states = 0;
      for await (const row of cursor) {
        if (row.number !== current) {
          if (earliest.length === query.limit) break;
          current = row.number;
          states = 0;
          earliest.push(row.position);
        } else if ((states += 1) === STATES_BEFORE_SEEK) {
          bound = current;
          seekPast = true;
          break;
        }
      }
      await cursor.close();
    }
    // The size is taken on the server, before the fields left out are: they are what makes a version large.
    const leftOut = omitted(query.omit);
    const found = await versions
      .aggregate<VersionRow & { bytes: number | null }>([
        { $match: { _id: { $in: earliest.map((position) => versionId(id, position)) } } },
        { $set: { bytes: { $bsonSize: '$doc' } } },
        ...(Object.keys(leftOut).length > 0 ? [{ $project: leftOut }] : []),
      ])
      .toArray();
    const rows = new Map(found.map((row) => [row.position, row]));
    return earliest.map((position) => {
      const row = rows.get(position)!;
      return { doc: row.doc as Docs[C] | null, position: loadedPosition(row.position), at: row.at, storedBytes: row.bytes ?? 0 };
    });
  }

  private async versions(collection: string) {
    if (this.history[collection as CollectionOf<Docs>] === undefined) throw new Error(`${collection} keeps no history`);
    return this.db.collection<VersionRow>(collectionName(await this.liveGeneration(), `hist_${collection}`));
  }

  private async query<C extends CollectionOf<Docs>>(collection: C, filter: Record<string, unknown>, limit: number, direction: 1 | -1 = 1, omit?: readonly string[]): Promise<Found<Docs[C]>[]> {
    const rows = await (await this.rows(collection))
      .find({ ...filter, doc: { $ne: null } } as Filter<Row>, { projection: omitted(omit) })
      .sort({ _id: direction })
      .limit(limit)
      .toArray();
    // The filter left tombstones out: every row here holds a document.
    return rows.map((row) => ({ id: row._id, doc: docOf<Docs[C]>(row)!, position: loadedPosition(row.position) }));
  }

  async checkpoint(): Promise<Checkpoint> {
    const row = await this.checkpoints.findOneAndUpdate(
      { _id: this.checkpointId },
      { $setOnInsert: { position: null, generation: randomBytes(8).toString('hex') } },
      { upsert: true, returnDocument: 'after' },
    );
    if (!row) throw new Error(`Checkpoint ${this.checkpointId} could not be read`);
    this.generation = { value: row.generation, readAt: Date.now() };
    await this.ensureIndexes(row.generation);
    return { position: row.position === null ? null : loadedPosition(row.position), generation: row.generation };
  }

  async commit(writes: readonly ViewWrite<Docs>[], position: string, generation: string, removals: readonly ViewRemoval<Docs>[] = []): Promise<boolean> {
    // Refused before anything is written: writes under a generation a swap replaced would
    // create its dropped collections again, to lie there until the next rebuild drops them. (A
    // swap between this read and the writes leaves them in the previous generation, which that
    // swap keeps for its readers and the next one drops.)
    if (!(await this.isLive(generation))) return false;
    const byCollection = new Map<string, AnyBulkWriteOperation<Row>[]>();
    await this.keepVersions(writes, generation);
    for (const write of writes) {
      if (!partsOf(this.history, write).document) continue;
      const at = storedPosition(write.position);
      const operations = byCollection.get(write.collection) ?? [];
      operations.push({
        updateOne: {
          filter: { _id: write.id, position: { $lt: at } },
          update: { $set: { position: at, doc: write.doc as Row['doc'] } },
          upsert: true,
        },
      });
      byCollection.set(write.collection, operations);
    }
    for (const [collection, operations] of byCollection) {
      if (!Object.hasOwn(this.fields, collection)) throw new Error(`Unknown view collection ${collection}`);
      const rows = this.db.collection<Row>(collectionName(generation, collection));
      try {
        await rows.bulkWrite(operations, { ordered: false });
      } catch (error) {
        if (!onlyDuplicateKeys(error)) throw error;
        // A guarded upsert whose document another writer inserted meanwhile fails on the _id,
        // and MongoDB does not retry an upsert whose filter is not all equalities. Applied
        // again as a plain guarded update, it lands if it is the newer one and not otherwise.
        for (const index of duplicateIndexes(error)) {
          const { filter, update } = (operations[index] as { updateOne: { filter: Filter<Row>; update: UpdateFilter<Row> } }).updateOne;
          await rows.updateOne(filter, update);
        }
      }
    }
    // After the writes, before the checkpoint moves: a retry after a failure removes them again.
    for (const removal of removals) await this.remove(removal, generation);
    // $max: with several projectors, the checkpoint never moves back.
    const moved = await this.checkpoints.updateOne({ _id: this.checkpointId, generation }, { $max: { position: storedPosition(position) } });
    return moved.matchedCount === 1;
  }

  private async isLive(generation: string): Promise<boolean> {
    const row = await this.checkpoints.findOne({ _id: this.checkpointId }, { projection: { generation: 1 } });
    return row?.generation === generation;
  }

  /** Through the first field's index, bounded by id (a list field's values go with the documents). */
  private async remove(removal: ViewRemoval<Docs>, generation: string): Promise<void> {
    checkRemovable(this.fields, this.history, this.lists, removal);
    const filter: Filter<Row> = { _id: { ...(removal.fromId === undefined ? {} : { $gte: removal.fromId }), $lte: removal.throughId } };
    for (const [field, value] of Object.entries(removal.where)) filter[`doc.${checked(field)}`] = value;
    await this.db.collection<Row>(collectionName(generation, removal.collection)).deleteMany(filter);
  }

  /**
   * The versions of the writes to collections with history, and the scopes that hold them:
   * inserted once each (a replay finds their ids taken), before the documents themselves, so a
   * document is never newer than its history.
   */
  private async keepVersions(writes: readonly ViewWrite<Docs>[], generation: string): Promise<void> {
    const versions = new Map<string, AnyBulkWriteOperation<VersionRow>[]>();
    const scopes = new Map<string, AnyBulkWriteOperation<ScopeRow>[]>();
    for (const write of writes) {
      const kept = this.history[write.collection];
      const { versionAt } = partsOf(this.history, write);
      if (kept === undefined || versionAt === null) continue;
      const at = storedPosition(write.position);
      const doc = write.doc as Record<string, unknown> | null;
      const { scope, number } = versionLabels(kept, doc);
      const row: VersionRow = {
        _id: versionId(write.id, at),
        id: write.id,
        position: at,
        at: versionAt,
        scope,
        // Left out, not null, when there is none: the partial index holds only the numbered.
        ...(number === null ? {} : { number }),
        doc,
      };
      push(versions, write.collection, { updateOne: { filter: { _id: row._id }, update: { $setOnInsert: row }, upsert: true } });
      if (scope !== null) {
        const scopeRow: ScopeRow = { _id: `${scope}\u0000${write.id}`, scope, id: write.id };
        push(scopes, write.collection, { updateOne: { filter: { _id: scopeRow._id }, update: { $setOnInsert: scopeRow }, upsert: true } });
      }
    }
    for (const [collection, operations] of versions) await this.db.collection<VersionRow>(collectionName(generation, `hist_${collection}`)).bulkWrite(operations, { ordered: false });
    for (const [collection, operations] of scopes) await this.db.collection<ScopeRow>(collectionName(generation, `scope_${collection}`)).bulkWrite(operations, { ordered: false });
  }

  async startRebuild(): Promise<RebuildTarget<Docs>> {
    await this.checkpoints.deleteOne({ _id: REBUILD });
    const rebuild = new MongoReadStore(this.db, this.spec, this.history, this.lists as ListSpec<Docs>, REBUILD);
    const { generation } = await rebuild.checkpoint();
    return {
      store: rebuild,
      swapIn: async () => {
        const rebuilt = await this.checkpoints.findOne({ _id: REBUILD });
        const previous = (await this.checkpoint()).generation;
        await this.checkpoints.updateOne({ _id: this.checkpointId }, { $set: { generation, position: rebuilt?.position ?? null } });
        await this.checkpoints.deleteOne({ _id: REBUILD });
        this.generation = null;
        // Readers may still use the previous generation for a moment; older ones go now.
        await this.dropGenerationsExcept([generation, previous]);
      },
      discard: async () => {
        await this.checkpoints.deleteOne({ _id: REBUILD });
        await this.dropGenerationsExcept([(await this.checkpoint()).generation]);
      },
    };
  }

  async close(): Promise<void> {
    await this.onClose();
  }

  private readonly indexed = new Set<string>();

  private async ensureIndexes(generation: string): Promise<void> {
    if (this.indexed.has(generation)) return;
    for (const [collection, fields] of Object.entries(this.fields)) {
      // A list field is matched in the documents another field's index leads to, never walked
      // (see ListSpec): a multikey index of it would cost an entry per value on every write, unread.
      const documents = this.db.collection(collectionName(generation, collection));
      for (const field of fields) {
        if (!this.lists[collection]?.includes(field)) await documents.createIndex({ [`doc.${field}`]: 1, _id: 1 }, { name: fieldIndexName(field) });
        // A generation made before views layout 9 has one: drop it, or every write keeps paying for it.
        else await dropIndexIfThere(documents, fieldIndexName(field));
      }
    }
    for (const [collection, kept] of Object.entries(this.history)) {
      const versions = this.db.collection(collectionName(generation, `hist_${collection}`));
      await versions.createIndex({ id: 1, position: -1 });
      if (kept?.byInstant) await versions.createIndex({ id: 1, at: -1, position: -1 });
      // Both number orders with the earliest state first (see firstVersions); partial: only numbered states.
      for (const number of [1, -1] as const) await versions.createIndex({ id: 1, number, position: 1 }, { partialFilterExpression: { number: { $exists: true } } });
      await this.db.collection(collectionName(generation, `scope_${collection}`)).createIndex({ scope: 1, id: 1 });
    }
    this.indexed.add(generation);
  }

  private async dropGenerationsExcept(keep: readonly string[]): Promise<void> {
    for (const { name } of await this.db.listCollections({}, { nameOnly: true }).toArray()) {
      const generation = generationOf(name);
      if (generation !== null && !keep.includes(generation)) await this.db.dropCollection(name);
    }
  }
}

/** A projection leaving out the document's fields at `paths` (checked: `checkOmitted`): the server drops them, so the large ones never cross the wire. */
function omitted(paths: readonly string[] | undefined): Record<string, 0> {
  return Object.fromEntries((paths ?? []).map((path) => [`doc.${path}`, 0]));
}

/** The one place a document's type is taken on trust: the JSON this store wrote for its collection. */
function docOf<Doc extends object>(row: Row): Doc | null {
  return row.doc as Doc | null;
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key) ?? [];
  list.push(item);
  map.set(key, list);
}

function checked(field: string): string {
  if (!FIELD.test(field)) throw new Error(`Invalid field name ${field}`);
  return field;
}

/** The `_id` condition of keyset bounds in a page's order, beyond `afterId` and up to `throughId` inclusive; none without either. */
function idBounds(afterId: string | undefined, throughId: string | undefined, descending: boolean): { _id?: Record<string, string> } {
  if (afterId === undefined && throughId === undefined) return {};
  return {
    _id: {
      ...(afterId === undefined ? {} : { [descending ? '$lt' : '$gt']: afterId }),
      ...(throughId === undefined ? {} : { [descending ? '$gte' : '$lte']: throughId }),
    },
  };
}

/** States of one version a history page streams past before it seeks beyond them. */
const STATES_BEFORE_SEEK = 16;

/** A version row's id: a replay of the same version finds it taken. */
function versionId(id: string, storedAt: string): string {
  return `${id}\u0000${storedAt}`;
}

async function dropIndexIfThere(documents: Collection, name: string): Promise<void> {
  try {
    await documents.dropIndex(name);
  } catch (error) {
    if (!nothingToDrop(error)) throw error;
  }
}
