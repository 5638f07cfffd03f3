import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivateDir } from './dataFiles';

const JWT_SECRET_FILE = 'jwt.secret';

/**
 * Development only: the JWT secret generated into the data directory (mode 0600), shared by
 * the server and `npm run token`.
 */
export function loadOrCreateDevJwtSecret(dataDir: string): string {
  const file = join(dataDir, JWT_SECRET_FILE);
  if (!existsSync(file)) {
    makePrivateDir(dataDir);
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}
