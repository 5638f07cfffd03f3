import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenAPIV3_1 } from 'openapi-types';

/** The files of the client that come from the document, by their path under clients/typescript/. */
export type ClientFiles = Readonly<Record<'openapi.json' | 'schema.ts', string>>;

const GENERATED = '// Generated from the service\'s OpenAPI document by `npm run client:generate`: do not edit.\n\n';

/** The document itself (the API's reference, for any other generator) and its TypeScript types. */
export async function clientFiles(document: OpenAPIV3_1.Document): Promise<ClientFiles> {
  // openapi-typescript takes the document as parsed JSON; a copy, since it may annotate what it reads.
  const types = astToString(await openapiTS(structuredClone(document) as Parameters<typeof openapiTS>[0]));
  return {
    'openapi.json': `${JSON.stringify(document, null, 2)}\n`,
    'schema.ts': `${GENERATED}${types}`,
  };
}
