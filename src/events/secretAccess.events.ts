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
export const secretAccessEventSchema = z.discriminatedUnion('type', [secretRevealed]);

export type SecretRevealed = z.infer<typeof secretRevealed>;
export type SecretAccessEvent = z.infer<typeof secretAccessEventSchema>;
