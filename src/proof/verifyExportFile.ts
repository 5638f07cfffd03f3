import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { loadSodium } from '../crypto/sodium';
import { ExportVerifier, type VerificationReport } from './exportVerifier';
import { signedSealSchema, type SignedSeal } from './seal';
import { parsePublicKey, type PublicKey } from './signingKey';

/** Text that is inline JSON, or the name of a file holding it. */
function inlineOrFile(value: string): string {
  return existsSync(value) ? readFileSync(value, 'utf8') : value;
}

const publicKeysDocument = z.object({ keys: z.array(z.object({ keyId: z.string(), publicKey: z.string() })) });

/**
 * Public keys from `--public-key`: `id:base64`, or a file of such lines, or the JSON that
 * GET /v1/audit/public-keys answers.
 */
export function readPublicKeys(values: readonly string[]): PublicKey[] {
  return values.flatMap((value) => {
    const text = inlineOrFile(value).trim();
    if (text.startsWith('{')) return publicKeysDocument.parse(JSON.parse(text)).keys.map((key) => parsePublicKey(`${key.keyId}:${key.publicKey}`));
    return text.split('\n').filter((line) => line.trim() !== '').map(parsePublicKey);
  });
}

/** A kept seal from `--since-seal`: its JSON, or a file of seals one per line (a SEAL_SINK copy), of which the last is taken. */
export function readKeptSeal(value: string): SignedSeal {
  const lines = inlineOrFile(value).trim().split('\n').filter((line) => line.trim() !== '');
  return signedSealSchema.parse(JSON.parse(lines[lines.length - 1] ?? ''));
}

/** Verifies an export file, streaming it line by line: memory grows with streams, not events. */
export async function verifyExportFile(file: string, keys: readonly PublicKey[], kept: SignedSeal | null): Promise<VerificationReport & { seconds: number }> {
  const started = process.hrtime.bigint();
  const verifier = new ExportVerifier(await loadSodium(), keys, kept);
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) verifier.line(line);
  const report = verifier.finish();
  return { ...report, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
