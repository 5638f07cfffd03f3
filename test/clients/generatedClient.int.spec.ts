import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientFiles } from '../../clients/typescript/generator/clientFiles';
import { serviceDocument } from '../../clients/typescript/generator/serviceDocument';

describe('The generated client (clients/typescript)', () => {
  it('is generated from the document the service serves now: run `npm run client:generate` after changing a route', async () => {
    const files = await clientFiles(await serviceDocument());
    for (const [name, text] of Object.entries(files)) {
      const committed = readFileSync(`clients/typescript/${name}`, 'utf8');
      expect(committed === text, `clients/typescript/${name} is stale: run npm run client:generate`).toBe(true);
    }
  });
});
