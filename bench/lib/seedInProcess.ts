import { mkdirSync } from 'node:fs';
import { parseMasterKeys } from '../../src/crypto/masterKeys';
import { viewCollections, viewHistory } from '../../src/projections/views';
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
  mkdirSync(dataDir, { recursive: true });
  const service = await createService({
    ...openSqliteStores(dataDir, viewCollections, viewHistory),
    masterKeys: parseMasterKeys(MASTER_KEYS),
    jwtSecret: JWT_SECRET,
    log: { error: (o: object, m: string) => console.error(m, o), info: () => {} },
  });
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
