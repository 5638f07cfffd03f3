import { setImmediate } from 'node:timers/promises';
import { z } from 'zod';
import { SEALS_STREAM } from '../events/streams';
import type { EventStore, StoredEvent } from '../stores/eventStore.port';
import type { FollowerCheckpoints } from '../stores/followerCheckpoints.port';
import { linesOfParts, piecesOfLines } from '../stores/textParts';
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
export type SealSnapshot = Readonly<{
  revision: number;
  hash: string;
  newestAt: number;
  keys: readonly Readonly<{ keyId: string; introducedAt: number; endedAt: number | null }>[];
  heads: readonly (readonly [stream: string, revision: number, hash: string])[];
}>;

/**
 * Its text: a header (`v` 2; the number of heads), then the heads, HEADS_PER_LINE to a line, in
 * the tree's order. At 100,000 heads the text is ~12.5 MB: as one JSON in one row it held the
 * process ~170 ms to save and ~340 to read and check (`npm run bench:holds`); a line takes a
 * millisecond or two.
 * (Version 1 was one JSON object: a start passes it over and reads the whole stream once.)
 */
const HEADS_PER_LINE = 1_000;
const headerSchema = z.strictObject({
  v: z.literal(2),
  revision,
  hash: hex64,
  newestAt: revision,
  // Each key once (a key read from the log costs a few reads: far more than any rotation makes is refused).
  keys: z
    .array(z.strictObject({ keyId: keyIdSchema, introducedAt: revision, endedAt: revision.nullable() }))
    .max(MAX_KEYS)
    .refine((keys) => new Set(keys.map((key) => key.keyId)).size === keys.length, 'names a key twice'),
  heads: z.number().int().nonnegative(),
});
// Each stream well formed: a lone surrogate has no canonical form to hash.
const headsLineSchema = z.array(z.tuple([z.string().refine((stream) => stream.isWellFormed()), revision, hex64])).max(HEADS_PER_LINE);

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
  const snapshot = await parseSealSnapshot(await states.getState(SEALER_STATE).catch(() => null));
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

/** The snapshot's text as the pieces of a saved state, the event loop turning between lines. */
export async function sealSnapshotPieces(snapshot: SealSnapshot, headsPerLine = HEADS_PER_LINE): Promise<string[]> {
  const { heads, ...rest } = snapshot;
  const lines = [JSON.stringify({ v: 2, ...rest, heads: heads.length })];
  for (let from = 0; from < heads.length; from += headsPerLine) {
    await setImmediate();
    lines.push(JSON.stringify(heads.slice(from, from + headsPerLine)));
  }
  return piecesOfLines(lines);
}

/**
 * The snapshot in a saved state's parts, a line at a time; null when it is not one: malformed, of
 * version 1, heads out of order or named twice (a start then puts each head at the tree's end),
 * or not as many as its header says.
 */
export async function parseSealSnapshot(parts: readonly string[] | null): Promise<SealSnapshot | null> {
  if (parts === null) return null;
  try {
    const [first = '', ...lines] = await linesOfParts(parts);
    // A version-1 snapshot is one JSON of every head (~12.5 MB at 100,000): not parsed to be refused.
    if (!first.startsWith('{"v":2,')) return null;
    const header = headerSchema.safeParse(JSON.parse(first));
    if (!header.success) return null;
    const heads: SealSnapshot['heads'][number][] = [];
    for (const line of lines) {
      await setImmediate();
      const parsed = headsLineSchema.safeParse(JSON.parse(line));
      if (!parsed.success) return null;
      for (const head of parsed.data) {
        if (heads.length > 0 && compareStreamNames(heads.at(-1)![0], head[0]) >= 0) return null;
        heads.push(head);
      }
      if (heads.length > header.data.heads) return null;
    }
    const { v: _version, heads: count, ...rest } = header.data;
    return heads.length === count ? { ...rest, heads } : null;
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
