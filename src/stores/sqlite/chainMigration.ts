import { eventHash } from '../../proof/eventHash';
import { EMPTY_CHAIN } from '../../proof/chain';
import type { SqliteDatabase } from './database';

/** `PRAGMA user_version` of an event log whose every event carries `prev` and `hash`. */
const CHAINED_LOG_VERSION = 1;

type Row = { position: number | bigint; revision: number; type: string; data: string; metadata: string };

/**
 * The upgrade that introduced the hash chain (DESIGN §8): events written before it are hashed in
 * place, once, stream by stream in revision order, and marked `chained: 'migration'` (they are
 * only as trustworthy as the first seal that covers them). Runs in one transaction; the log's
 * user_version records that it ran, so later starts do not scan the log. Returns how many
 * events it hashed.
 */
export function chainExistingEvents(db: SqliteDatabase): number {
  if ((db.pragma('user_version', { simple: true }) as number) >= CHAINED_LOG_VERSION) return 0;
  return db.transaction(() => {
    const streams = db
      .prepare<[], { stream_id: string }>(`SELECT DISTINCT stream_id FROM events WHERE json_extract(metadata, '$.hash') IS NULL`)
      .all();
    const read = db.prepare<[string], Row>('SELECT position, revision, type, data, metadata FROM events WHERE stream_id = ? ORDER BY revision');
    const update = db.prepare<[string, number | bigint]>('UPDATE events SET metadata = ? WHERE position = ?');
    let hashed = 0;
    for (const { stream_id: stream } of streams) {
      let prev = EMPTY_CHAIN.hash;
      for (const row of read.all(stream)) {
        const metadata = JSON.parse(row.metadata) as Record<string, unknown>;
        if (typeof metadata.hash === 'string') {
          prev = metadata.hash;
          continue;
        }
        const chained = { ...metadata, prev, chained: 'migration' };
        const hash = eventHash({ stream, revision: row.revision, type: row.type, data: JSON.parse(row.data), metadata: chained });
        update.run(JSON.stringify({ ...chained, hash }), row.position);
        prev = hash;
        hashed += 1;
      }
    }
    db.pragma(`user_version = ${CHAINED_LOG_VERSION}`);
    return hashed;
  }).immediate();
}
