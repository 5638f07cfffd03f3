import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMasterKeys } from '../../src/crypto/masterKeys';
import { createService, type Service } from '../../src/service';
import { openTestStores, testMasterKeys, testServiceOptions } from '../support/testService';

/**
 * DESIGN §9: start-up refuses, naming the data keys (ids only), when one has no wrapping under a
 * configured master key: serving would leave everything it sealed unreadable, found out only
 * when someone needs it.
 */
describe('Start-up refuses data keys no configured master key opens', () => {
  const dirs: string[] = [];
  const running: Service[] = [];
  afterEach(async () => {
    for (const service of running.splice(0)) await service.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  const start = async (dir: string, masterKeys: ReturnType<typeof testMasterKeys>) => {
    const service = await createService({ ...openTestStores(dir), ...testServiceOptions(masterKeys) });
    running.push(service);
    return service;
  };

  /** A data directory whose key store holds keys wrapped under `k1` only: a workspace, a secret, the subject and index keys. */
  async function storeUnderK1() {
    const dir = mkdtempSync(join(tmpdir(), 'secrets-keycheck-'));
    dirs.push(dir);
    const k1 = testMasterKeys('k1');
    const service = await start(dir, k1);
    const { workspaceId } = await service.deps.workspaces.create({ userId: 'alice', email: 'alice@example.com' }, 'Acme');
    await service.deps.secrets.saveWorkspace({ userId: 'alice', email: 'alice@example.com' }, workspaceId, { set: { KEY: 'keycheck-value' }, delete: [] });
    await running.pop()!.close();
    const stores = openTestStores(dir);
    const ids = await stores.keyStore.dataKeyIds();
    await Promise.all([stores.eventStore.close(), stores.readStore.close(), stores.keyStore.close()]);
    return { dir, k1, ids };
  }

  it('starts when every data key has a wrapping under a configured master key', async () => {
    const { dir, k1 } = await storeUnderK1();
    const k2 = testMasterKeys('k2');
    const both = parseMasterKeys(`k2:${Buffer.from(k2.byId.get('k2')!).toString('base64')},k1:${Buffer.from(k1.byId.get('k1')!).toString('base64')}`);
    await expect(start(dir, both)).resolves.toBeDefined();
  });

  it('refuses to start under master keys that open none of them, naming every data key and no key material', async () => {
    const { dir, k1, ids } = await storeUnderK1();
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const error = await start(dir, testMasterKeys('k2')).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/no wrapping under any configured master key/);
    expect(error?.message).toContain('k2');
    for (const id of ids) expect(error?.message).toContain(id);
    expect(error?.message).not.toContain(Buffer.from(k1.byId.get('k1')!).toString('base64'));
  });
});
