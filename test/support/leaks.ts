import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A plaintext value as it could leak: as is, in base64 (both alphabets) and in hex. */
export function leakForms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  return [value, bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('hex'), bytes.toString('hex').toUpperCase()];
}

/** Which of the values appear, in any form, in the text or bytes given. */
export function leaksIn(haystack: string | Buffer, values: readonly string[]): string[] {
  const buffer = typeof haystack === 'string' ? Buffer.from(haystack, 'utf8') : haystack;
  return values.filter((value) => leakForms(value).some((form) => buffer.includes(form)));
}

/** Every file under a directory (the SQLite files with their -wal and -shm included). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function leaksInFiles(dir: string, values: readonly string[]): Array<{ file: string; values: string[] }> {
  return filesUnder(dir)
    .map((file) => ({ file, values: leaksIn(readFileSync(file), values) }))
    .filter((found) => found.values.length > 0);
}
