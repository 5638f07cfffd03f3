import { z } from 'zod';
import { forgettableSchema, type SealedValue } from './values';
import { merged } from '../merged';

/**
 * The HTTP request that caused an event (DESIGN §7): our own id for it (echoed as X-Request-Id),
 * the client's own id when it sent a well-formed one, the client's address (X-Forwarded-For only
 * from TRUST_PROXY) and the peer's address when it differs. The addresses are personal data,
 * sealed under the actor's subject key (DESIGN §8); events written before that hold them plain.
 */
export const requestContextSchema = z.object({
  requestId: z.string(),
  clientRequestId: z.string().optional(),
  clientAddress: forgettableSchema.optional(),
  peerAddress: forgettableSchema.optional(),
});
export type RequestContext = z.infer<typeof requestContextSchema>;

/** The request as the API saw it, addresses in the clear: sealed (`SealedRequestContext`) before any event holds it. */
export type ClientRequest = Readonly<{ requestId: string; clientRequestId?: string; clientAddress?: string; peerAddress?: string }>;

/** The request context as events are written now: the addresses sealed. */
export type SealedRequestContext = Readonly<{ requestId: string; clientRequestId?: string; clientAddress?: SealedValue; peerAddress?: SealedValue }>;

/**
 * Who did it and when, carried by every event, with the request that caused it when there was
 * one, and the event's place in its stream's hash chain. `schemaVersion` lets later code upcast
 * old events.
 */
export const eventMetadataSchema = z.object({
  actor: z.string().min(1),
  at: z.string(),
  schemaVersion: z.literal(1),
  ...requestContextSchema.partial().shape,
  /**
   * The hash chain (DESIGN §8), set by the writer as it appends: the previous event's hash and
   * this one's. Absent only on events written before chaining that could not be hashed in place.
   */
  prev: z.string().optional(),
  hash: z.string().optional(),
  /** Set on events hashed in place by the upgrade that introduced chaining: they are only as good as the first seal over them. */
  chained: z.literal('migration').optional(),
  /** More events of the same write follow this one in its stream (see `asOneWrite`). */
  continued: z.literal(true).optional(),
});
export type EventMetadata = z.infer<typeof eventMetadataSchema>;

/** A domain event: a readonly tagged record whose `type` is its name. */
export type Event<Type extends string, Data extends object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
  metadata: EventMetadata;
}>;

/**
 * The clock and the actor, passed into every command so deciders stay pure. The request that
 * caused a command is added to its events' metadata once they are decided (see RequestStamps),
 * sealed, and only when there is something to record.
 */
export type CommandContext = Readonly<{ actor: string; at: string }>;

export function metadataOf(context: CommandContext): EventMetadata {
  return { actor: context.actor, at: context.at, schemaVersion: 1 };
}

/**
 * A command's events as one write: every one but the last is `continued`. The projector commits a
 * write whole (on SQLite no query sees part of one), the views take a scope's revision only where
 * a write ends, and time travel never answers a state between two events of one write; a batch
 * save of n keys makes one revision in the scope's history instead of n.
 * Events written before this mark (none carries it) each count as a write of their own.
 */
export function asOneWrite<E extends Readonly<{ metadata: EventMetadata }>>(events: readonly E[]): E[] {
  return events.map((event, i) => (i < events.length - 1 ? { ...event, metadata: merged(event.metadata, { continued: true as const }) } : event));
}

/** Builds the zod schema of one event type, so every event read back is parsed. */
export function eventSchema<const Type extends string, Shape extends z.ZodRawShape>(type: Type, data: Shape) {
  return z.object({ type: z.literal(type), data: z.object(data), metadata: eventMetadataSchema });
}
