import { z } from 'zod';
import { SEALS_STREAM } from '../events/streams';
import type { EventStore, StoredEvent } from '../stores/eventStore.port';
import type { FollowerCheckpoints } from '../stores/followerCheckpoints.port';
import { chainHashOf, chainHeadOf, type ChainHead } from './chain';
import { compareStreamNames } from './headsTree';
import { hex64, keyIdSchema, sealsEventSchema, type SignedSeal } from './seal';

/** Signing keys a snapshot may name: rotations are rare, and each named key is read from the log at a start. */
const MAX_KEYS = 1000;
const revision = z.number().int().positive();

/**
 * What a seal history has read, saved so that a start reads only the seals after it (the
 * follower state `sealer`). Where in the seals stream it got to (revision, and that event's chain
 * hash: the snapshot is of this log), where the newest seal is, each signing key's introduction
 * and hand-over, and every stream's head, in the tree's order. Only the heads are taken from it:
 * the newest seal and the keys are read from the log at the revisions it names, every event
 * after the newest seal is read again, and the newest seal's root and signature must then hold
 * over the heads; otherwise the whole stream is read.
 */
export const sealSnapshotSchema = z.strictObject({
  v: z.literal(1),
  revision,
  hash: hex64,
  newestAt: revision,
  // Each key once (a key read from the log costs a few reads: far more than any rotation makes is refused).
  keys: z
    .array(z.strictObject({ keyId: keyIdSchema, introducedAt: revision, endedAt: revision.nullable() }))
    .max(MAX_KEYS)
    .refine((keys) => new Set(keys.map((key) => key.keyId)).size === keys.length, 'names a key twice'),
  // In the tree's order, each stream once and well formed (a lone surrogate has no canonical form to hash):
  // a start then puts each head at the tree's end.
  heads: z
    .array(z.tuple([z.string().refine((stream) => stream.isWellFormed()), revision, hex64]))
    .refine((heads) => heads.every(([stream], i) => i === 0 || compareStreamNames(heads[i - 1]![0], stream) < 0), 'heads out of order'),
});
export type SealSnapshot = z.infer<typeof sealSnapshotSchema>;

/** The follower whose state the snapshot is. */
export const SEALER_STATE = 'sealer';

/** What GET /v1/audit/public-keys lists: a key, and the time its seals span (`validUntil` null while it signs). */
export type KnownKey = { keyId: string; algorithm: 'Ed25519'; publicKey: string; validFrom: string; validUntil: string | null };
/** A key with where the seals stream introduced it, and the seal that handed over to another key (null while it signs). */
export type KeyRecord = { key: KnownKey; introducedAt: number; endedAt: number | null };

/** A snapshot as the log confirms it: the heads it saved, and the rest read from the log. */
export type ConfirmedSnapshot = Readonly<{ heads: SealSnapshot['heads']; newest: SignedSeal; newestHead: ChainHead; keys: KeyRecord[] }>;

/**
 * The saved snapshot, confirmed against the log; null when there is none, it does not parse, or
 * the log does not hold what it names (another or a restored log, a forged snapshot): the caller
 * then reads the whole stream.
 */
export async function confirmedSnapshot(store: Pick<EventStore, 'readStream'>, states: Pick<FollowerCheckpoints, 'getState'>): Promise<ConfirmedSnapshot | null> {
  const snapshot = parseSealSnapshot(await states.getState(SEALER_STATE).catch(() => null));
  if (!snapshot) return null;
  const last = await storedAt(store, snapshot.revision);
  if (!last || chainHashOf(last) !== snapshot.hash) return null;
  const holder = await sealsEventAt(store, snapshot.newestAt);
  if (holder?.event.type !== 'Sealed') return null;
  // The newest seal's key signs on: it has not been handed over.
  const newestKey = holder.event.data.seal.keyId;
  if (!snapshot.keys.some((key) => key.keyId === newestKey && key.endedAt === null)) return null;
  const keys: KeyRecord[] = [];
  for (const { keyId, introducedAt, endedAt } of snapshot.keys) {
    const introduced = await sealsEventAt(store, introducedAt);
    if (introduced?.event.type !== 'SigningKeyIntroduced' || introduced.event.data.keyId !== keyId) return null;
    const validUntil = endedAt === null ? null : await handOverAt(store, endedAt, keyId);
    if (validUntil === undefined) return null;
    keys.push({ key: { keyId, algorithm: 'Ed25519', publicKey: introduced.event.data.publicKey, validFrom: introduced.stored.metadata.at, validUntil }, introducedAt, endedAt });
  }
  keys.sort((a, b) => a.introducedAt - b.introducedAt);
  return { heads: snapshot.heads, newest: holder.event.data.seal, newestHead: chainHeadOf(holder.stored), keys };
}

/** How far back from a hand-over the seal before it is looked for: only key introductions come between. */
const HAND_OVER_REACH = 10;

/**
 * The time of the seal at `at` if it hands over from `keyId` to another key (the seal before it,
 * past any key introductions, is by `keyId`); undefined if it does not. A key the snapshot says
 * still signs (no hand-over) is taken at its word: only `validUntil` of the public keys' list
 * could be wrong, and no check uses it.
 */
async function handOverAt(store: Pick<EventStore, 'readStream'>, at: number, keyId: string): Promise<string | undefined> {
  const handOver = await sealsEventAt(store, at);
  if (handOver?.event.type !== 'Sealed' || handOver.event.data.seal.keyId === keyId) return undefined;
  for (let before = at - 1; before >= Math.max(1, at - HAND_OVER_REACH); before -= 1) {
    const event = (await sealsEventAt(store, before))?.event;
    if (event?.type === 'Sealed') return event.data.seal.keyId === keyId ? handOver.event.data.seal.at : undefined;
  }
  return undefined;
}

export function snapshotText(snapshot: Omit<SealSnapshot, 'v'>): string {
  return JSON.stringify({ v: 1, ...snapshot } satisfies SealSnapshot);
}

export function parseSealSnapshot(parts: readonly string[] | null): SealSnapshot | null {
  if (parts === null) return null;
  try {
    const parsed = sealSnapshotSchema.safeParse(JSON.parse(parts.join('')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function storedAt(store: Pick<EventStore, 'readStream'>, at: number): Promise<StoredEvent | null> {
  const [stored] = await store.readStream(SEALS_STREAM, at - 1, 1);
  return stored?.revision === at ? stored : null;
}

async function sealsEventAt(store: Pick<EventStore, 'readStream'>, at: number) {
  const stored = await storedAt(store, at);
  const parsed = stored && sealsEventSchema.safeParse(stored);
  return parsed?.success ? { stored: stored!, event: parsed.data } : null;
}
