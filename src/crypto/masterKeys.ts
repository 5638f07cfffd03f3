import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivateDir } from '../dataFiles';

/** The master keys that wrap data keys; the first one is active (wraps new data keys). */
export type MasterKeys = Readonly<{
  activeId: string;
  byId: ReadonlyMap<string, Uint8Array>;
}>;

const KEY_ID = /^[A-Za-z0-9_.]{1,64}$/;

/** Parses `id1:base64key,id2:base64key` (32-byte keys, the first active). */
export function parseMasterKeys(spec: string): MasterKeys {
  const byId = new Map<string, Uint8Array>();
  let activeId: string | undefined;
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const colon = part.indexOf(':');
    const id = part.slice(0, colon);
    if (colon < 1 || !KEY_ID.test(id)) throw new Error('SECRETS_MASTER_KEYS: each entry must be id:base64key');
    const key = Buffer.from(part.slice(colon + 1), 'base64');
    if (key.length !== 32) throw new Error(`SECRETS_MASTER_KEYS: key ${id} must be 32 bytes, base64-encoded`);
    if (byId.has(id)) throw new Error(`SECRETS_MASTER_KEYS: key id ${id} appears twice`);
    byId.set(id, new Uint8Array(key));
    activeId ??= id;
  }
  if (activeId === undefined) throw new Error('SECRETS_MASTER_KEYS is empty');
  return { activeId, byId };
}

const DEV_KEY_FILE = 'master.key';

function newDevKeyLine(): string {
  return `dev_${randomBytes(4).toString('hex')}:${randomBytes(32).toString('base64')}`;
}

/**
 * Development only: reads or creates a master key in the data directory (mode 0600). Anyone who
 * can read the data directory can then read every secret, hence the warning.
 */
export function loadOrCreateDevMasterKeys(dataDir: string, warn: (message: string) => void): MasterKeys {
  const file = join(dataDir, DEV_KEY_FILE);
  if (!existsSync(file)) {
    makePrivateDir(dataDir);
    writeFileSync(file, `${newDevKeyLine()}\n`, { mode: 0o600, flag: 'wx' });
  }
  warn(
    `DEVELOPMENT MASTER KEY in ${file}: anyone who can read the data directory can decrypt every secret. ` +
      'Set SECRETS_MASTER_KEYS for any real use.',
  );
  return parseMasterKeys(readFileSync(file, 'utf8').trim());
}

/** Development rotation: a new key goes in front (active), the old ones stay to unwrap with. */
export function addDevMasterKey(dataDir: string): MasterKeys {
  const file = join(dataDir, DEV_KEY_FILE);
  const old = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  const spec = [newDevKeyLine(), old].filter(Boolean).join(',');
  writeFileSync(file, `${spec}\n`, { mode: 0o600 });
  return parseMasterKeys(spec);
}

/** Development retirement: drops a retired key from the key file; false when it was not there. Never the active (first) one. */
export function removeDevMasterKey(dataDir: string, id: string): boolean {
  const file = join(dataDir, DEV_KEY_FILE);
  if (!existsSync(file)) return false;
  const entries = readFileSync(file, 'utf8').trim().split(',').filter(Boolean);
  const kept = entries.filter((entry, i) => i === 0 || entry.slice(0, entry.indexOf(':')) !== id);
  if (kept.length === entries.length) return false;
  writeFileSync(file, `${kept.join(',')}\n`, { mode: 0o600 });
  return true;
}
