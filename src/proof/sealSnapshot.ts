import { z } from 'zod';
import { keyIdSchema } from './seal';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * What a seal history has read, saved so that a start reads only the seals after it (the
 * follower state `sealer`): where in the seals stream it got to (revision, and that event's
 * chain hash, to check the snapshot against the log), where the newest seal is, the signing keys, and every
 * stream's head in the tree, in the tree's order. Not trusted: a start checks it against the log
 * and the newest seal's root, and replays the whole stream when it does not hold.
 */
export const sealSnapshotSchema = z.strictObject({
  v: z.literal(1),
  revision: z.number().int().positive(),
  hash: hex64,
  /** Where in the seals stream the newest seal is: a start reads it from there, not from the snapshot. */
  newestAt: z.number().int().positive().nullable(),
  keys: z.array(
    z.strictObject({ keyId: keyIdSchema, algorithm: z.literal('Ed25519'), publicKey: z.string().min(1), validFrom: z.string(), validUntil: z.string().nullable() }),
  ),
  heads: z.array(z.tuple([z.string(), z.number().int().positive(), hex64])),
});
export type SealSnapshot = z.infer<typeof sealSnapshotSchema>;

/** The follower whose state the snapshot is. */
export const SEALER_STATE = 'sealer';

/** The snapshot in a saved state, or null when it is not one (another version's, or damaged). */
export function parseSealSnapshot(text: string): SealSnapshot | null {
  try {
    const parsed = sealSnapshotSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
