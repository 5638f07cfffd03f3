import { createSigner } from 'fast-jwt';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { loadOrCreateDevJwtSecret } from '../devSecrets';

/**
 * Mints a bearer token signed with JWT_SECRET (or the development secret in DATA_DIR):
 *   npm run token -- --sub alice --email alice@example.com [--scope "secrets:resolve"] [--ws w1,w2] [--ttl 3600]
 */
const { values } = parseArgs({
  options: {
    sub: { type: 'string' },
    email: { type: 'string' },
    scope: { type: 'string' },
    ws: { type: 'string' },
    ttl: { type: 'string', default: '43200' },
  },
});

if (!values.sub) {
  console.error('usage: npm run token -- --sub <id> [--email <email>] [--scope "<scopes>"] [--ws w1,w2] [--ttl <seconds>]');
  process.exit(2);
}
const config = loadConfig();
const secret = config.JWT_SECRET ?? loadOrCreateDevJwtSecret(config.DATA_DIR);
const sign = createSigner({ key: secret, algorithm: 'HS256', expiresIn: Number(values.ttl) * 1000 });
const claims: Record<string, unknown> = { sub: values.sub };
if (values.email) claims.email = values.email;
if (values.scope) claims.scope = values.scope;
if (values.ws) claims.ws = values.ws.split(',').map((w) => w.trim()).filter(Boolean);
console.log(sign(claims));
