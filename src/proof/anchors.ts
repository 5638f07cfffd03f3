import { SEALS_STREAM } from '../events/streams';
import type { EventStore } from '../stores/eventStore.port';
import { eventsBackwardsOf, eventsOf } from '../stores/streamPages';
import type { LineOf } from './exportFormat';
import { HeadsTree } from './headsTree';
import { sealsEventSchema, type SignedSeal } from './seal';

/**
 * The anchors an export shows, and where in the seals stream the oldest seal they name is (its
 * sequence and its event's revision): the export carries the seals from it on, read again as it
 * writes them rather than held here (a retention period's worth of seals).
 */
export type Anchors = Readonly<{ anchors: LineOf<'anchor'>[]; oldestSeal: Readonly<{ sequence: number; revision: number }> | null }>;

/**
 * Anchors for pruned record streams (RECORD_RETENTION_DAYS): for each stream whose events before
 * `revision + 1` are gone, its last sealed head at or before `revision` (exactly `revision` after
 * a pruning, which only ever prunes through a sealed head), and the newest seal whose tree still
 * has it (the seal before the one that moved it further, else the newest), with that leaf's audit
 * path in the tree. The newest such seal keeps the seals the export must carry from it as few as
 * can be. A stream with no sealed head in reach gets no anchor; one whose anchor is behind its
 * first event shows the revisions between as missing: a verifier names them either way.
 * Two passes over the seals stream: which seal (back from the newest), then the tree at it.
 */
export async function anchorsOf(store: Pick<EventStore, 'readStream' | 'readStreamBackwards'>, pruned: ReadonlyMap<string, number>, newest: SignedSeal): Promise<Anchors> {
  const targets = await lastSealedHeads(store, pruned, newest.sequence);
  if (targets.size === 0) return { anchors: [], oldestSeal: null };

  const oldest = Math.min(...[...targets.values()].map((target) => target.seal));
  const tree = new HeadsTree();
  const anchors: LineOf<'anchor'>[] = [];
  let oldestSeal: Anchors['oldestSeal'] = null;
  for await (const { sequence, heads, revision: at } of sealsUpTo(store, newest.sequence)) {
    for (const [stream, revision, hash] of heads) tree.set({ stream, revision, hash });
    if (sequence === oldest) oldestSeal = { sequence, revision: at };
    for (const [stream, target] of targets) {
      if (target.seal !== sequence) continue;
      const index = tree.indexOf(stream);
      anchors.push({ kind: 'anchor', seal: sequence, leaf: { ...tree.leafAt(index), index, path: tree.path(index) } });
    }
  }
  anchors.sort((a, b) => (a.leaf.stream < b.leaf.stream ? -1 : 1));
  return { anchors, oldestSeal };
}

/** A stream's head as a seal committed to it: revision, hash, and the seal. */
export type SealedHead = Readonly<{ revision: number; hash: string; seal: number }>;

/**
 * For each stream of `limits`, its last sealed head at or before the revision given, and the
 * newest seal up to `newest` whose tree still has it (the seal before the one that moved it
 * further, else `newest`). Where the pruner prunes to, and where an export anchors what it pruned:
 * one rule for both. Read from seal `newest` back, and only until every stream is found: a sweep
 * reads back about as far as the retention reaches, not every seal the deployment ever made (a
 * stream with no sealed head at or before its limit still takes the whole stream).
 */
export async function lastSealedHeads(store: Pick<EventStore, 'readStreamBackwards'>, limits: ReadonlyMap<string, number>, newest: number): Promise<Map<string, SealedHead>> {
  const found = new Map<string, SealedHead>();
  // Walking back, the oldest seal seen so far that moved the stream past its limit.
  const movedPast = new Map<string, number>();
  if (limits.size === 0) return found;
  for await (const stored of eventsBackwardsOf(store, SEALS_STREAM)) {
    const event = sealsEventSchema.parse(stored);
    if (event.type !== 'Sealed' || event.data.seal.sequence > newest) continue;
    const { sequence } = event.data.seal;
    for (const [stream, revision, hash] of event.data.heads) {
      const limit = limits.get(stream);
      if (limit === undefined || found.has(stream)) continue;
      if (revision > limit) movedPast.set(stream, sequence);
      else found.set(stream, { revision, hash, seal: (movedPast.get(stream) ?? newest + 1) - 1 });
    }
    if (found.size === limits.size) break;
  }
  return found;
}

/** The seals of the seals stream after revision `afterRevision`, in the stream's order, with the heads each moved and their event's revision. */
export async function* sealsAfter(store: Pick<EventStore, 'readStream'>, afterRevision = 0) {
  for await (const stored of eventsOf(store, SEALS_STREAM, afterRevision)) {
    const event = sealsEventSchema.parse(stored);
    if (event.type !== 'Sealed') continue;
    const { seal, heads } = event.data;
    yield { sequence: seal.sequence, heads, seal, revision: stored.revision };
  }
}

/** The seals up to seal `newest` (one appended since is left out). */
async function* sealsUpTo(store: Pick<EventStore, 'readStream'>, newest: number) {
  for await (const sealed of sealsAfter(store)) {
    yield sealed;
    if (sealed.sequence >= newest) return;
  }
}
