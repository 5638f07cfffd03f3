import type { StoredEvent } from './stored';
import { workspaceEventSchema, type WorkspaceEvent } from './workspace.events';
import {
  personalSecretsEventSchema,
  workspaceSecretsEventSchema,
  type PersonalSecretsEvent,
  type WorkspaceSecretsEvent,
} from './secrets.events';
import { secretAccessEventSchema, type SecretAccessEvent } from './secretAccess.events';
import { personalRecordsEventSchema, workspaceRecordsEventSchema, type PersonalRecordsEvent, type WorkspaceRecordsEvent } from './records.events';

/**
 * Stream names are `<category>-<id>`. Generated ids contain no `-`; user ids come from tokens
 * and might, so a name is split at its first `-` only.
 */
export const streamIds = {
  workspace: (workspaceId: string) => `workspace-${workspaceId}`,
  workspaceSecrets: (workspaceId: string) => `workspaceSecrets-${workspaceId}`,
  personalSecrets: (userId: string) => `personalSecrets-${userId}`,
  /** Reads recorded before records had streams of their own per instance: still read, no longer written. */
  secretAccess: (workspaceId: string) => `secretAccess-${workspaceId}`,
  personalSecretAccess: (userId: string) => `personalSecretAccess-${userId}`,
  /** The records one API instance writes: `<workspaceId>.<instance>` (see recordStreamId). */
  workspaceRecords: (instanceAndOwner: string) => `workspaceRecords-${instanceAndOwner}`,
  personalRecords: (instanceAndOwner: string) => `personalRecords-${instanceAndOwner}`,
} as const;

export type RecordCategory = 'workspaceRecords' | 'personalRecords';

/**
 * A record stream of one instance: `<category>-<ownerId>.<instance>`. Instance ids hold no `.`
 * (INSTANCE_ID is `[A-Za-z0-9_]`), so the owner is everything before the last `.`, whatever a
 * user id holds. The owner comes first so that one workspace's record streams sort together:
 * a seal proves the whole set of them (DESIGN §8).
 */
export function recordStreamId(category: RecordCategory, instanceId: string, ownerId: string): string {
  return streamIds[category](`${ownerId}.${instanceId}`);
}

/** What every record stream of one owner starts with, whichever instance wrote it. */
export function recordStreamPrefix(category: RecordCategory, ownerId: string): string {
  return streamIds[category](`${ownerId}.`);
}

/** Whether a stream holds records (of any owner and instance): the only streams RECORD_RETENTION_DAYS prunes. */
export function isRecordStream(streamId: string): boolean {
  return isRecordCategory(splitStreamId(streamId).category);
}

function isRecordCategory(category: string): category is RecordCategory {
  return category === 'workspaceRecords' || category === 'personalRecords';
}

export type Category = keyof typeof streamIds;
export const categories = Object.keys(streamIds) as Category[];

/** The one stream of seals over all the others (DESIGN §8); none of the categories above. */
export const SEALS_STREAM = 'seals';

/** What every stream name of this service starts with, for logs shared with others (EventStoreDB's $all). */
export const streamPrefixes: readonly string[] = [...categories.map((category) => `${category}-`), SEALS_STREAM];

/**
 * One recorded event of category C for each event type E may be: distributed over E, so that
 * narrowing on the event's type narrows the whole record (its category included).
 */
type Recorded<C extends Category, E> = E extends unknown
  ? Readonly<{
      category: C;
      /** The workspace id or user id the stream belongs to. */
      ownerId: string;
      streamId: string;
      revision: number;
      position: string;
      event: E;
    }>
  : never;

/**
 * An event read back from the log, parsed and tagged with the stream it belongs to: a flat union
 * of one member per (category, event type) pair.
 */
export type RecordedEvent =
  | Recorded<'workspace', WorkspaceEvent>
  | Recorded<'workspaceSecrets', WorkspaceSecretsEvent>
  | Recorded<'personalSecrets', PersonalSecretsEvent>
  | Recorded<'secretAccess', SecretAccessEvent>
  | Recorded<'personalSecretAccess', SecretAccessEvent>
  | Recorded<'workspaceRecords', WorkspaceRecordsEvent>
  | Recorded<'personalRecords', PersonalRecordsEvent>;

/** The name of every event type of every stream. */
export type EventType = RecordedEvent['event']['type'];

/** The recorded events of the given types, whichever streams they occur in. */
export type RecordedOf<T extends EventType> = Extract<RecordedEvent, { event: { type: T } }>;

const schemas = {
  workspace: workspaceEventSchema,
  workspaceSecrets: workspaceSecretsEventSchema,
  personalSecrets: personalSecretsEventSchema,
  secretAccess: secretAccessEventSchema,
  personalSecretAccess: secretAccessEventSchema,
  workspaceRecords: workspaceRecordsEventSchema,
  personalRecords: personalRecordsEventSchema,
} as const;

export function splitStreamId(streamId: string): { category: string; ownerId: string } {
  const dash = streamId.indexOf('-');
  if (dash < 0) return { category: streamId, ownerId: '' };
  const category = streamId.slice(0, dash);
  const rest = streamId.slice(dash + 1);
  // A record stream's id ends with the instance that writes it.
  if (isRecordCategory(category)) return { category, ownerId: rest.slice(0, rest.lastIndexOf('.')) };
  return { category, ownerId: rest };
}

function isCategory(name: string): name is Category {
  return Object.hasOwn(streamIds, name);
}

/**
 * Parses a stored event with its category's zod schema. Returns null for streams that are not
 * this service's; throws when one of ours does not match its schema (a bug or a corrupt log).
 */
export function parseStoredEvent(stored: StoredEvent): RecordedEvent | null {
  const { category, ownerId } = splitStreamId(stored.streamId);
  if (!isCategory(category)) return null;
  const event = schemas[category].parse({ type: stored.type, data: stored.data, metadata: stored.metadata });
  return {
    category,
    ownerId,
    streamId: stored.streamId,
    revision: stored.revision,
    position: stored.position,
    event,
  } as RecordedEvent;
}

/** Every event type, once each, as the schemas of the streams define them. */
export const eventTypes: readonly EventType[] = [
  ...new Set(Object.values(schemas).flatMap((schema) => schema.options.map((option) => option.shape.type.value))),
];

/** Whether a recorded event is of one of `types`: the runtime check behind narrowing to `RecordedOf`. */
export function isRecordedOf<T extends EventType>(types: ReadonlySet<T>, recorded: RecordedEvent): recorded is RecordedOf<T> {
  const names: ReadonlySet<EventType> = types;
  return names.has(recorded.event.type);
}

export type EventOf<C extends Category> = Extract<RecordedEvent, { category: C }>['event'];

/** Parses the events of one stream of a known category (command side). */
export function parseStreamEvents<C extends Category>(category: C, events: readonly StoredEvent[]): EventOf<C>[] {
  const schema = schemas[category];
  return events.map((e) => schema.parse({ type: e.type, data: e.data, metadata: e.metadata }) as EventOf<C>);
}
