import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** `$XDG_CONFIG_HOME/secrets-service/token` (else `~/.config/…`): where `login` keeps the token. */
export function tokenFilePath(env: NodeJS.ProcessEnv): string {
  const configHome = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(configHome, 'secrets-service', 'token');
}

/** Writes the token readable by its owner only (0600, in a 0700 directory), whatever the umask. */
export function saveToken(path: string, token: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${token}\n`, { mode: 0o600 });
  // A file that existed keeps its mode through writeFileSync: make sure of it.
  chmodSync(path, 0o600);
}

export function loadToken(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim() || null;
  } catch {
    return null;
  }
}
