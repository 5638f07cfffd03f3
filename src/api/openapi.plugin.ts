import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { documentConventions, documentRoute } from './openapi/documentTransforms';

const description = [
  'Workspace and personal secrets, referenced as {{KEY}} in workflow fields and resolved at run time.',
  '',
  '- **Tokens**: `Authorization: Bearer <JWT>` on every /v1 route but `GET /v1/audit/public-keys`; the health routes and `/metrics` need none.',
  '- **Errors** are `application/problem+json` (RFC 9457) with a stable `code` (an enum per status); validation lists each field in `errors`.',
  '- **Concurrency**: reads of a scope answer its revision as `ETag`; writes to it take `If-Match` and answer 412 when it is stale.',
  '- **Read your writes**: every write answers its log position (`X-Position`, and `position` in the body); reads take it as `minPosition` or `X-Min-Position`.',
  '- **Records**: reveals, fingerprint checks and resolutions are on the record; `X-Request-Id` answers the id they are recorded with.',
].join('\n');

/**
 * OpenAPI 3.1, generated from the routes' zod schemas, at /docs (UI) and /docs/json, with the
 * API's conventions (operation ids, headers, problems, security) added to every route by
 * src/api/openapi/. Registered before the routes, so every route is collected.
 */
export const openapiPlugin = fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: { title: 'Secrets service', version: '1.0.0', description },
        tags: [
          { name: 'workspaces', description: 'Workspaces you belong to; creating one makes you its admin' },
          { name: 'members', description: 'Members and invitations of a workspace: admins manage them, invitees accept' },
          { name: 'workspace secrets', description: "A workspace's secrets: list (never values), batch save, one key, import, details, sharing, reveal, history" },
          { name: 'personal secrets', description: 'Your own secrets, used in your runs in every workspace you are a member of' },
          { name: 'resolution', description: 'Executors (secrets:resolve) resolve {{KEY}} references at run time; every resolution is on the record' },
          { name: 'audit', description: 'Who did what and when, fingerprints never values; export and verification of the sealed history' },
          { name: 'time travel', description: 'What changed between two moments, and who could do what at one' },
          { name: 'operations', description: 'Liveness, readiness and metrics: no token' },
        ],
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      },
      transform: documentRoute,
      transformObject: documentConventions,
    });
    await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  },
  { name: 'openapi' },
);
