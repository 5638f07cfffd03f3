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
/** Someone tested a value against the secret's fingerprints (a reviewer holding a leaked value). */
export const fingerprintChecked = eventSchema('FingerprintChecked', {
  key: z.string(),
  matchedVersions: z.array(z.number().int().positive()),
});
export const secretAccessEventSchema = z.discriminatedUnion('type', [secretRevealed, fingerprintChecked]);

export type SecretRevealed = z.infer<typeof secretRevealed>;
export type FingerprintChecked = z.infer<typeof fingerprintChecked>;
export type SecretAccessEvent = z.infer<typeof secretAccessEventSchema>;
