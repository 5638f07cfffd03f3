import type { KeyStore } from './keyStore.port';
import type { MasterKeys } from './masterKeys';

/** How many data key ids the refusal names; it says when there are more. */
const NAMED = 50;

/** Data keys that no configured master key opens (DESIGN §9): the service refuses to start over them. */
export class UnopenableDataKeys extends Error {
  constructor(
    readonly dataKeyIds: readonly string[],
    readonly more: boolean,
    configured: readonly string[],
  ) {
    super(
      `The key store holds data keys with no wrapping under any configured master key (SECRETS_MASTER_KEYS: ${configured.join(', ')}): ` +
        `${dataKeyIds.join(', ')}${more ? ` and more (the first ${dataKeyIds.length} are named)` : ''}. ` +
        'Everything they sealed would be unreadable. Configure the master key they are wrapped under again (then `npm run rotate-master-key` ' +
        'wraps them under the active one), or restore the key store from a backup.',
    );
    this.name = 'UnopenableDataKeys';
  }
}

/**
 * Run at start-up, before anything is served: refuses (naming ids, never key material) when a
 * data key has no wrapping under a configured master key, such as after a master key was dropped
 * from SECRETS_MASTER_KEYS before its keys were rewrapped. Destroyed keys have no wrapping left
 * and are none of these. Its cost is the key store's `dataKeysWithNoWrappingUnder`: one index
 * probe per master key id the store holds, plus one per wrapping under a master key no longer
 * configured (retiring it with `--retire` removes those).
 */
export async function refuseUnopenableDataKeys(keyStore: Pick<KeyStore, 'dataKeysWithNoWrappingUnder'>, masterKeys: MasterKeys): Promise<void> {
  const configured = [...masterKeys.byId.keys()];
  const found = await keyStore.dataKeysWithNoWrappingUnder(configured, NAMED + 1);
  if (found.length > 0) throw new UnopenableDataKeys(found.slice(0, NAMED), found.length > NAMED, configured);
}
