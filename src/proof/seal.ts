import { z } from 'zod';
import { jcs, sha256Hex } from './canonical';
import { GENESIS } from './eventHash';


/** A SHA-256 as this service writes it: 64 lowercase hex digits. */
export const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
export const keyIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, _ or -');

/**
 * What a seal commits to (DESIGN §8): its place in the chain of seals, when, the log position it
 * covers up to, the root and size of the tree of stream heads, the hash of the seal before it and
 * the key that signs it.
 */
export const sealSchema = z.strictObject({
  sequence: z.number().int().positive(),
  at: z.string(),
  position: z.string().regex(/^\d+$/),
  root: hex64,
  size: z.number().int().nonnegative(),
  prevSeal: hex64,
  keyId: keyIdSchema,
});
export type Seal = z.infer<typeof sealSchema>;

/** A seal with its Ed25519 signature (base64) over the JCS of the seal's seven fields. */
export const signedSealSchema = sealSchema.extend({ signature: z.string().min(1) });
export type SignedSeal = z.infer<typeof signedSealSchema>;

/** The bytes a seal's signature covers: the JCS of its seven fields, without `signature`. */
export function sealSigningText({ signature: _signature, ...seal }: Seal & { signature?: string }): string {
  return jcs(seal);
}

/** A seal's `prevSeal` is SHA-256 of the JCS of the whole signed seal before it (64 zeros for the first). */
export function sealHash(seal: SignedSeal): string {
  return sha256Hex(jcs(seal));
}

export function prevSealOf(previous: SignedSeal | null): string {
  return previous ? sealHash(previous) : GENESIS;
}

/** The events of the seals stream. */
export const signingKeyIntroduced = z.object({
  type: z.literal('SigningKeyIntroduced'),
  data: z.strictObject({ keyId: keyIdSchema, algorithm: z.literal('Ed25519'), publicKey: z.string().min(1) }),
});
/** A seal, with the heads that moved since the seal before it: the tree at any seal is the sum of these. */
export const sealed = z.object({
  type: z.literal('Sealed'),
  data: z.strictObject({ seal: signedSealSchema, heads: z.array(z.tuple([z.string(), z.number().int().positive(), hex64])) }),
});
export const sealsEventSchema = z.discriminatedUnion('type', [signingKeyIntroduced, sealed]);
export type SealsEvent = z.infer<typeof sealsEventSchema>;
