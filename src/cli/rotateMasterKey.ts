import { loadConfig } from '../config';
import { DataKeys } from '../crypto/dataKeys';
import { addDevMasterKey, parseMasterKeys } from '../crypto/masterKeys';
import { loadSodium } from '../crypto/sodium';
import { viewCollections, viewHistory } from '../projections/views';
import { openStores } from '../stores/openStores';

/**
 * `npm run rotate-master-key`: wraps every data key under the active master key, so older master
 * keys can be retired. Events are not touched. With SECRETS_MASTER_KEYS, put the new key first
 * (`new:…,old:…`), run this, then drop the old one. Without it (development), a new development
 * key is added in front of the old ones in the data directory.
 */
const config = loadConfig();
const masterKeys = config.SECRETS_MASTER_KEYS ? parseMasterKeys(config.SECRETS_MASTER_KEYS) : addDevMasterKey(config.DATA_DIR);
const { eventStore, readStore, keyStore } = await openStores(config, viewCollections, viewHistory);
try {
  const { rewrapped, total } = await new DataKeys(await loadSodium(), keyStore, masterKeys).rewrapAll();
  console.log(`wrapped ${rewrapped} of ${total} data keys under master key ${masterKeys.activeId}`);
} finally {
  await Promise.all([eventStore.close(), readStore.close(), keyStore.close()]);
}
