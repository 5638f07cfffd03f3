import { parseArgs } from 'node:util';
import { loadSodium } from '../crypto/sodium';
import { newSigningKeyText, parseSigningKey } from '../proof/signingKey';

/**
 * Makes a seal signing key: prints AUDIT_SIGNING_KEY for the service's environment and the public
 * key reviewers verify with. A new key needs a new id (`--id`); old seals stay checkable with the
 * old public key, which GET /v1/audit/public-keys keeps listing.
 *   npm run audit-signing-key -- [--id seals-2026]
 */
const { values } = parseArgs({ options: { id: { type: 'string', default: `seals-${new Date().toISOString().slice(0, 10)}` } } });
const text = newSigningKeyText(values.id);
const key = parseSigningKey(text, await loadSodium());
console.log(`AUDIT_SIGNING_KEY=${text}`);
console.log(`public key (for npm run verify-audit -- FILE --public-key ...): ${key.keyId}:${key.publicKey}`);
