import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientFiles } from './clientFiles';
import { serviceDocument } from './serviceDocument';

/**
 * `npm run client:generate`: dumps the service's OpenAPI document from an app built in process
 * and regenerates the client's types from it. Run it after changing a route; a test fails while
 * the committed files are stale.
 */
const clientDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = await clientFiles(await serviceDocument());
for (const [name, text] of Object.entries(files)) {
  writeFileSync(join(clientDir, name), text);
  console.log(`wrote clients/typescript/${name}`);
}
