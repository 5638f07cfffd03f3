import type { RecordedEvent } from '../../src/events/streams';
import { streamIds, type Category } from '../../src/events/streams';
import type { SealedValue } from '../../src/events/values';

/** Builds recorded events for projection tests: one stream, positions and revisions counting up. */
export function stream<C extends Category>(category: C, ownerId: string, firstPosition = 1) {
  let revision = 0;
  let position = firstPosition - 1;
  let minute = 0;
  return (type: string, data: object, actor = 'alice'): RecordedEvent => {
    revision += 1;
    position += 1;
    minute += 1;
    return {
      category,
      ownerId,
      streamId: streamIds[category](ownerId),
      revision,
      position: String(position),
      event: { type, data, metadata: { actor, at: at(minute), schemaVersion: 1 } },
    } as unknown as RecordedEvent;
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
