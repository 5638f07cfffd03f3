import { z } from 'zod';
import { eventSchema } from './event';

/**
 * Events of `secretAccess-<workspaceId>` and `personalSecretAccess-<userId>`: reads, kept apart
 * from the secrets streams so a reveal never changes a scope's revision.
 */
export const secretRevealed = eventSchema('SecretRevealed', {
  key: z.string(),
  version: z.number().int().positive(),
});
/**
 * Someone tested a value against the secret's fingerprints (a reviewer holding a leaked value):
 * the newest matching versions (at most MAX_MATCHES_SHOWN, 100) and how many matched.
 * `matchCount` is absent from the events written before it, which listed every match (their
 * count is the list's length).
 */
export const fingerprintChecked = eventSchema('FingerprintChecked', {
  key: z.string(),
  matchedVersions: z.array(z.number().int().positive()),
  matchCount: z.number().int().nonnegative().optional(),
});
export const secretAccessEventSchema = z.discriminatedUnion('type', [secretRevealed, fingerprintChecked]);

export type SecretRevealed = z.infer<typeof secretRevealed>;
export type FingerprintChecked = z.infer<typeof fingerprintChecked>;
export type SecretAccessEvent = z.infer<typeof secretAccessEventSchema>;
