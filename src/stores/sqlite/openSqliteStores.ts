import { join } from 'node:path';
import type { CollectionSpec, DocumentMap, HistorySpec, ListSpec } from '../readStore.port';
import { openDatabase } from './database';
import { SqliteEventStore } from './sqlite.eventStore';
import { SqliteFollowerCheckpoints } from './sqlite.followerCheckpoints';
import { SqliteKeyStore } from './sqlite.keyStore';
import { SqliteReadStore } from './sqlite.readStore';

/**
 * The embedded default: one SQLite file per port in the data directory, so the event log and the
 * key store (primary data, to back up) stay apart from the views (rebuildable; their file also
 * holds the followers' checkpoints, which are not: README, "Data").
 * `:memory:` keeps them in memory (tests).
 */
const file = (dataDir: string, name: string) => (dataDir === ':memory:' ? ':memory:' : join(dataDir, name));

export const sqliteEventStore = (dataDir: string) => new SqliteEventStore(openDatabase(file(dataDir, 'events.sqlite'), { durable: true }));
export const sqliteKeyStore = (dataDir: string) => new SqliteKeyStore(openDatabase(file(dataDir, 'keys.sqlite'), { durable: true }));
/**
 * Pages of a views file the service makes, in bytes (SQLite's default is 4,096; the log and the
 * key store keep it). A save writes a few rows to each of several tables and indexes, and every
 * page it touches is written again to the write-ahead log and copied back from it: larger pages,
 * fewer of them. Measured against 4 KiB (`npm run bench:compare`, 4 alternating rounds): spread
 * saves −5% CPU per save, a rebuild of 200,008 events −7% per event, resolution unchanged; after
 * 1,000,000 events, a rebuild −11% per event and spread saves +10% saves/s, but saves to one
 * workspace −5% saves/s (each batch rewrites the same keys' index pages, whole). 16 KiB pages,
 * measured directly against 8 KiB, made no difference beyond the noise to resolution or spread
 * saves, and a rebuild at 1,000,000 events ran the same at either size (separate runs). A file
 * made by an earlier version keeps its pages (README, "Operating it", says how to convert it;
 * BENCHMARKS.md, "Writes", has the figures).
 */
const VIEWS_PAGE_SIZE = 8192;

/**
 * The views and the followers' checkpoints share one file, synced less often: the views are
 * rebuilt from the log at will, the checkpoints (among them where deleted-secret retention started
 * counting) are not (README, "Data"). The views' collections come from the wiring (`spec`).
 */
export function sqliteViewStores<Docs extends DocumentMap>(dataDir: string, spec: CollectionSpec<Docs>, history: HistorySpec<Docs>, lists: ListSpec<Docs>) {
  const db = openDatabase(file(dataDir, 'views.sqlite'), { durable: false, pageSize: VIEWS_PAGE_SIZE });
  return { readStore: new SqliteReadStore(db, spec, history, lists), followerCheckpoints: new SqliteFollowerCheckpoints(db) };
}

export function openSqliteStores<Docs extends DocumentMap>(dataDir: string, spec: CollectionSpec<Docs>, history: HistorySpec<Docs>, lists: ListSpec<Docs>) {
  return { eventStore: sqliteEventStore(dataDir), keyStore: sqliteKeyStore(dataDir), ...sqliteViewStores(dataDir, spec, history, lists) };
}
