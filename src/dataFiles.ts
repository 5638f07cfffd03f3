import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';

/**
 * DESIGN: data files (log, views, key store, keys) are mode 0600 in a 0700 directory, so only
 * the service's own user can read them: the key store and the development keys together
 * decrypt every secret.
 */
const PRIVATE_DIR_MODE = 0o700;
const PRIVATE_FILE_MODE = 0o600;

/**
 * Makes the directory, and any missing parent, 0700. One that exists is left as it is: its
 * owner may have chosen its mode (a mounted volume, a group set up for backups).
 */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Makes the file 0600: creates it empty if it is missing, before a library creates it with its
 * own mode (SQLite's is 0644), and narrows one an older version made.
 */
export function makePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  chmodSync(file, PRIVATE_FILE_MODE);
}

/** Narrows the file to 0600 if it exists (SQLite's -wal and -shm come and go). */
export function narrowIfPresent(file: string): void {
  try {
    chmodSync(file, PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
