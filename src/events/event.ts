import { z } from 'zod';

/** Who did it and when, carried by every event. `schemaVersion` lets later code upcast old events. */
export const eventMetadataSchema = z.object({
  actor: z.string().min(1),
  at: z.string(),
  schemaVersion: z.literal(1),
});
export type EventMetadata = z.infer<typeof eventMetadataSchema>;

/** A domain event: a readonly tagged record whose `type` is its name. */
export type Event<Type extends string, Data extends object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
  metadata: EventMetadata;
}>;

/** The clock and the actor, passed into every command so deciders stay pure. */
export type CommandContext = Readonly<{ actor: string; at: string }>;

export function metadataOf(context: CommandContext): EventMetadata {
  return { actor: context.actor, at: context.at, schemaVersion: 1 };
}

/** Builds the zod schema of one event type, so every event read back is parsed. */
export function eventSchema<const Type extends string, Shape extends z.ZodRawShape>(type: Type, data: Shape) {
  return z.object({ type: z.literal(type), data: z.object(data), metadata: eventMetadataSchema });
}
