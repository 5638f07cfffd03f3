import { createSigner } from 'fast-jwt';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { loadOrCreateDevJwtSecret } from '../devSecrets';

/**
 * Mints a bearer token signed with JWT_SECRET (or the development secret in DATA_DIR):
 *   npm run token -- --sub alice --email alice@example.com [--scope "secrets:resolve"] [--ws w1,w2] [--ttl 3600]
 * With --ui it prints a sign-in link to the settings page instead (HOST and PORT as the server
 * reads them; --sub and --email default to a development user):
 *   npm run token -- --ui [--sub alice --email alice@example.com]
 */
const { values } = parseArgs({
  options: {
    sub: { type: 'string' },
    email: { type: 'string' },
    scope: { type: 'string' },
    ws: { type: 'string' },
    ttl: { type: 'string', default: '43200' },
    ui: { type: 'boolean', default: false },
  },
});

if (values.ui && !values.sub) {
  values.sub = 'developer';
  values.email ??= 'developer@example.com';
}
if (!values.sub) {
  console.error('usage: npm run token -- --sub <id> [--email <email>] [--scope "<scopes>"] [--ws w1,w2] [--ttl <seconds>] [--ui]');
  process.exit(2);
}
const config = loadConfig();
const secret = config.JWT_SECRET ?? loadOrCreateDevJwtSecret(config.DATA_DIR);
const sign = createSigner({ key: secret, algorithm: 'HS256', expiresIn: Number(values.ttl) * 1000 });
const claims: Record<string, unknown> = { sub: values.sub };
if (values.email) claims.email = values.email;
if (values.scope) claims.scope = values.scope;
if (values.ws) claims.ws = values.ws.split(',').map((w) => w.trim()).filter(Boolean);
const token = sign(claims);
if (values.ui) {
  // A server listening on every address is reached on loopback; an IPv6 address needs brackets.
  const host = ['0.0.0.0', '::'].includes(config.HOST) ? '127.0.0.1' : config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  console.log(`http://${host}:${config.PORT}/ui#token=${token}`);
} else {
  console.log(token);
}
