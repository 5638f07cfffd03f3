import { isRecordedOf, parseStoredEvent, streamIds, type Category, type EventOf, type RecordedOf } from '../../src/events/streams';
import type { SealedValue } from '../../src/events/values';

/** The event types of a category's streams, and the data of one of them. */
type TypeIn<C extends Category> = EventOf<C>['type'];
type DataOf<C extends Category, T extends string> = Extract<EventOf<C>, { type: T }>['data'];

/**
 * Builds recorded events for projection tests: one stream, positions and revisions counting up.
 * Each is stored and parsed back as the projector reads it, so its data is checked by the schema.
 */
export function stream<C extends Category>(category: C, ownerId: string, firstPosition = 1) {
  let revision = 0;
  let position = firstPosition - 1;
  let minute = 0;
  return <T extends TypeIn<C>>(type: T, data: DataOf<C, T>, actor = 'alice'): RecordedOf<T> => {
    revision += 1;
    position += 1;
    minute += 1;
    const recorded = parseStoredEvent({
      streamId: streamIds[category](ownerId),
      revision,
      position: String(position),
      type,
      data,
      metadata: { actor, at: at(minute), schemaVersion: 1 },
    });
    if (!recorded || !isRecordedOf(new Set([type]), recorded)) throw new Error(`${category} streams have no ${type} events`);
    return recorded;
  };
}

/** The timestamp of the n-th event of a `stream`. */
export function at(minute: number): string {
  return new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString();
}

export function sealed(tag: string): SealedValue {
  return { dataKeyId: `dk_${tag}`, nonce: `nonce_${tag}`, ciphertext: `ct_${tag}` };
}

/** `SecretSet` data for a key at a version; the value and fingerprint carry the tag. */
export function setData(key: string, version: number, tag = `${key}${version}`) {
  return { key, version, value: sealed(tag), fingerprint: `fp_${tag}` };
}
