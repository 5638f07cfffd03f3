import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { DataKeys } from '../crypto/dataKeys';
import { retireMasterKey } from '../crypto/masterKeyRetirement';
import { addDevMasterKey, loadOrCreateDevMasterKeys, parseMasterKeys, removeDevMasterKey } from '../crypto/masterKeys';
import { loadSodium } from '../crypto/sodium';
import { viewCollections, viewHistory, viewLists } from '../projections/views';
import { openStores } from '../stores/openStores';

/**
 * `npm run rotate-master-key`: wraps every data key under the active master key, so older master
 * keys can be retired. Events are not touched. With SECRETS_MASTER_KEYS, put the new key first
 * (`new:…,old:…`), run this, then drop the old one. Without it (development), a new development
 * key is added in front of the old ones in the data directory.
 *
 * `npm run rotate-master-key -- --retire ID` does the same, then deletes every wrapping under
 * master key ID, each only where a wrapping of that data key under a staying key (configured,
 * not ID) is seen in the same transaction (DESIGN §9). ID must not be the active key. It exits 1,
 * naming the data keys, when a wrapping had to be kept. In development, ID then leaves the key file.
 */
const { values } = parseArgs({ options: { retire: { type: 'string' } } });
const retiring = values.retire;
const config = loadConfig();
const masterKeys = config.SECRETS_MASTER_KEYS
  ? parseMasterKeys(config.SECRETS_MASTER_KEYS)
  : retiring === undefined
    ? addDevMasterKey(config.DATA_DIR)
    : loadOrCreateDevMasterKeys(config.DATA_DIR, () => {});
const { eventStore, readStore, keyStore } = await openStores(config, viewCollections, viewHistory, viewLists);
try {
  const dataKeys = new DataKeys(await loadSodium(), keyStore, masterKeys);
  if (retiring === undefined) {
    const { rewrapped, total } = await dataKeys.rewrapAll();
    console.log(`wrapped ${rewrapped} of ${total} data keys under master key ${masterKeys.activeId}`);
  } else {
    const { rewrapped, total, retired, kept } = await retireMasterKey(dataKeys, keyStore, masterKeys, retiring);
    console.log(`wrapped ${rewrapped} of ${total} data keys under master key ${masterKeys.activeId}`);
    console.log(`retired ${retired} wrappings under master key ${retiring}`);
    if (kept.length > 0) {
      console.error(`kept ${kept.length} wrappings under master key ${retiring}: no wrapping under a staying master key was seen for data keys ${kept.join(', ')}; run again`);
      process.exitCode = 1;
    } else if (config.SECRETS_MASTER_KEYS) {
      console.log(`no data key needs master key ${retiring} any more: drop it from SECRETS_MASTER_KEYS`);
    } else if (removeDevMasterKey(config.DATA_DIR, retiring)) {
      console.log(`removed development master key ${retiring} from the data directory`);
    }
  }
} finally {
  await Promise.all([eventStore.close(), readStore.close(), keyStore.close()]);
}
