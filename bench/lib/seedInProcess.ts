import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMasterKeys } from '../../src/crypto/masterKeys';
import { viewCollections, viewHistory, viewLists } from '../../src/projections/views';
import { createService } from '../../src/service';
import { openSqliteStores } from '../../src/stores/sqlite/openSqliteStores';
import { JWT_SECRET, MASTER_KEYS } from './servers';

export const OWNER = { userId: 'owner', email: 'owner@example.com' };

/**
 * Seeds a data directory through the service's own command handlers (in this process, no HTTP):
 * `workspaces` workspaces of `keys` secrets each, set in one batch save per workspace.
 * Returns the workspace ids.
 */
export async function seedWorkspaces(dataDir: string, workspaces: number, keys: number): Promise<string[]> {
  const service = await serviceOn(dataDir);
  const started = performance.now();
  const ids: string[] = [];
  const set = Object.fromEntries(Array.from({ length: keys }, (_, k) => [`KEY_${k + 1}`, `value-${k + 1}`.padEnd(40, 'x')]));
  for (let i = 0; i < workspaces; i += 50) {
    const created = await Promise.all(
      Array.from({ length: Math.min(50, workspaces - i) }, async () => {
        const { workspaceId } = await service.deps.workspaces.create(OWNER, 'bench');
        await service.deps.secrets.saveWorkspace(OWNER, workspaceId, { set, delete: [] });
        return workspaceId;
      }),
    );
    ids.push(...created);
    if (ids.length % 1000 === 0) console.log(`seeded ${ids.length} workspaces (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  await service.close();
  return ids;
}

/** The service's commands on a data directory, in this process, with the benchmarks' keys. */
async function serviceOn(dataDir: string) {
  mkdirSync(dataDir, { recursive: true });
  return createService({
    ...openSqliteStores(dataDir, viewCollections, viewHistory, viewLists),
    masterKeys: parseMasterKeys(MASTER_KEYS),
    jwtSecret: JWT_SECRET,
    log: { error: (o: object, m: string) => console.error(m, o), info: () => {} },
  });
}

const LOG_WORKSPACES = 2_000;
const LOG_KEYS = 10;

/**
 * A data directory whose log holds `events` events written through the commands (2,000
 * workspaces, then batch saves of 10 keys, 50 at a time), made once and kept in the temporary
 * directory (or BENCH_DATA_DIR) for the next run: seeding 1,000,000 events takes minutes.
 */
export async function seededLog(events: number): Promise<string> {
  const dataDir = process.env.BENCH_DATA_DIR ?? join(tmpdir(), `secrets-bench-${events}`);
  if (existsSync(join(dataDir, 'events.sqlite'))) return dataDir;
  const service = await serviceOn(dataDir);
  const started = performance.now();
  const workspaces: string[] = [];
  for (let i = 0; i < LOG_WORKSPACES; i += 1) workspaces.push((await service.deps.workspaces.create(OWNER, `w${i}`)).workspaceId);
  let written = LOG_WORKSPACES;
  for (let round = 0; written < events; round += 1) {
    const batch = () => Object.fromEntries(Array.from({ length: LOG_KEYS }, (_, k) => [`KEY_${k}`, `round${round}-key${k}`.padEnd(40, 'x')]));
    // Every workspace saves once per round, 50 at a time (the first round also records creators).
    for (let i = 0; i < LOG_WORKSPACES && written < events; i += 50) {
      const saved = await Promise.all(workspaces.slice(i, i + 50).map((ws) => service.deps.secrets.saveWorkspace(OWNER, ws, { set: batch(), delete: [] })));
      written += saved.reduce((n, w) => n + w.newEvents.length, 0);
    }
    console.log(`seeded ${written} events (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  await service.close();
  return dataDir;
}

const LONG_SCOPE_KEYS = 1_000;

/**
 * A data directory of one workspace whose secrets stream holds `events` events: 1,000 keys set
 * in one batch, then saved again 10 at a time, as a busy scope's stream grows. Made once and kept
 * like `seededLog`. Returns the directory and the workspace id.
 */
export async function longScope(events: number): Promise<{ dataDir: string; workspaceId: string }> {
  const dataDir = process.env.BENCH_DATA_DIR ?? join(tmpdir(), `secrets-bench-long-scope-${events}`);
  const idFile = join(dataDir, 'bench-workspace-id');
  if (existsSync(idFile)) return { dataDir, workspaceId: readFileSync(idFile, 'utf8') };
  const service = await serviceOn(dataDir);
  const { workspaceId } = await service.deps.workspaces.create(OWNER, 'long');
  const value = (key: number, round: number) => `round${round}-key${key}`.padEnd(40, 'x');
  const batch = (keys: readonly number[], round: number) => Object.fromEntries(keys.map((k) => [`KEY_${k}`, value(k, round)]));
  let written = (await service.deps.secrets.saveWorkspace(OWNER, workspaceId, { set: batch([...Array(LONG_SCOPE_KEYS).keys()], 0), delete: [] })).newEvents.length;
  for (let round = 1; written < events; round += 1) {
    const keys = Array.from({ length: 10 }, (_, k) => (round * 10 + k) % LONG_SCOPE_KEYS);
    written += (await service.deps.secrets.saveWorkspace(OWNER, workspaceId, { set: batch(keys, round), delete: [] })).newEvents.length;
    if (round % 5_000 === 0) console.log(`seeded ${written} events into one scope`);
  }
  await service.close();
  writeFileSync(idFile, workspaceId);
  return { dataDir, workspaceId };
}

/**
 * A copy of a seeded data directory, for a benchmark that writes to it (the seeded one stays as it
 * was); `filter` leaves files out (e.g. the views, for builds of different layouts).
 */
export function copyOf(dataDir: string, filter: (file: string) => boolean = () => true): string {
  const copy = mkdtempSync(join(tmpdir(), 'secrets-bench-copy-'));
  cpSync(dataDir, copy, { recursive: true, filter });
  return copy;
}
