import type { DataKeys } from './dataKeys';
import type { KeyStore } from './keyStore.port';
import type { MasterKeys } from './masterKeys';

export type Retirement = Readonly<{
  /** Wrappings added under the active master key, of how many data keys. */
  rewrapped: number;
  total: number;
  /** Wrappings under the retired master key deleted. */
  retired: number;
  /** Data keys whose wrapping under the retired key was kept: no wrapping under a staying master key was seen with it. */
  kept: readonly string[];
}>;

export class RetiringTheActiveMasterKey extends Error {
  constructor(readonly masterKeyId: string) {
    super(`Master key ${masterKeyId} is the active one: put a new key first in SECRETS_MASTER_KEYS, rotate, then retire ${masterKeyId}`);
    this.name = 'RetiringTheActiveMasterKey';
  }
}

/**
 * Retires a master key (DESIGN §2, §9; `npm run rotate-master-key -- --retire ID`): wraps every
 * data key under the active master key first, then deletes each data key's wrapping under the
 * retired one, each only in the transaction that sees a wrapping of that data key under a master
 * key that stays (configured, not the retired one). So it never leaves a data key that the
 * configured master keys cannot open; a wrapping it could not retire is kept and named.
 * Retirement prunes: the retired key's wrappings stop mattering once it is gone from every copy
 * of the configuration; it is no crypto-shredding (that is `destroy`). Events are not touched.
 */
export async function retireMasterKey(
  dataKeys: Pick<DataKeys, 'rewrapAll'>,
  keyStore: Pick<KeyStore, 'dataKeyIds' | 'get' | 'retireWrapping'>,
  masterKeys: MasterKeys,
  retiredId: string,
): Promise<Retirement> {
  if (retiredId === masterKeys.activeId) throw new RetiringTheActiveMasterKey(retiredId);
  const { rewrapped, total } = await dataKeys.rewrapAll();
  const staying = [...masterKeys.byId.keys()].filter((id) => id !== retiredId);
  let retired = 0;
  const kept: string[] = [];
  for (const id of await keyStore.dataKeyIds()) {
    if (!(await keyStore.get(id)).some((w) => w.masterKeyId === retiredId)) continue;
    if (await keyStore.retireWrapping(id, retiredId, staying)) retired += 1;
    else kept.push(id);
  }
  return { rewrapped, total, retired, kept };
}
