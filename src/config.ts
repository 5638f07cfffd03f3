import { hostname } from 'node:os';
import { z } from 'zod';
import { isExactOrigin } from './api/cors.plugin';
import { tokenConfigProblems } from './api/tokens/tokenConfig';
import { isKeyText } from './proof/signingKey';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const commaList = z
  .string()
  .optional()
  .transform((value) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean));

/** The environment, parsed once at start-up; a bad value stops the process with its name. */
const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  /** `id1:base64key,id2:base64key`; the first is active. Unset: a development key in DATA_DIR. */
  SECRETS_MASTER_KEYS: z.string().min(1).optional(),
  /** HS256 secret for bearer tokens. Unset: a development secret generated into DATA_DIR. */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** One log line per answered request (method, route, status, time, request id); off by default. */
  ACCESS_LOG: booleanFlag.default(false),
  /** How long a request waits for the views to reach a position before it answers 503 (DESIGN §1: 5 s). */
  VIEW_WAIT_MS: z.coerce.number().int().min(1).max(60_000).default(5000),
  /** Requests per principal per minute to the settings routes. */
  RATE_LIMIT_MAX: z.coerce.number().int().positive().default(6000),
  /** Reveals and fingerprint checks (value oracles) per principal per minute. */
  RATE_LIMIT_ORACLE_MAX: z.coerce.number().int().positive().default(120),
  /** Reveals and fingerprint checks of one secret per minute, all principals together. */
  RATE_LIMIT_ORACLE_PER_SECRET_MAX: z.coerce.number().int().positive().default(300),
  /** Resolutions per principal per minute; 0 (the default): unlimited. */
  RATE_LIMIT_RESOLVE_MAX: z.coerce.number().int().min(0).default(0),
  /** Verifications of a workspace's stored history (POST …/audit/verify) per principal per minute. */
  RATE_LIMIT_VERIFY_MAX: z.coerce.number().int().positive().default(6),
  REVEAL_ENABLED: booleanFlag.default(true),
  /** A request whose body has not fully arrived by then is ended with a 408. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
  EVENTSTORE_URL: z.string().min(1).optional(),
  MONGODB_URL: z.string().min(1).optional(),
  SERVICE_ROLE: z.enum(['all', 'api', 'projector']).default('all'),
  /**
   * Names the record streams this process writes (`workspaceRecords-<workspace>.<INSTANCE_ID>`):
   * every API instance sharing one log needs its own, stable across restarts. Default: the host
   * name, with anything but letters, digits and `_` made `_`.
   */
  INSTANCE_ID: z
    .string()
    .regex(/^[A-Za-z0-9_]{1,64}$/, 'must be 1-64 letters, digits or _')
    .default(() => hostname().replace(/[^A-Za-z0-9_]/g, '_').slice(0, 64) || 'main'),
  /** A file, or `stdout`, that receives every audit row as NDJSON as it is projected (for a SIEM). */
  AUDIT_SINK: z.string().min(1).optional(),
  /** `id:base64` of a 32-byte Ed25519 seed that signs seals (`npm run audit-signing-key` makes one). Unset: a development key in DATA_DIR. */
  AUDIT_SIGNING_KEY: z.string().refine(isKeyText, 'must be <id>:<base64 of a 32-byte seed>').optional(),
  /** At most how often a seal is made while anything changed (DESIGN §8: 5 s). */
  SEAL_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5000),
  /** Deleted secrets are destroyed, and deleted workspaces can no longer be undeleted, this many days after their deletion; 0 keeps them (DESIGN §9). */
  DELETED_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(30),
  /** Records (reads, resolutions, refusals) older than this many days that a seal covers are pruned from the log; 0 keeps them (DESIGN §7). */
  RECORD_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(0),
  /** A file, or `stdout`, that receives every seal as NDJSON: a copy outside the data store, for reviewers to keep. */
  SEAL_SINK: z.string().min(1).optional(),
  /** `production`: the development secrets generated into DATA_DIR are refused (set every secret). */
  NODE_ENV: z.string().optional(),
  /** Comma-separated networks (CIDRs) of the proxies whose X-Forwarded-For is believed; none by default. */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').map((cidr) => cidr.trim()).filter(Boolean)),
  /** Comma-separated exact origins (`https://app.example.com`) whose pages may call the API from a browser; none by default. */
  /** An identity provider's keys (DESIGN §10): its JWKS URL, or a PEM file of public keys; with JWT_ISSUER and JWT_AUDIENCE. */
  JWT_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  JWT_PUBLIC_KEY_FILE: z.string().min(1).optional(),
  /** The `iss` the provider's tokens carry. */
  JWT_ISSUER: z.string().min(1).optional(),
  /** Comma-separated: a provider's token must name one of these in `aud`. */
  JWT_AUDIENCE: commaList,
  /** Principals of the provider are `<alias>:<sub>`. */
  JWT_ISSUER_ALIAS: z.string().regex(/^[A-Za-z0-9_]{1,32}$/, 'must be 1-32 letters, digits or _').default('idp'),
  /** Comma-separated issuers whose `secrets:resolve` and `audit:read` count: `local` (HS256) and/or JWT_ISSUER_ALIAS. */
  JWT_SERVICE_ISSUERS: commaList.transform((names) => (names.length > 0 ? names : ['local'])),
  /** The settings page signs in with OpenID Connect (code + PKCE) at this issuer, as this public client. */
  UI_OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  UI_OIDC_CLIENT_ID: z.string().min(1).max(256).optional(),
  CORS_ORIGINS: commaList.pipe(z.array(z.string().refine(isExactOrigin, 'each must be an exact origin, scheme://host[:port] (never * or null)'))),
});

export type Config = z.infer<typeof envSchema>;

/**
 * In production every secret comes from the environment: a key generated into the data directory
 * sits beside the data it protects (and a seal signed by it proves nothing to whoever holds that
 * directory). A projector-less API instance signs no seals, so it needs no signing key.
 */
function missingInProduction(config: Config): string[] {
  if (config.NODE_ENV !== 'production') return [];
  // HS256 is on in production only when JWT_SECRET is set; with an identity provider it may be off.
  const identityProvider = config.JWT_JWKS_URL !== undefined || config.JWT_PUBLIC_KEY_FILE !== undefined;
  const needed: Array<[keyof Config, boolean]> = [
    ['SECRETS_MASTER_KEYS', true],
    ['JWT_SECRET', !identityProvider],
    ['AUDIT_SIGNING_KEY', config.SERVICE_ROLE !== 'api'],
  ];
  return needed.filter(([name, required]) => required && config[name] === undefined).map(([name]) => name);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const tokenProblems = tokenConfigProblems(parsed.data);
  if (tokenProblems.length > 0) throw new Error(`Invalid configuration: ${tokenProblems.join('; ')}`);
  const missing = missingInProduction(parsed.data);
  if (missing.length > 0) throw new Error(`Invalid configuration: NODE_ENV=production needs ${missing.join(', ')}; development secrets are not generated in production`);
  return parsed.data;
}
